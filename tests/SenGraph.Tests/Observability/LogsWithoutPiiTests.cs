using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Security;
using SenGraph.Tests.Sir;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Observability;

/// <summary>
/// Structured logs carry the request id, the user and the operation name, and never a PII value: a PII-heavy run
/// (a SIR with every PII field drafted, submitted, amended, read on every path, refused to roles without a need to
/// know, and sent back with bad values) is logged at Trace level, and no entry, exception or scope holds a value.
/// </summary>
public sealed class LogsWithoutPiiTests(TelemetryHost host) : IClassFixture<TelemetryHost>
{
    [Fact]
    public async Task A_pii_heavy_run_logs_no_pii_value_and_tags_entries_with_user_and_operation()
    {
        var agent = host.TokenOf(Agent);
        var (id, version) = await host.DraftAsync(agent, "Logged run", [.. PiiSir.Input("Logged run").Select(kv => (kv.Key, kv.Value))]);
        var submitted = await host.StepOkAsync("submitReport", agent, new { id, expectedVersion = version, recipients = new[] { new { kind = "USER", code = IrocStaff.User } } });
        var amendment = new Dictionary<string, object?>(PiiSir.Input("Logged run, amended"))
        {
            ["id"] = id, ["expectedVersion"] = submitted["version"]!.GetValue<int>(), ["reason"] = "Logged amendment",
        };
        Assert.Empty((await host.AmendAsync(agent, amendment)).ErrorCodes());
        var iroc = host.TokenOf(IrocStaff);
        var read = await host.PostAsync("query ReadForLogs($id: ID!) { node(id: $id) { ... on Sir { hospital people { firstName lastName aNumber fin fbiNumber address { street city } } } } "
            + "reports(first: 5) { nodes { title } } irocFeed(first: 5) { nodes { id } } }", new { id }, iroc);
        Assert.Contains(PiiSir.ANumber, read.Body);
        await host.PostAsync("query RefusedForLogs($id: ID!) { node(id: $id) { ... on Sir { people { aNumber } } } }", new { id }, host.TokenOf(StatisticsAnalyst));
        var bad = new Dictionary<string, object?>(PiiSir.Input(PiiSir.LastName + new string('x', 300))) { ["id"] = id, ["expectedVersion"] = 0 };
        await host.PostAsync("mutation BadUpdateForLogs($input: UpdateSirInput!) { updateSir(input: $input) { errors { code } } }", new { input = bad }, agent);
        await host.PostAsync("query BadVariableForLogs($n: Int) { reports(first: $n) { totalCount } }", new { n = PiiSir.FirstName }, agent);

        var entries = host.Logs.Entries.ToList();
        Assert.True(entries.Count > 50, $"only {entries.Count} log entries: the run was not logged at Trace level");
        foreach (var entry in entries)
        {
            var text = string.Join(" | ", new[] { entry.Message, entry.Exception ?? "" }.Concat(entry.Scope.Values.Select(v => v?.ToString() ?? "")));
            foreach (var value in PiiSir.Sentinels)
                Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"{entry.Category} logged the PII value '{value}': {text}");
        }

        var inOperation = entries.Where(e => Equals(e.Scope.GetValueOrDefault("OperationName"), "ReadForLogs")).ToList();
        Assert.NotEmpty(inOperation);
        Assert.All(inOperation, e => Assert.Equal(IrocStaff.User, e.Scope["User"]));
        Assert.All(inOperation, e => Assert.False(string.IsNullOrEmpty(e.Scope["RequestId"] as string)));
    }
}
