using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Security;

/// <summary>
/// Office scope (the issue, PIA Overview and 8.1): field users see their own office's reports (once out of draft) and
/// those routed or sent to them; headquarters roles (IROC, headquarters agents, HSI intelligence, OPR) see every
/// submitted report; drafts are their author's alone. Outside that scope a report answers exactly as a report that
/// does not exist, on every query and mutation.
/// </summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class OfficeScopeTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private sealed class Seeded
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public Reports? Reports;
    }

    private Seeded Seed => host.State.Of<Seeded>();

    /// <summary>Reports by alice (Agent, SAC-NYC, where review is mandatory).</summary>
    private sealed record Reports(string Draft, string Pending, string Submitted, string SentToBetty);

    private string Token(string user, string role, string office) => host.Token(user, role, office);

    private string Alice => Token("alice", "Agent", "SAC-NYC");

    private string Sam => Token("sam", "Supervisor", "SAC-NYC");

    private async Task<Reports> SeedAsync()
    {
        await Seed.Gate.WaitAsync();
        try
        {
            if (Seed.Reports is not null) return Seed.Reports;
            var (draft, _) = await host.DraftAsync(Alice, "Scope: draft");
            var pending = await PendingAsync("Scope: pending");
            var submitted = await SubmittedAsync("Scope: submitted");
            var sent = await SubmittedAsync("Scope: sent to betty", new { kind = "USER", code = "betty" });
            return Seed.Reports = new Reports(draft, pending.Id, submitted, sent);
        }
        finally
        {
            Seed.Gate.Release();
        }
    }

    private async Task<(string Id, int Version)> PendingAsync(string title)
    {
        var (id, version) = await host.DraftAsync(Alice, title);
        var pending = await host.StepOkAsync("requestReportReview", Alice, new { id, expectedVersion = version });
        return (id, pending["version"]!.GetValue<int>());
    }

    private async Task<string> SubmittedAsync(string title, params object[] recipients)
    {
        var (id, version) = await PendingAsync(title);
        var approved = await host.StepOkAsync("approveReport", Sam, new { id, expectedVersion = version });
        await host.StepOkAsync("submitReport", Alice, new { id, expectedVersion = approved["version"]!.GetValue<int>(), recipients });
        return id;
    }

    // Expected from the rules above, not from the code: Y = sees it, . = does not.
    //                     user      role                                    office     draft pending submitted sent-to-betty
    public static readonly TheoryData<string, string, string, string> Scope = new()
    {
        { "alice",  "Agent",                                "SAC-NYC", "Y Y Y Y" }, // the author
        { "sam",    "Supervisor",                           "SAC-NYC", ". Y Y Y" }, // the originating office
        { "olivia", "Office Manager",                       "SAC-NYC", ". Y Y Y" },
        { "ray",    "Agent",                                "RAC-ALB", ". . . ." }, // another office of the area, not routed
        { "rachel", "Supervisor",                           "RAC-ALB", ". . . ." },
        { "ed",     "Agent",                                "FOD-NYC", ". . Y Y" }, // routed: the area's FOD
        { "ivan",   "HSI Intelligence",                     "FIG-NYC", ". . Y Y" }, // routed: the area's FIG (and HQ reader)
        { "bob",    "Agent",                                "SAC-BOS", ". . . ." }, // another area
        { "betty",  "Supervisor",                           "SAC-BOS", ". . . Y" }, // sent to her by name
        { "iris",   "IROC Staff",                           "IROC-HQ", ". . Y Y" }, // routed: every IROC; reads all submitted
        { "hank",   "Headquarters Agent",                   "HQ-HSI",  ". . Y Y" }, // headquarters: every submitted report
        { "oscar",  "Office of Professional Responsibility", "HQ-OPR",  ". . Y Y" },
    };

    [Theory]
    [MemberData(nameof(Scope))]
    public async Task Each_user_sees_the_reports_of_their_scope_on_every_path(string user, string role, string office, string expected)
    {
        var reports = await SeedAsync();
        var token = Token(user, role, office);
        var seen = new List<string>();
        foreach (var id in new[] { reports.Draft, reports.Pending, reports.Submitted, reports.SentToBetty })
        {
            var response = (await host.PostAsync(
                "query($id: ID!) { sir(id: $id) { id } node(id: $id) { id } reports(where: { id: { eq: $id } }) { totalCount } }",
                new { id }, token)).ShouldSucceed();
            var bySir = response.Data!["sir"] is not null;
            var byNode = response.Data!["node"] is not null;
            var byReports = response.Data!["reports"]!["totalCount"]!.GetValue<int>() == 1;
            Assert.True(bySir == byNode && byNode == byReports, $"{user}: paths disagree on {id}: {response.Body}");
            seen.Add(bySir ? "Y" : ".");
        }

        Assert.Equal(expected, string.Join(' ', seen));
    }

    [Fact]
    public async Task A_report_outside_the_callers_scope_answers_exactly_as_one_that_does_not_exist()
    {
        var reports = await SeedAsync();
        var pending = await PendingAsync("Scope: out of reach");
        var bob = Token("bob", "Agent", "SAC-BOS");
        var betty = Token("betty", "Supervisor", "SAC-BOS");
        var update = SirApi.Input("Hijacked");
        var operations = new (string Query, Func<string, object> Variables, string Token)[]
        {
            ("query($id: ID!) { sir(id: $id) { id } node(id: $id) { id } nodes(ids: [$id]) { id } }", id => new { id }, bob),
            ("mutation($input: ReportStepInput!) { requestReportReview(input: $input) { report { id } errors { code message path } } }",
                id => new { input = new { id, expectedVersion = pending.Version } }, bob),
            ("mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id } errors { code message path } } }",
                id => new { input = new { id, expectedVersion = pending.Version } }, bob),
            ("mutation($input: UpdateSirInput!) { updateSir(input: $input) { sir { id } errors { code message path } } }",
                id => new { input = new Dictionary<string, object?>(update) { ["id"] = id, ["expectedVersion"] = pending.Version } }, bob),
            ("mutation($input: AmendSirInput!) { amendSir(input: $input) { sir { id } errors { code message path } } }",
                id => new { input = new Dictionary<string, object?>(update) { ["id"] = id, ["expectedVersion"] = pending.Version, ["reason"] = "Because" } }, bob),
            ("mutation($id: ID!) { markReportRead(input: { id: $id }) { items { id } errors { code message path } } }", id => new { id }, bob),
            ("mutation($id: ID!) { acknowledgeReport(input: { id: $id }) { items { id } errors { code message path } } }", id => new { id }, bob),
            ("mutation($input: ReturnReportInput!) { returnReport(input: $input) { report { id } errors { code message path } } }",
                id => new { input = new { id, expectedVersion = pending.Version, reason = "No." } }, betty),
            ("mutation($input: ReportStepInput!) { approveReport(input: $input) { report { id } errors { code message path } } }",
                id => new { input = new { id, expectedVersion = pending.Version } }, betty),
        };

        foreach (var outOfScope in new[] { pending.Id, reports.Submitted, reports.Draft })
        {
            foreach (var (query, variables, token) in operations)
            {
                var missing = Guid.NewGuid().ToString();
                var hidden = await host.PostAsync(query, variables(outOfScope), token);
                var absent = await host.PostAsync(query, variables(missing), token);

                Assert.Equal(absent.Status, hidden.Status);
                Assert.Equal(absent.Body.Replace(missing, "ID"), hidden.Body.Replace(outOfScope, "ID"));
                Assert.DoesNotContain("Scope:", hidden.Body);
            }
        }

        // Nothing was changed by any of it.
        var still = (await host.PostAsync("query($id: ID!) { sir(id: $id) { status version } }", new { id = pending.Id }, Alice)).ShouldSucceed();
        Assert.Equal("PENDING_REVIEW", still.Data!["sir"]!["status"]!.GetValue<string>());
        Assert.Equal(pending.Version, still.Data!["sir"]!["version"]!.GetValue<int>());
    }
}
