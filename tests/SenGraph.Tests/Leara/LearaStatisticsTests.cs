using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Leara;

/// <summary><c>learaStatistics</c>: PII-free counts by agency, level, state, month, program and outcome, checked against a filter-and-count of <c>learas</c>.</summary>
public sealed class LearaStatisticsTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private string Bob => host.Token("bob", "Agent", "SAC-BOS");
    private string Hank => host.Token("hank", "Headquarters Agent", "HQ-HSI");
    private string Stella => host.Token("stella", "Statistics Analyst", "HQ-ICE");

    private const string Dimensions = "[AGENCY, AGENCY_LEVEL, AGENCY_STATE, MONTH, PROGRAM, OUTCOME]";

    private static readonly (string Agency, string Level, string? State, string Received, string Program, string? Outcome, string? Completed)[] Requests =
    [
        ("Suffolk County Sheriff", "COUNTY", "MA", "2026-10-03", "ERO", "ASSISTANCE_PROVIDED", "2026-10-05"),
        ("Suffolk County Sheriff", "COUNTY", "MA", "2026-10-10", "ERO", "ASSISTANCE_PROVIDED", "2026-10-11"),
        ("Suffolk County Sheriff", "COUNTY", "MA", "2026-10-20", "ERO", "ASSISTANCE_PROVIDED", "2026-10-30"),
        ("Suffolk County Sheriff", "COUNTY", "MA", "2026-10-21", "ERO", "ASSISTANCE_PROVIDED", "2026-10-25"),
        ("Suffolk County Sheriff", "COUNTY", "MA", "2026-10-22", "ERO", null, null),
        ("Suffolk County Sheriff", "COUNTY", "MA", "2026-11-02", "ERO", "DECLINED", "2026-11-02"),
        ("Boston Police Department", "MUNICIPAL", "MA", "2026-10-04", "HSI", "REFERRED", "2026-10-09"),
        ("Boston Police Department", "MUNICIPAL", "MA", "2026-10-06", "HSI", "REFERRED", "2026-10-07"),
        ("Massachusetts State Police", "STATE", "MA", "2026-11-15", "ERO", "NO_RESPONSE_NEEDED", "2026-11-15"),
        ("Wampanoag Tribal Police", "TRIBAL", null, "2026-11-16", "DRO", null, null),
        ("Providence Police Department", "MUNICIPAL", "RI", "2026-11-17", "OI", "ASSISTANCE_PROVIDED", "2026-11-30"),
    ];

    private async Task SeedAsync()
    {
        foreach (var (agency, level, state, received, program, outcome, completed) in Requests)
        {
            var input = LearaApi.Input(agency, ("agencyLevel", level), ("agencyState", state), ("agencyOri", null), ("receivedOn", received),
                ("program", program), ("outcome", outcome), ("responseCompletedOn", completed), ("disposition", outcome is null ? null : "Handled."));
            var created = await host.CreateLearaAsync(Bob, input);
            Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
            await host.StepOkAsync("submitReport", Bob, new { id = created["leara"]!["id"]!.GetValue<string>(), expectedVersion = created["leara"]!["version"]!.GetValue<int>() });
        }
        // A draft is not counted.
        Assert.Empty((await host.CreateLearaAsync(Bob, LearaApi.Input("Suffolk County Sheriff"))).ErrorCodes());
    }

    private static double? Median(List<int> days)
    {
        if (days.Count == 0) return null;
        days.Sort();
        return days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2.0;
    }

    [Fact]
    public async Task Counts_and_median_days_per_agency_level_state_month_program_and_outcome_match_a_filter_and_count_of_learas()
    {
        await SeedAsync();
        var stats = (await host.PostAsync($"{{ learaStatistics(groupBy: {Dimensions}) {{ total completed medianDaysToResponse suppressedGroups "
            + "groups { agency agencyLevel agencyState month program outcome count completed medianDaysToResponse } } }", token: Hank)).ShouldSucceed().Data!["learaStatistics"]!;

        var all = (await host.PostAsync("{ learas(first: 50, where: { status: { eq: SUBMITTED } }) { totalCount nodes { daysToResponse } } }", token: Hank))
            .ShouldSucceed().Data!["learas"]!;
        Assert.Equal(Requests.Length, stats["total"]!.GetValue<int>());
        Assert.Equal(all["totalCount"]!.GetValue<int>(), stats["total"]!.GetValue<int>());
        var allDays = all["nodes"]!.AsArray().Where(n => n!["daysToResponse"] is not null).Select(n => n!["daysToResponse"]!.GetValue<int>()).ToList();
        Assert.Equal(allDays.Count, stats["completed"]!.GetValue<int>());
        Assert.Equal(Median(allDays), stats["medianDaysToResponse"]?.GetValue<double>());
        Assert.Equal(0, stats["suppressedGroups"]!.GetValue<int>());

        var groups = stats["groups"]!.AsArray();
        Assert.Equal(Requests.Length, groups.Sum(g => g!["count"]!.GetValue<int>()));
        Assert.Equal(7, groups.Count);
        foreach (var group in groups)
        {
            var month = group!["month"]!.GetValue<string>();
            var from = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd");
            var where = new JsonObject
            {
                ["status"] = new JsonObject { ["eq"] = "SUBMITTED" },
                ["requestingAgency"] = new JsonObject { ["eq"] = group["agency"]!.GetValue<string>() },
                ["agencyLevel"] = new JsonObject { ["eq"] = group["agencyLevel"]!.GetValue<string>() },
                ["agencyState"] = new JsonObject { ["eq"] = group["agencyState"]?.GetValue<string>() },
                ["program"] = new JsonObject { ["eq"] = group["program"]!.GetValue<string>() },
                ["outcome"] = new JsonObject { ["eq"] = group["outcome"]?.GetValue<string>() },
                ["receivedOn"] = new JsonObject { ["gte"] = from.ToString("yyyy-MM-dd"), ["lt"] = from.AddMonths(1).ToString("yyyy-MM-dd") },
            };
            var counted = (await host.PostAsync("query($where: LearaFilterInput) { learas(first: 50, where: $where) { totalCount nodes { daysToResponse } } }",
                new { where }, Hank)).ShouldSucceed().Data!["learas"]!;
            var days = counted["nodes"]!.AsArray().Where(n => n!["daysToResponse"] is not null).Select(n => n!["daysToResponse"]!.GetValue<int>()).ToList();
            Assert.Equal(counted["totalCount"]!.GetValue<int>(), group["count"]!.GetValue<int>());
            Assert.Equal(days.Count, group["completed"]!.GetValue<int>());
            Assert.Equal(Median(days), group["medianDaysToResponse"]?.GetValue<double>());
        }

        // Suffolk County in October: 5 requests, 4 completed in 2, 1, 10 and 4 days (median 3), 1 pending.
        var suffolk = groups.Where(g => g!["agency"]!.GetValue<string>() == "Suffolk County Sheriff" && g["month"]!.GetValue<string>() == "2026-10")
            .OrderByDescending(g => g!["count"]!.GetValue<int>()).ToList();
        Assert.Equal([(4, 4, 3.0), (1, 0, (double?)null)],
            suffolk.Select(g => (g!["count"]!.GetValue<int>(), g["completed"]!.GetValue<int>(), g["medianDaysToResponse"]?.GetValue<double>())));

        // Filters, totals only.
        var filtered = (await host.PostAsync("""{ learaStatistics(where: { agencyStates: ["ma"], programs: [ERO], receivedBefore: "2026-11-01" }, groupBy: []) { total completed medianDaysToResponse groups { count } } }""",
            token: Hank)).ShouldSucceed().Data!["learaStatistics"]!;
        Assert.Equal((5, 4, 3.0, 0), (filtered["total"]!.GetValue<int>(), filtered["completed"]!.GetValue<int>(), filtered["medianDaysToResponse"]!.GetValue<double>(),
            filtered["groups"]!.AsArray().Count));

        // A Statistics Analyst gets the same counts without the groups of 1 to 4 requests, nor such a total; an agent gets none.
        var analyst = (await host.PostAsync("{ learaStatistics(groupBy: [AGENCY_LEVEL]) { total suppressedGroups groups { agencyLevel count } } }", token: Stella))
            .ShouldSucceed().Data!["learaStatistics"]!;
        Assert.Equal(Requests.Length, analyst["total"]!.GetValue<int>());
        Assert.Equal(["COUNTY:6"], analyst["groups"]!.AsArray().Select(g => $"{g!["agencyLevel"]}:{g["count"]}"));
        Assert.Equal(3, analyst["suppressedGroups"]!.GetValue<int>());
        Assert.Contains("STATISTICS_SUPPRESSED",
            (await host.PostAsync("""{ learaStatistics(where: { agencyLevels: [TRIBAL] }, groupBy: []) { total } }""", token: Stella)).ErrorCodes);
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("{ learaStatistics { total } }", token: Bob)).ErrorCodes);
    }
}
