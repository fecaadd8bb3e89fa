using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Host.Kernel.Records;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Leara;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Records;

/// <summary>
/// Every report shows its records dates (<c>retention { cutOff transferOn destroyOn unscheduled }</c> on the Report interface), stored
/// when it is saved and recomputed when its trigger changes (an amendment of the incident date, a LEARA's completion), or when it was
/// computed under another schedule.
/// </summary>
public sealed class RetentionOnReportsTests(RecordsHost host) : IClassFixture<RecordsHost>
{
    private const string Retention = "retention { cutOff transferOn destroyOn unscheduled transferredAt }";

    /// <summary>An agent of SAC-BOS, where review is not mandatory.</summary>
    private string Alice => host.Token("bob", "Agent", "SAC-BOS");
    private string Bob => host.Token("bob", "Agent", "SAC-BOS");

    private async Task<JsonNode> RetentionOf(string id, string token) =>
        (await host.PostAsync($"query($id: ID!) {{ node(id: $id) {{ ... on Report {{ {Retention} }} }} }}", new { id }, token))
            .ShouldSucceed().Data!["node"]!["retention"]!;

    private static (string?, string?, string?, bool) Dates(JsonNode retention) => (retention["cutOff"]?.GetValue<string>(),
        retention["transferOn"]?.GetValue<string>(), retention["destroyOn"]?.GetValue<string>(), retention["unscheduled"]!.GetValue<bool>());

    [Fact]
    public async Task A_sir_counts_from_the_fiscal_year_of_its_incident_in_eastern_time_and_an_amendment_of_the_incident_date_recomputes()
    {
        // 23:59 Eastern on 30 September 2026 is still FY2026.
        var (id, version) = await host.DraftAsync(Alice, "Retention edge", ("eventAt", "2026-09-30T23:59:00-04:00"), ("eventState", "NY"));
        Assert.Equal(("2026-09-30", "2051-10-01", "2101-10-01", false), Dates(await RetentionOf(id, Alice)));

        var submitted = await host.StepOkAsync("submitReport", Alice, new { id, expectedVersion = version });
        Assert.Equal("2101-10-01", (await RetentionOf(id, Alice))["destroyOn"]!.GetValue<string>());

        // Amended: the incident was at 04:00 UTC on 1 October, midnight Eastern: FY2027.
        var amended = await host.AmendAsync(Alice, SirApi.Input("Retention edge", ("id", id), ("expectedVersion", submitted["version"]!.GetValue<int>()),
            ("reason", "Corrected the incident time"), ("eventAt", "2026-10-01T04:00:00Z")));
        Assert.Empty(amended.ErrorCodes());
        Assert.Equal(("2027-09-30", "2052-10-01", "2102-10-01", false), Dates(await RetentionOf(id, Alice)));
    }

    [Fact]
    public async Task A_spot_is_unscheduled_and_has_no_dates()
    {
        var created = (await host.PostAsync("""
            mutation { createSpot(input: { title: "Unscheduled", nature: IMMINENT_THREAT, subject: "A threat", summary: "Threat reported.", authorizingOffice: "SAC-NYC", eventAt: "2026-11-01T10:00:00Z", eventState: "NY" }) {
              spot { id retention { cutOff transferOn destroyOn unscheduled } } errors { code message path } } }
            """, token: Alice)).ShouldSucceed().Data!["createSpot"]!;
        Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
        Assert.Equal((null, null, null, true), Dates(created["spot"]!["retention"]!));
    }

    [Fact]
    public async Task A_leara_has_no_dates_until_its_response_is_completed()
    {
        var open = await host.CreateLearaAsync(Bob, LearaApi.Input("Open request"));
        Assert.True(open["errors"]!.AsArray().Count == 0, open.ToJsonString());
        Assert.Equal((null, null, null, false), Dates(await RetentionOf(open["leara"]!["id"]!.GetValue<string>(), Bob)));

        // Completed on 20 November 2026: FY2027; transferred after 10 years, destroyed after 15.
        var done = await host.CreateLearaAsync(Bob, LearaApi.Input("Completed request", ("responseCompletedOn", "2026-11-20"), ("outcome", "ASSISTANCE_PROVIDED")));
        Assert.True(done["errors"]!.AsArray().Count == 0, done.ToJsonString());
        Assert.Equal(("2027-09-30", "2037-10-01", "2042-10-01", false), Dates(await RetentionOf(done["leara"]!["id"]!.GetValue<string>(), Bob)));

        // Completing the open one (its update) gives it dates; 30 September is still FY2026.
        var id = open["leara"]!["id"]!.GetValue<string>();
        var updated = (await host.PostAsync("mutation($input: UpdateLearaInput!) { updateLeara(input: $input) { leara { id } errors { code message path } } }",
            new { input = LearaApi.Input("Open request", ("id", id), ("expectedVersion", open["leara"]!["version"]!.GetValue<int>()),
                ("responseCompletedOn", "2027-09-30"), ("receivedOn", "2026-11-02"), ("outcome", "REFERRED")) }, Bob)).ShouldSucceed().Data!["updateLeara"]!;
        Assert.True(updated["errors"]!.AsArray().Count == 0, updated.ToJsonString());
        Assert.Equal(("2027-09-30", "2037-10-01", "2042-10-01", false), Dates(await RetentionOf(id, Bob)));
    }

    [Fact]
    public async Task Dates_computed_under_another_schedule_are_recomputed_before_a_disposition_run()
    {
        var (id, _) = await host.DraftAsync(Alice, "Stale schedule", ("eventAt", "2025-03-09T07:30:00Z"));
        // As an older module version with a one-year schedule would have left them.
        await host.ExecuteAsync("UPDATE Reports SET RetentionKey = 'IncidentDate:1:1', RetentionDestroyOn = '2026-10-01', RetentionTransferOn = '2026-10-01' WHERE Id = $id",
            ("$id", id.ToUpperInvariant()));
        Assert.Equal("2026-10-01", (await RetentionOf(id, Alice))["destroyOn"]!.GetValue<string>());

        var dryRun = await host.Services.GetRequiredService<RecordsDisposition>()
            .RunAsync(new DispositionRequest(new DateOnly(2030, 1, 1), DryRun: true, "dry-run"), CancellationToken.None);

        Assert.Equal(0, dryRun.ByType.Where(t => t.Type == "SIR").Sum(t => t.DueForDestruction));
        Assert.Equal(("2025-09-30", "2050-10-01", "2100-10-01", false), Dates(await RetentionOf(id, Alice)));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Reports WHERE RetentionKey IS NULL OR (Type = 'SIR' AND RetentionKey <> 'IncidentDate:75:25')"));
    }
}
