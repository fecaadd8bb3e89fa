using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SenGraph.Tests.Fuzzing;

/// <summary>
/// What an answer to bad input must not show: a stack trace, an exception type, a .NET type name, a file path
/// or SQL text. Echoes of what the caller sent (error messages quote bad values) are taken out first, so an
/// SQL-looking input quoted back is not mistaken for leaked SQL.
/// </summary>
public static partial class ResponseHygiene
{
    private static readonly (string What, Regex Pattern)[] Leaks =
    [
        ("a stack frame", StackFrame()),
        ("a stack trace marker", new Regex(@"--- End of (inner exception )?stack trace|:line \d+", RegexOptions.CultureInvariant)),
        ("an exception type", new Regex(@"\b[A-Z][A-Za-z0-9_]*Exception\b", RegexOptions.CultureInvariant)),
        ("a .NET type name", new Regex(@"\b(System|Microsoft|GraphQL|GraphQLParser|SenGraph|McMaster|Npgsql)\.[A-Z][A-Za-z0-9_`]*", RegexOptions.CultureInvariant)),
        ("a file path", new Regex(@"(?<![\w.+-])(/(tmp|work|home|root|usr|opt|var|app|src|_)/|[A-Za-z]:\\)|\b\w+\.(cs|dll|pdb)\b", RegexOptions.CultureInvariant)),
        ("SQL text", new Regex(
            @"(?i:sqlite)|\bno such (table|column)\b|constraint failed|\bSELECT\s|\bINSERT INTO\b|\bUPDATE\s+""|\bDELETE FROM\b|\bWHERE\s+""|\bPRAGMA\b|""\w+""\.""\w+""",
            RegexOptions.CultureInvariant)),
    ];

    [GeneratedRegex(@"\bat [A-Za-z_][\w.`<>\[\]]*\.[\w`<>|]+\(", RegexOptions.CultureInvariant)]
    private static partial Regex StackFrame();

    /// <summary>Every leak found in <paramref name="body"/>, after removing the texts the caller sent (<paramref name="sent"/>), as "what: excerpt".</summary>
    public static IReadOnlyList<string> FindLeaks(string body, IEnumerable<string> sent)
    {
        var texts = Texts(body);
        var echoes = sent.Where(s => s.Length >= 3)
            .SelectMany(s => new[] { s, s.Trim(), s.ToUpperInvariant(), s.ToLowerInvariant(), s.Trim().ToUpperInvariant(), s.Trim().ToLowerInvariant() })
            .Where(s => s.Length >= 3).Distinct().OrderByDescending(s => s.Length).ToList();
        var found = new List<string>();
        foreach (var text in texts)
        {
            var cleaned = text;
            foreach (var echo in echoes) cleaned = cleaned.Replace(echo, " ", StringComparison.Ordinal);
            foreach (var (what, pattern) in Leaks)
            {
                var match = pattern.Match(cleaned);
                if (match.Success) found.Add($"{what}: …{Excerpt(cleaned, match.Index)}…");
            }
        }

        return found;
    }

    /// <summary>The strings a JSON body carries (keys and values), decoded; the whole body when it is not JSON.</summary>
    private static List<string> Texts(string body)
    {
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return [body];
        }

        var texts = new List<string>();
        Collect(json, texts);
        return texts;
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    texts.Add(key);
                    Collect(value, texts);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Collect(item, texts);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                texts.Add(v.GetValue<string>());
                break;
        }
    }

    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 40);
        return text.Substring(start, Math.Min(text.Length - start, 120)).ReplaceLineEndings(" ");
    }
}
