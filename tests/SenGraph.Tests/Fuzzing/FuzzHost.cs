using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Fuzzing;

/// <summary>An HTTP answer, as bytes were received.</summary>
public sealed record FuzzResponse(int Status, string? MediaType, string Body)
{
    public JsonNode? Json
    {
        get
        {
            try
            {
                return JsonNode.Parse(Body);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}

/// <summary>
/// The built host as a real process with the shipped modules and the Development directory, the schema's
/// mutations read by introspection, and development tokens for the directory's users, each of whom has
/// acknowledged the Rules of Behavior.
/// </summary>
public sealed class FuzzHost : IAsyncLifetime
{
    /// <summary>Directory users (seeded in Development), one per role, in the order tried as a mutation's caller.</summary>
    public static readonly IReadOnlyList<(string User, string Roles, string Office)> Users =
    [
        ("alice", "Agent", "SAC-NYC"),
        ("sam", "Supervisor", "SAC-NYC"),
        ("root", "System Administrator", "HQ-ICE"),
        ("olivia", "Office Manager", "SAC-NYC"),
        ("iris", "IROC Staff", "IROC-HQ"),
        ("hank", "Headquarters Agent", "HQ-HSI"),
        ("ivan", "HSI Intelligence", "FIG-NYC"),
        ("oscar", "Office of Professional Responsibility", "HQ-OPR"),
        ("paula", "Public Affairs Officer", "HQ-OPA"),
        ("stella", "Statistics Analyst", "HQ-ICE"),
        ("rita", "Records Officer", "HQ-ICE"),
        ("priya", "Privacy Officer", "HQ-ICE"),
        ("ed", "Agent", "FOD-NYC"),
        ("bob", "Agent", "SAC-BOS"),
        ("lesc", "LESC Staff", "HQ-ICE"),
        ("iona", "IOU Analyst", "HQ-ICE"),
        ("scott", "SC Program Staff", "HQ-ICE"),
        ("dina", "SC Data Importer", "HQ-ICE"),
        ("pat", "Partner Agency Consumer", "HQ-ICE"),
    ];

    /// <summary>
    /// Users of the modules' own roles (LENS's LESC Staff, ERO LEAD's IOU Analyst, Secure Communities' program staff and
    /// importer): the development directory does not seed them, so root creates them at start.
    /// </summary>
    private static readonly IReadOnlySet<string> ModuleRoleUsers = new HashSet<string>(StringComparer.Ordinal) { "lesc", "iona", "scott", "dina" };

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private PluginsFolder? _plugins;
    private HttpClient? _http;

    public RunningHost Host { get; private set; } = null!;

    public FuzzSchema Schema { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _plugins = new PluginsFolder().WithShippedModules();
        Host = await RunningHost.StartAsync(_plugins);
        _http = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        // Everyone signs in (acknowledging the Rules of Behavior, which is stored) now, before any database dump.
        _tokens["root"] = await Host.SignInAsync("root", "System Administrator", "HQ-ICE");
        foreach (var (user, roles, office) in Users.Where(u => ModuleRoleUsers.Contains(u.User)))
        {
            var created = await QueryAsync("mutation($input: CreateUserInput!) { createUser(input: $input) { errors { code message } } }",
                new { input = new { userName = user, displayName = user, office, roles = roles.Split(',') } }, "root");
            Assert.Empty(created["createUser"]!["errors"]!.AsArray());
        }

        foreach (var (user, roles, office) in Users.Where(u => u.User != "root")) _tokens[user] = await Host.SignInAsync(user, roles, office);
        Schema = FuzzSchema.Read(await QueryAsync(FuzzSchema.IntrospectionQuery, null, "root"));
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await Host.DisposeAsync();
        _plugins?.Dispose();
    }

    /// <summary>The user's token (every user in <see cref="Users"/> has acknowledged the Rules of Behavior at start).</summary>
    public string Token(string user) => _tokens[user];

    public async Task<FuzzResponse> SendAsync(FuzzCase fuzz)
    {
        using var request = fuzz.GetUrl is { } url
            ? new HttpRequestMessage(HttpMethod.Get, url)
            : new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(fuzz.Body) };
        if (request.Content is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzz.ContentType);
        request.Headers.Accept.ParseAdd(TestHost.GraphQLResponseJson);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(fuzz.Caller));
        using var response = await _http!.SendAsync(request);
        return new FuzzResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An operation that must succeed; its <c>data</c>.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables, string user)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query, variables });
        var response = await SendAsync(new FuzzCase("-", user, "query", body, []));
        var json = response.Json;
        Assert.True(response.Status == 200 && json?["errors"] is null && json?["data"] is not null,
            $"Expected success, got {response.Status}: {response.Body[..Math.Min(response.Body.Length, 2000)]}");
        return json!["data"]!;
    }

    /// <summary>The first directory user (in <see cref="Users"/> order) whose roles the schema lets run <paramref name="mutation"/>; null when none.</summary>
    public async Task<string?> CallerAllowedToRunAsync(MutationDef mutation)
    {
        foreach (var (user, _, _) in Users)
        {
            if (await AllowsAsync(mutation, user)) return user;
        }

        return null;
    }

    /// <summary>
    /// Whether authorization lets <paramref name="user"/> run <paramref name="mutation"/>: asked with a document that
    /// also names an unknown directive, so it is never executed and the answer says only whether authorization
    /// refused it too.
    /// </summary>
    public async Task<bool> AllowsAsync(MutationDef mutation, string user)
    {
        var builder = new StringBuilder("mutation FuzzProbe");
        if (mutation.Arguments.Count > 0) builder.Append('(').AppendJoin(", ", mutation.Arguments.Select(a => $"${a.Name}: {a.Type}")).Append(')');
        builder.Append(" { ").Append(mutation.Name);
        if (mutation.Arguments.Count > 0) builder.Append('(').AppendJoin(", ", mutation.Arguments.Select(a => $"{a.Name}: ${a.Name}")).Append(')');
        builder.Append(Schema.SelectionOf(mutation)).Append(" __typename @fuzzNeverExecuted }");
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = builder.ToString() });
        var response = await SendAsync(new FuzzCase(mutation.Name, user, "caller probe", body, []));
        var codes = (response.Json?["errors"] as JsonArray ?? []).Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();
        Assert.True(response.Status >= 400 && codes.Contains("KNOWN_DIRECTIVES"), $"The caller probe of {mutation.Name} was not refused as it should be: {response.Body}");
        return !codes.Contains("AUTH_NOT_AUTHORIZED") && !codes.Contains("AUTH_NOT_AUTHENTICATED");
    }
}
