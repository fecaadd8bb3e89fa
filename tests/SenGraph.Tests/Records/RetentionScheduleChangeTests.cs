using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Records;

/// <summary>
/// Issue 17 item 1: "a schedule change in a module upgrade recomputes dates". The kit probe module at 1.0.0 keeps KPROBE reports
/// 5 years after the end of the fiscal year of their response (no transfer); 1.1.0 (<c>SenGraph.TestModules.KitTypes.V1_1</c>, the
/// same source built with another schedule) keeps them 7 years and transfers them after 3. Deployed live into the running host's
/// plugins folder, the upgrade recomputes the stored dates of the reports already there, and every report shows the new ones.
/// </summary>
public sealed class RetentionScheduleChangeTests : IDisposable
{
    private const string KitTypes = "SenGraph.TestModules.KitTypes";

    private readonly TestHost _host = new(new PluginsFolder().WithTestModule(KitTypes), settings: TestHost.AcceptingUnknownUsers());

    public void Dispose() => _host.Dispose();

    private string Bob => _host.Token("bob", "Agent", "SAC-BOS");

    private async Task<string> SubmittedKitProbeAsync(string title, string respondedOn)
    {
        var created = (await _host.PostAsync("""
            mutation($input: CreateKitProbeInput!) { createKitProbe(input: $input) { kitProbe { id version } errors { code message path } } }
            """, new { input = new { title, outcome = "ONGOING", respondedOn } }, Bob)).ShouldSucceed().Data!["createKitProbe"]!;
        Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
        var id = created["kitProbe"]!["id"]!.GetValue<string>();
        await _host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = created["kitProbe"]!["version"]!.GetValue<int>() });
        return id;
    }

    private async Task<(string?, string?, string?, bool)> DatesAsync(string id)
    {
        var retention = (await _host.PostAsync("query($id: ID!) { node(id: $id) { ... on Report { retention { cutOff transferOn destroyOn unscheduled } } } }",
            new { id }, Bob)).ShouldSucceed().Data!["node"]!["retention"]!;
        return (retention["cutOff"]?.GetValue<string>(), retention["transferOn"]?.GetValue<string>(), retention["destroyOn"]?.GetValue<string>(),
            retention["unscheduled"]!.GetValue<bool>());
    }

    private async Task<JsonNode> ScheduleAsync() =>
        (await _host.PostAsync("{ modules { id version reportTypes { code retention { destroyAfterYears transferAfterYears } } } }")).ShouldSucceed()
            .Data!["modules"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "kit-types")!;

    [Fact]
    public async Task Upgrading_a_module_live_to_a_version_with_another_schedule_recomputes_the_dates_shown_on_its_reports()
    {
        var before = await ScheduleAsync();
        Assert.Equal("1.0.0", before["version"]!.GetValue<string>());
        Assert.Equal("""{"destroyAfterYears":5,"transferAfterYears":null}""", before["reportTypes"]![0]!["retention"]!.ToJsonString());

        // FY2026 (30 September is its last day) and FY2027 (1 October is its first).
        var fy2026 = await SubmittedKitProbeAsync("Responded on the last day of FY2026", "2026-09-30");
        var fy2027 = await SubmittedKitProbeAsync("Responded on the first day of FY2027", "2026-10-01");
        Assert.Equal(("2026-09-30", null, "2031-10-01", false), await DatesAsync(fy2026));
        Assert.Equal(("2027-09-30", null, "2032-10-01", false), await DatesAsync(fy2027));
        Assert.Equal(2, await DueByAsync("2032-10-01"));

        _host.Plugins.Deploy(KitTypes + ".V1_1", KitTypes);
        var upgraded = await _host.WaitForModuleAsync("kit-types", m => m?["version"]?.GetValue<string>() == "1.1.0");
        Assert.Equal("LOADED", upgraded!["status"]!.GetValue<string>());
        Assert.True(upgraded["lastChange"]!["applied"]!.GetValue<bool>(), upgraded.ToJsonString());
        Assert.Equal("""{"destroyAfterYears":7,"transferAfterYears":3}""", (await ScheduleAsync())["reportTypes"]![0]!["retention"]!.ToJsonString());

        // The reports submitted under 1.0.0 now show (and are stored with, as recordsDue finds them) 1.1.0's dates.
        Assert.Equal(("2026-09-30", "2029-10-01", "2033-10-01", false), await DatesAsync(fy2026));
        Assert.Equal(("2027-09-30", "2030-10-01", "2034-10-01", false), await DatesAsync(fy2027));
        Assert.Equal(0, await DueByAsync("2032-10-01"));
        Assert.Equal(1, await DueByAsync("2033-10-01"));

        // A report submitted under 1.1.0 gets its dates at once.
        var after = await SubmittedKitProbeAsync("Responded after the upgrade", "2027-03-15");
        Assert.Equal(("2027-09-30", "2030-10-01", "2034-10-01", false), await DatesAsync(after));
    }

    /// <summary>How many reports the records officers' <c>recordsDue</c> finds due for destruction on <paramref name="asOf"/> (read from the stored dates).</summary>
    private async Task<int> DueByAsync(string asOf)
    {
        var due = (await _host.PostAsync("query($asOf: DateOnly!) { recordsDue(asOf: $asOf) { byType { type dueForDestruction } } }", new { asOf },
            _host.Token("rita", "Records Officer", "HQ-ICE"))).ShouldSucceed().Data!["recordsDue"]!["byType"]!.AsArray();
        return due.Where(t => t!["type"]!.GetValue<string>() == "KPROBE").Sum(t => t!["dueForDestruction"]!.GetValue<int>());
    }
}
