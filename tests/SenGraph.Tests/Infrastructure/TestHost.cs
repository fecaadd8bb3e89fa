using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SenGraph.Host.Security;

namespace SenGraph.Tests.Infrastructure;

/// <summary>
/// The real host, in process, over HTTP, loading its modules from <paramref name="plugins"/> and
/// storing in a throwaway SQLite file, or in a fresh PostgreSQL database of its own when the run has a server
/// (<see cref="TestDatabase"/>) and the test does not set <c>ConnectionStrings:SenGraph</c> itself.
/// </summary>
public class TestHost(PluginsFolder plugins, string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public PluginsFolder Plugins { get; } = plugins;

    /// <summary>What the test classes using this fixture seeded once (<see cref="FixtureState"/>).</summary>
    public FixtureState State { get; } = new();

    public string DatabaseFile { get; } = Path.Combine(Path.GetDirectoryName(plugins.Path)!, "sengraph.db");

    private IReadOnlyDictionary<string, string>? _databaseSettings;

    /// <summary><c>Database:Provider</c> and <c>ConnectionStrings:SenGraph</c> of this host (<see cref="TestDatabase"/>).</summary>
    public IReadOnlyDictionary<string, string> DatabaseSettings => _databaseSettings ??= TestDatabase.Settings(DatabaseFile);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Plugins:Path", Plugins.Path);
        if (settings?.ContainsKey("ConnectionStrings:SenGraph") == true)
            builder.UseSetting("ConnectionStrings:SenGraph", $"Data Source={DatabaseFile}");
        else
            foreach (var (key, value) in DatabaseSettings) builder.UseSetting(key, value);
        builder.UseSetting("Plugins:ReloadDelay", "00:00:00.200");
        builder.UseSetting("Demo:SeedOnStart", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (Clock is { } clock) builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }

    /// <summary>The host's clock, when a test moves time itself; else the system's.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// <paramref name="settings"/> plus <c>Security:Accounts:AcceptUnknownUsers</c>: for hosts whose tests mint tokens for
    /// users the directory does not know (test modules' own roles, users made up for one test), so they run with the
    /// roles their token claims. Every other host refuses such users (<c>ACCOUNT_NOT_APPROVED</c>), as production does.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> AcceptingUnknownUsers(IReadOnlyDictionary<string, string?>? settings = null) =>
        new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Security:Accounts:AcceptUnknownUsers"] = "true" };

    private readonly ConcurrentDictionary<string, Lazy<bool>> _acknowledgedRules = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A development token, as the <c>token</c> command prints it, for a user who has acknowledged the Rules of
    /// Behavior (recorded once per user and host, as if they had run <c>acknowledgeRulesOfBehavior</c>) unless
    /// <paramref name="acknowledgeRules"/> is false.
    /// </summary>
    public string Token(string user = "alice", string roles = "Agent", string office = "SAC-NYC", bool acknowledgeRules = true)
    {
        var token = DevelopmentTokens.Issue(Services.GetRequiredService<AuthenticationSettings>(), Services.GetRequiredService<IHostEnvironment>(),
            user, roles.Split(','), office, TimeProvider.System);
        if (acknowledgeRules) AcknowledgeRulesOfBehavior(user);
        return token;
    }

    /// <summary>Records, through the host's own service, that <paramref name="user"/> acknowledged the current Rules of Behavior.</summary>
    /// <remarks>Concurrent first calls for one user wait for the one acknowledgement.</remarks>
    public void AcknowledgeRulesOfBehavior(string user) => _ = _acknowledgedRules.GetOrAdd(user, name => new Lazy<bool>(() =>
    {
        var rules = Services.GetRequiredService<RulesOfBehavior>();
        // A write like any other: audited, as the user's own acknowledgeRulesOfBehavior would be.
        using var audit = SenGraph.Contracts.Auditing.AuditScope.Begin(
            new SenGraph.Contracts.Auditing.AuditContext(name, "test-setup") { OperationName = "acknowledgeRulesOfBehavior (test setup)" });
        rules.AcknowledgeAsync(name, rules.Options.Version, CancellationToken.None).GetAwaiter().GetResult();
        return true;
    })).Value;

    /// <summary>Polls <c>modules</c> until <paramref name="condition"/> holds for the module <paramref name="id"/> (or its absence).</summary>
    public async Task<JsonNode?> WaitForModuleAsync(string id, Func<JsonNode?, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        JsonNode? module = null;
        while (DateTime.UtcNow < deadline)
        {
            var response = (await PostAsync(
                "{ modules { id version status error types fields retainedVersions restartRecommended " +
                "lastChange { fromVersion toVersion applied reason schemaChanges { level description } } } }")).ShouldSucceed();
            module = response.Data!["modules"]!.AsArray().FirstOrDefault(m => m!["id"]!.GetValue<string>() == id);
            if (condition(module)) return module;
            await Task.Delay(100);
        }

        throw new TimeoutException($"Module {id} did not reach the expected state; last seen: {module?.ToJsonString() ?? "absent"}");
    }

    public Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? token = null, string accept = GraphQLResponseJson)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        return SendAsync(HttpMethod.Post, "/graphql", body, "application/json", token, accept);
    }

    public async Task<GraphQLResponse> SendAsync(HttpMethod method, string url, string? body = null, string? contentType = null,
        string? token = null, string? accept = GraphQLResponseJson)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, response.Headers,
            string.Join(", ", response.Content.Headers.Allow));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Plugins.Dispose();
    }
}

/// <summary>An HTTP answer from /graphql.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, string? MediaType, string Body, HttpResponseHeaders Headers, string Allow)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty body");

    public JsonNode? Data => Json["data"];

    public JsonArray Errors => Json["errors"] as JsonArray ?? [];

    public IEnumerable<string?> ErrorCodes => Errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>());

    /// <summary>Fails with the whole body when the response has errors, so a test failure says why.</summary>
    public GraphQLResponse ShouldSucceed()
    {
        Assert.True(Status == HttpStatusCode.OK && Errors.Count == 0, $"Expected success, got {(int)Status}: {Body}");
        return this;
    }
}
