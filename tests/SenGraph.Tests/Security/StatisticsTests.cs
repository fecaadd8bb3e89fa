using System.Text.Json.Nodes;
using SenGraph.Tests.Auditing;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Security;

/// <summary>
/// <c>reportStatistics</c>: PII-free counts by type, status, office and month, what Statistics Analysts and Public
/// Affairs get; and a Statistics Analyst, who "may run statistical queries only", is refused everything else.
/// </summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class StatisticsTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string Statistics = """
        query($where: ReportStatisticsFilterInput, $groupBy: [ReportStatisticsDimension!]) {
          reportStatistics(where: $where, groupBy: $groupBy) { total suppressedGroups groups { type status office month count } }
        }
        """;

    [Fact]
    public async Task Counts_reports_by_type_status_office_and_month_within_the_filter()
    {
        // Its own office, so other tests of this class do not change the counts.
        const string office = "FOD-BOS";
        var agent = new Actor("Agent", "stat-agent", office);
        var (first, v1) = await host.DraftAsync(host.TokenOf(agent), "Counted 1");
        var (second, v2) = await host.DraftAsync(host.TokenOf(agent), "Counted 2");
        await host.DraftAsync(host.TokenOf(agent), "Counted 3");
        await host.StepOkAsync("submitReport", host.TokenOf(agent), new { id = first, expectedVersion = v1 });
        await host.StepOkAsync("submitReport", host.TokenOf(agent), new { id = second, expectedVersion = v2 });
        var month = DateTimeOffset.UtcNow.ToString("yyyy-MM");
        var where = new { offices = new[] { office } };

        // Operational staff see every count, however small (the others: Small_counts_are_withheld_from_roles_outside_the_operational_staff).
        var all = await CountAsync(OfficeManager, new { where });
        var byStatus = await CountAsync(HeadquartersAgent, new { where, groupBy = new[] { "STATUS" } });
        var submitted = await CountAsync(IrocStaff, new { where = new { offices = new[] { office }, statuses = new[] { "SUBMITTED" } }, groupBy = Array.Empty<string>() });
        var before = await CountAsync(StatisticsAnalyst, new { where = new { offices = new[] { office }, createdBefore = DateTimeOffset.UtcNow.AddDays(-1).ToString("O") } });

        Assert.Equal(3, all["total"]!.GetValue<int>());
        Assert.Equal(
            [("SIR", "DRAFT", office, month, 1), ("SIR", "SUBMITTED", office, month, 2)],
            Groups(all));
        Assert.Equal([(null, "DRAFT", null, null, 1), (null, "SUBMITTED", null, null, 2)], Groups(byStatus));
        Assert.Equal(2, submitted["total"]!.GetValue<int>());
        Assert.Empty(submitted["groups"]!.AsArray());
        Assert.Equal(0, before["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Small_counts_are_withheld_from_roles_outside_the_operational_staff()
    {
        // FOD-NYC: six drafts, one submitted, in an office no other test of this class writes to.
        const string office = "FOD-NYC";
        var agent = new Actor("Agent", "stat-small", office);
        var drafts = new List<(string Id, int Version)>();
        for (var i = 0; i < 7; i++) drafts.Add(await host.DraftAsync(host.TokenOf(agent), $"Small count {i}"));
        await host.StepOkAsync("submitReport", host.TokenOf(agent), new { id = drafts[0].Id, expectedVersion = drafts[0].Version });
        var byStatus = new { where = new { offices = new[] { office } }, groupBy = new[] { "STATUS" } };
        var submittedOnly = new { where = new { offices = new[] { office }, statuses = new[] { "SUBMITTED" } } };

        var operational = await CountAsync(Supervisor, byStatus);
        var analyst = await CountAsync(StatisticsAnalyst, byStatus);
        var publicAffairs = await host.PostAsync(Statistics, submittedOnly, host.TokenOf(PublicAffairsOfficer));

        Assert.Equal([(null, "DRAFT", null, null, 6), (null, "SUBMITTED", null, null, 1)], Groups(operational));
        Assert.Equal(0, operational["suppressedGroups"]!.GetValue<int>());
        Assert.Equal(7, analyst["total"]!.GetValue<int>());
        Assert.Equal([(null, "DRAFT", null, null, 6)], Groups(analyst));
        Assert.Equal(1, analyst["suppressedGroups"]!.GetValue<int>());
        Assert.Equal(["STATISTICS_SUPPRESSED"], publicAffairs.ErrorCodes);
        Assert.DoesNotContain("\"total\":1", publicAffairs.Body);
    }

    public static readonly TheoryData<string, bool> WhoMayRunStatistics = new()
    {
        { "Agent", false },
        { "Supervisor", true },
        { "Office Manager", true },
        { "IROC Staff", true },
        { "Headquarters Agent", true },
        { "HSI Intelligence", true },
        { "Public Affairs Officer", true },
        { "Office of Professional Responsibility", true },
        { "Statistics Analyst", true },
        { "System Administrator", false },
    };

    [Theory]
    [MemberData(nameof(WhoMayRunStatistics))]
    public async Task Statistics_are_for_the_roles_that_manage_receive_or_analyse_reports(string role, bool allowed)
    {
        var response = await host.PostAsync("{ reportStatistics { suppressedGroups } }", token: host.TokenOf(ByRole(role)));

        if (allowed) Assert.NotNull(response.ShouldSucceed().Data!["reportStatistics"]!["suppressedGroups"]);
        else
        {
            Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
            Assert.Null(response.Data);
        }
    }

    public static readonly TheoryData<string> NonStatisticalOperations = new()
    {
        "{ offices { totalCount } }",
        """{ office(code: "SAC-NYC") { name } }""",
        "{ organisations { code } }",
        "{ users { totalCount } }",
        "{ reports { totalCount } }",
        "{ myQueue { totalCount } }",
        "{ irocFeed { totalCount } }",
        "{ sirs { totalCount } }",
        """{ sir(id: "00000000-0000-0000-0000-000000000001") { id } }""",
        """{ node(id: "00000000-0000-0000-0000-000000000001") { id } }""",
        """{ nodes(ids: ["00000000-0000-0000-0000-000000000001"]) { id } }""",
        "{ me { userName } offices { totalCount } }",
        """mutation { createSir(input: { title: "x", category: OTHER }) { errors { code } } }""",
        """mutation { acknowledgeReport(input: { id: "00000000-0000-0000-0000-000000000001" }) { errors { code } } }""",
        """mutation { markReportRead(input: { id: "00000000-0000-0000-0000-000000000001" }) { errors { code } } }""",
        """mutation { submitReport(input: { id: "00000000-0000-0000-0000-000000000001", expectedVersion: 1 }) { errors { code } } }""",
        """mutation { createOffice(input: { code: "X-1", name: "x", kind: HQ, organisation: "ICE" }) { errors { code } } }""",
    };

    [Theory]
    [MemberData(nameof(NonStatisticalOperations))]
    public async Task A_statistics_analyst_is_refused_every_non_statistical_operation(string query)
    {
        var response = await host.PostAsync(query, token: host.TokenOf(StatisticsAnalyst));

        Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task A_statistics_analyst_may_ask_who_they_are_run_statistics_and_read_the_public_fields()
    {
        var response = (await host.PostAsync("{ me { userName roles } reportStatistics { suppressedGroups } serverInfo { version } modules { id } }",
            token: host.TokenOf(StatisticsAnalyst))).ShouldSucceed();

        Assert.Equal("stella", response.Data!["me"]!["userName"]!.GetValue<string>());
        Assert.NotNull(response.Data!["reportStatistics"]);
    }

    [Fact]
    public async Task A_statistics_analyst_may_acknowledge_the_rules_of_behavior_and_then_run_statistics()
    {
        var token = host.Token("new-analyst", "Statistics Analyst", "HQ-ICE", acknowledgeRules: false);
        Assert.Contains("RULES_OF_BEHAVIOR_NOT_ACKNOWLEDGED", (await host.PostAsync("{ reportStatistics { suppressedGroups } }", token: token)).ErrorCodes);

        var version = (await host.PostAsync("{ me { rulesOfBehavior { version } } }", token: token)).ShouldSucceed()
            .Data!["me"]!["rulesOfBehavior"]!["version"]!.GetValue<string>();
        var acknowledged = (await host.PostAsync("mutation($v: String!) { acknowledgeRulesOfBehavior(input: { version: $v }) { rulesOfBehavior { acknowledged } errors { code } } }",
            new { v = version }, token)).ShouldSucceed();

        Assert.True(acknowledged.Data!["acknowledgeRulesOfBehavior"]!["rulesOfBehavior"]!["acknowledged"]!.GetValue<bool>());
        (await host.PostAsync("{ reportStatistics { suppressedGroups } }", token: token)).ShouldSucceed();
    }

    [Fact]
    public async Task Another_role_besides_statistics_analyst_is_not_narrowed_by_it()
    {
        var analystAndManager = host.Token("sol", "Statistics Analyst,Office Manager", "SAC-NYC");

        (await host.PostAsync("{ offices { totalCount } reports { totalCount } }", token: analystAndManager)).ShouldSucceed();
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("{ offices { totalCount } }", token: host.TokenOf(StatisticsAnalyst))).ErrorCodes);
    }

    private async Task<JsonNode> CountAsync(Actor actor, object variables) =>
        (await host.PostAsync(Statistics, variables, host.TokenOf(actor))).ShouldSucceed().Data!["reportStatistics"]!;

    private static List<(string?, string?, string?, string?, int)> Groups(JsonNode statistics) =>
        statistics["groups"]!.AsArray().Select(g => (
            g!["type"]?.GetValue<string>(), g["status"]?.GetValue<string>(), g["office"]?.GetValue<string>(), g["month"]?.GetValue<string>(),
            g["count"]!.GetValue<int>())).ToList();
}
