using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SenGraph.Host.GraphQL.Limits;

/// <summary>
/// The trusted operations of <c>GraphQL:PersistedOperations:Mode = AllowListOnly</c>, read once from a JSON
/// object that maps the lower-case hex SHA-256 of each operation's exact text (UTF-8) to that text:
/// <code>{ "3f5b…": "query Me { me { userName } }" }</code>
/// </summary>
public sealed class PersistedOperationList
{
    private readonly Dictionary<string, string> _operations;

    private PersistedOperationList(Dictionary<string, string> operations) => _operations = operations;

    public int Count => _operations.Count;

    public bool TryGet(string hash, out string query) => _operations.TryGetValue(hash.ToLowerInvariant(), out query!);

    public bool Contains(string hash) => _operations.ContainsKey(hash.ToLowerInvariant());

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text, as Apollo's persisted queries compute it.</summary>
    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public static bool IsHash(string? value) => value is { Length: 64 } && value.All(Uri.IsHexDigit);

    /// <summary>Reads and checks the file; throws <see cref="InvalidDataException"/> saying what is wrong and where.</summary>
    public static PersistedOperationList Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"the allow-list file {path} cannot be read: {e.Message}", e);
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the allow-list file {path} is not valid JSON: {e.Message}", e);
        }

        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"the allow-list file {path} must be a JSON object mapping SHA-256 hashes to operation texts.");
            var operations = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in json.RootElement.EnumerateObject())
            {
                if (!IsHash(entry.Name))
                    throw new InvalidDataException($"the allow-list file {path}: \"{entry.Name}\" is not a SHA-256 hash (64 hex digits).");
                if (entry.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(entry.Value.GetString()))
                    throw new InvalidDataException($"the allow-list file {path}: the operation of {entry.Name} must be a non-empty string.");
                var query = entry.Value.GetString()!;
                var hash = entry.Name.ToLowerInvariant();
                if (Hash(query) != hash)
                    throw new InvalidDataException($"the allow-list file {path}: {entry.Name} is not the SHA-256 of its operation (that is {Hash(query)}).");
                if (!operations.TryAdd(hash, query))
                    throw new InvalidDataException($"the allow-list file {path}: {entry.Name} is listed twice.");
            }

            return new PersistedOperationList(operations);
        }
    }
}
