using SenGraph.Tests.Auditing;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Modules;

/// <summary>
/// What a module can plug into besides the schema: report events and other modules' events (handled in its own
/// container), background services (started when it serves, stopped with a deadline when it leaves), and roles of its
/// own (assignable in the directory, enforced by its policies, joining the host policies it asks for). Exercised with
/// the test modules <c>lifecycle</c> (handles, runs, declares) and <c>emitter</c> (publishes).
/// </summary>
public sealed class ModuleExtensionPointTests : IDisposable
{
    private readonly LifecycleHost _lifecycle = new(ignoreStop: false);
    private TestHost _host => _lifecycle.Host;

    public void Dispose() => _lifecycle.Dispose();

    private string[] JournalLines() => _lifecycle.JournalLines();

    private Task<string> WaitForLineAsync(Func<string, bool> match, string what) => _lifecycle.WaitForLineAsync(match, what);

    [Fact]
    public async Task A_module_handles_report_returned_submitted_and_amended_events_once_each()
    {
        await _host.WaitForModuleAsync("lifecycle", m => m is not null);
        var alice = _host.Token("alice", "Agent", "SAC-NYC");
        var sam = _host.Token("sam", "Supervisor", "SAC-NYC");
        var bob = _host.Token("bob", "Agent", "SAC-BOS");

        var (returnedId, v1) = await _host.DraftAsync(alice, "Arrest at JFK", ("supervisor", "sam"));
        var pending = await _host.StepOkAsync("requestReportReview", alice, new { id = returnedId, expectedVersion = v1 });
        await _host.StepOkAsync("returnReport", sam, new { id = returnedId, expectedVersion = pending["version"]!.GetValue<int>(), reason = "Add the FBI number." });

        var (id, v) = await _host.DraftAsync(bob, "Seizure at Logan", ("category", "SIGNIFICANT_SEIZURE"), ("seizedProperty", "12 kg"), ("eventState", "MA"));
        var submitted = await _host.StepOkAsync("submitReport", bob, new { id, expectedVersion = v });
        var number = submitted["number"]!.GetValue<string>();
        var amended = await _host.AmendAsync(bob, SirApi.Input("Seizure at Logan Airport", ("id", id), ("expectedVersion", submitted["version"]!.GetValue<int>()),
            ("reason", "Weight confirmed."), ("category", "SIGNIFICANT_SEIZURE"), ("seizedProperty", "14 kg"), ("eventState", "MA")));
        Assert.Empty(amended.ErrorCodes());

        // Handlers run before the mutation answers: no waiting needed.
        var lines = JournalLines();
        Assert.Single(lines, l => l == "returned SIR to alice by sam 1.0.0");
        Assert.Single(lines, l => l.StartsWith($"submitted SIR {number} by bob to ", StringComparison.Ordinal));
        Assert.Single(lines, l => l == $"amended SIR {number} revision 1 by bob 1.0.0");
    }

    [Fact]
    public async Task A_module_handles_a_contracts_event_another_module_publishes()
    {
        await _host.WaitForModuleAsync("lifecycle", m => m is not null);

        var response = await _host.PostAsync("mutation { emitLensStatus(ori: \"NY0000000\", status: \"SENT\") }");

        response.ShouldSucceed();
        Assert.Single(JournalLines(), l => l == "lens NY0000000 SENT 1.0.0");
    }

    [Fact]
    public async Task A_module_background_service_starts_when_the_module_loads_and_stops_when_it_is_removed()
    {
        await _host.WaitForModuleAsync("lifecycle", m => m is not null);
        await WaitForLineAsync(l => l == "started 1.0.0", "started");
        Assert.DoesNotContain("stopped 1.0.0", JournalLines());

        _host.Plugins.Remove(LifecycleHost.Lifecycle);
        await _host.WaitForModuleAsync("lifecycle", m => m is null);

        // Stopped before the snapshot without the module is reported: no polling.
        Assert.Contains("stopped 1.0.0", JournalLines());
        Assert.Single(JournalLines(), l => l == "started 1.0.0");
    }

