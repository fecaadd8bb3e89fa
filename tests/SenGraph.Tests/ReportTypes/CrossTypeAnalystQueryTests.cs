using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.ReportTypes;

/// <summary>
/// Issue 15 item 6: SIR, OPPRED, SPEAR and SPOT loaded together, and an analyst's query across the types through the
/// <c>reports</c> interface (type, state and submission time filtered in SQL), each report read with its own type's fields:
/// the right reports, and a fixed number of SQL statements whatever the page size. Its own host, so the data set is exactly
/// the one created here.
/// </summary>
public sealed class CrossTypeAnalystQueryTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const int PerType = 15;
    private sealed class Seeded
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public DateTimeOffset? From;
    }

    private Seeded Seed => host.State.Of<Seeded>();

    private string Iris => host.Token("iris", "IROC Staff", "IROC-HQ");

    private const string Selection =
        "totalCount nodes { id type title eventState submittedAt people { lastName } contacts { name } recipients { code } "
        + "... on Sir { category } ... on Oppred { qualifyingOffence } ... on Spear { activityKind } ... on Spot { nature } }";

    /// <summary>
    /// <see cref="PerType"/> submitted reports of each type by bob (SAC-BOS; SPEARs reviewed by betty): in MA when i is even,
    /// in RI otherwise; each with one suspect and one contact.
    /// </summary>
    private async Task<DateTimeOffset> SeedAsync()
    {
        await Seed.Gate.WaitAsync();
        try
        {
            if (Seed.From is { } from) return from;
            var start = DateTimeOffset.UtcNow.AddSeconds(-1);
            var bob = host.Token("bob", "Agent", "SAC-BOS");
            var betty = host.Token("betty", "Supervisor", "SAC-BOS");
            object[] People(int i) => [new { role = "SUSPECT", lastName = $"Suspect{i}" }];
            object[] contacts = [new { kind = "REPORTING_PERSONNEL", name = "Bob Agent" }];
            for (var i = 0; i < PerType; i++)
            {
                var state = i % 2 == 0 ? "MA" : "RI";
                var drafts = new (ReportTypeApi Api, Dictionary<string, object?> Input, bool Review)[]
                {
                    (new ReportTypeApi("Sir", "id version"), SirApi.Input($"Cross SIR {i:D2}", ("eventState", state), ("people", People(i)), ("contacts", contacts)), false),
                    (new ReportTypeApi("Oppred", "id version"), OppredTests.Input($"Cross OPPRED {i:D2}", ("eventState", state), ("people", People(i)), ("contacts", contacts)), false),
                    (new ReportTypeApi("Spear", "id version"), SpearTests.Input($"Cross SPEAR {i:D2}", ("eventState", state), ("people", People(i)), ("contacts", contacts)), true),
                    (new ReportTypeApi("Spot", "id version"), SpotTests.Input($"Cross SPOT {i:D2}", ("eventState", state), ("people", People(i)), ("contacts", contacts)), false),
                };
                foreach (var (api, input, review) in drafts)
                {
                    var (id, version) = await api.DraftAsync(host, bob, input);
                    if (review)
                    {
                        version = (await host.StepOkAsync("requestReportReview", bob, new { id, expectedVersion = version }))["version"]!.GetValue<int>();
                        version = (await host.StepOkAsync("approveReport", betty, new { id, expectedVersion = version }))["version"]!.GetValue<int>();
                    }
                    await host.StepOkAsync("submitReport", bob, new { id, expectedVersion = version });
                }
            }
            Seed.From = start;
            return start;
        }
        finally
        {
            Seed.Gate.Release();
        }
    }

    private async Task<JsonNode> ReportsAsync(int first, DateTimeOffset from) =>
        (await host.PostAsync($"query($first: Int!, $from: DateTimeOffset!) {{ reports(first: $first, "
            + "where: { type: { in: [\"SIR\", \"OPPRED\", \"SPEAR\", \"SPOT\"] }, eventState: { eq: \"MA\" }, submittedAt: { gte: $from } }, "
            + $"order: [{{ submittedAt: DESC }}]) {{ {Selection} }} }}", new { first, from = from.ToString("O") }, Iris))
        .ShouldSucceed().Data!["reports"]!;

    [Fact]
    public async Task An_analyst_query_across_the_four_types_finds_each_type_with_its_own_fields()
    {
        var from = await SeedAsync();

        var page = await ReportsAsync(50, from);

        var expectedPerType = (PerType + 1) / 2;
        Assert.Equal(4 * expectedPerType, page["totalCount"]!.GetValue<int>());
        var nodes = page["nodes"]!.AsArray();
        Assert.All(nodes, n => Assert.Equal("MA", n!["eventState"]!.GetValue<string>()));
        Assert.Equal(new Dictionary<string, int> { ["SIR"] = expectedPerType, ["OPPRED"] = expectedPerType, ["SPEAR"] = expectedPerType, ["SPOT"] = expectedPerType },
            nodes.GroupBy(n => n!["type"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count()));
        Assert.All(nodes.Where(n => n!["type"]!.GetValue<string>() == "SIR"), n => Assert.Equal("SIGNIFICANT_ARREST", n!["category"]!.GetValue<string>()));
        Assert.All(nodes.Where(n => n!["type"]!.GetValue<string>() == "OPPRED"), n => Assert.Equal("ENTICEMENT_OF_MINOR", n!["qualifyingOffence"]!.GetValue<string>()));
        Assert.All(nodes.Where(n => n!["type"]!.GetValue<string>() == "SPEAR"), n => Assert.Equal("ARREST", n!["activityKind"]!.GetValue<string>()));
        Assert.All(nodes.Where(n => n!["type"]!.GetValue<string>() == "SPOT"), n => Assert.Equal("IMMINENT_THREAT", n!["nature"]!.GetValue<string>()));
        var times = nodes.Select(n => DateTimeOffset.Parse(n!["submittedAt"]!.GetValue<string>())).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task A_page_of_thirty_reports_of_four_types_costs_the_same_statements_as_a_page_of_four()
    {
        var from = await SeedAsync();
        // Her first request records her Rules of Behavior acknowledgement and reads her account into the logon check's memory.
        (await host.PostAsync("{ me { userName } }", token: Iris)).ShouldSucceed();
        using var counter = new SqlStatementCounter(host.DatabaseFile);

        counter.Reset();
        var small = await ReportsAsync(4, from);
        var smallStatements = counter.Statements.Where(s => !IsOverhead(s)).ToList();
        counter.Reset();
        var large = await ReportsAsync(30, from);
        var largeStatements = counter.Statements.Where(s => !IsOverhead(s)).ToList();

        Assert.Equal(4, small["nodes"]!.AsArray().Count);
        // The newest four are one of each type (the last round of the seed, in MA): both pages touch every type.
        Assert.Equal(4, small["nodes"]!.AsArray().Select(n => n!["type"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(30, large["nodes"]!.AsArray().Count);
        Assert.Equal(4, large["nodes"]!.AsArray().Select(n => n!["type"]!.GetValue<string>()).Distinct().Count());
        Assert.All(large["nodes"]!.AsArray(), n =>
        {
            Assert.Single(n!["people"]!.AsArray());
            Assert.Single(n["contacts"]!.AsArray());
            Assert.NotEmpty(n["recipients"]!.AsArray());
        });
        Assert.True(smallStatements.Count == largeStatements.Count,
            $"{smallStatements.Count} statements for 4 reports, {largeStatements.Count} for 30:\n" + string.Join("\n---\n", largeStatements));
    }

    private static bool IsOverhead(string statement) => statement.Contains("-- audit") || statement.Contains("-- logon check");
}