    [Fact]
    public async Task A_module_role_is_listed_assignable_by_administrators_and_opens_the_module_policy_only()
    {
        await _host.WaitForModuleAsync("lifecycle", m => m is not null);
        var root = _host.Root();

        var roles = (await _host.PostAsync("{ directoryRoles { name description module } }", token: root)).ShouldSucceed().Data!["directoryRoles"]!.AsArray();
        var role = Assert.Single(roles, r => r!["name"]!.GetValue<string>() == "Lifecycle Analyst")!;
        Assert.Equal("lifecycle", role["module"]!.GetValue<string>());
        Assert.Contains("Analysts of the lifecycle test module", role["description"]!.GetValue<string>());
        Assert.Null(roles.Single(r => r!["name"]!.GetValue<string>() == "Agent")!["module"]);

        var created = (await _host.PostAsync(
            "mutation($input: CreateUserInput!) { createUser(input: $input) { user { roles } errors { code path } } }",
            new { input = new { userName = "lena", displayName = "Lena Analyst", office = "HQ-ICE", roles = new[] { "lifecycle analyst" } } }, root))
            .ShouldSucceed().Data!["createUser"]!;
        Assert.Empty(created["errors"]!.AsArray());
        Assert.Equal(["Lifecycle Analyst"], created["user"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        var lena = _host.Token("lena", "Agent", "HQ-ICE");  // the directory's roles replace the token's
        var secret = (await _host.PostAsync("{ lifecycleSecret }", token: lena)).ShouldSucceed();
        Assert.Equal("for lifecycle analysts", secret.Data!["lifecycleSecret"]!.GetValue<string>());

        var agent = await _host.PostAsync("{ lifecycleSecret }", token: _host.Token("alice", "Agent", "SAC-NYC"));
        Assert.Contains("AUTH_NOT_AUTHORIZED", agent.ErrorCodes);
        var asAnalystSirs = await _host.PostAsync("{ sirs(first: 1) { totalCount } }", token: lena);
        Assert.Contains("AUTH_NOT_AUTHORIZED", asAnalystSirs.ErrorCodes);
    }

    [Fact]
    public async Task A_role_no_loaded_module_declares_cannot_be_assigned()
    {
        await _host.WaitForModuleAsync("lifecycle", m => m is not null);
        _host.Plugins.Remove(LifecycleHost.Lifecycle);
        await _host.WaitForModuleAsync("lifecycle", m => m is null);

        var created = (await _host.PostAsync(
            "mutation($input: CreateUserInput!) { createUser(input: $input) { errors { code path } } }",
            new { input = new { userName = "lena", displayName = "Lena Analyst", office = "HQ-ICE", roles = new[] { "Lifecycle Analyst" } } }, _host.Root()))
            .ShouldSucceed().Data!["createUser"]!;

        Assert.Equal("UNKNOWN_ROLE", created["errors"]![0]!["code"]!.GetValue<string>());
    }
}

/// <summary>A module background service that ignores its stop signal does not hold up the module's removal.</summary>
public sealed class ModuleServiceDeadlineTests : IDisposable
{
    private readonly LifecycleHost _lifecycle = new(ignoreStop: true);

    public void Dispose() => _lifecycle.Dispose();

    [Fact]
    public async Task A_background_service_that_does_not_stop_is_abandoned_at_the_deadline_and_the_module_is_removed()
    {
        await _lifecycle.Host.WaitForModuleAsync("lifecycle", m => m is not null);
        await _lifecycle.WaitForLineAsync(l => l == "started 1.0.0", "started");

        _lifecycle.Host.Plugins.Remove(LifecycleHost.Lifecycle);
        await _lifecycle.Host.WaitForModuleAsync("lifecycle", m => m is null, TimeSpan.FromSeconds(20));

        Assert.DoesNotContain("stopped 1.0.0", _lifecycle.JournalLines());
        (await _lifecycle.Host.PostAsync("{ modules { id } }")).ShouldSucceed();
    }
}

/// <summary>The real host with the shipped modules and the lifecycle and emitter test modules; the lifecycle journal.</summary>
internal sealed class LifecycleHost : IDisposable
{
    public const string Lifecycle = "SenGraph.TestModules.Lifecycle";
    public const string Emitter = "SenGraph.TestModules.Emitter";
    private readonly string _journal;

    public LifecycleHost(bool ignoreStop)
    {
        var plugins = new PluginsFolder().WithShippedModules().WithTestModule(Lifecycle).WithTestModule(Emitter);
        _journal = Path.Combine(Path.GetDirectoryName(plugins.Path)!, "journal.txt");
        Host = new TestHost(plugins, settings: new Dictionary<string, string?>
        {
            ["Modules:lifecycle:Journal"] = _journal,
            ["Modules:lifecycle:IgnoreStop"] = ignoreStop ? "true" : "false",
            ["Plugins:ServiceStopTimeout"] = "00:00:01",
        });
    }

    public TestHost Host { get; }

    public string[] JournalLines() => File.Exists(_journal) ? File.ReadAllLines(_journal) : [];

    /// <summary>Polls the journal (written by the module, in the host) until a line matches.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (JournalLines().FirstOrDefault(match) is { } line) return line;
            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"The journal never said '{what}'. It holds: {string.Join(" | ", JournalLines())}");
    }

    public void Dispose() => Host.Dispose();
}
