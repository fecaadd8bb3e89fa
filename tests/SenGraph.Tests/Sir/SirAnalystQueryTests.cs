using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Sir;

/// <summary>
/// An analyst's filtered, sorted, paged query over submitted SIRs: the right page, and a fixed number
/// of SQL statements whatever the page size (the audit of its views included) (filter, sort and paging in SQL; people, contacts and
/// recipients batched). Its own host, so the data set is exactly the one created here.
/// </summary>
public sealed class SirAnalystQueryTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const int Reports = 60;
    private static readonly DateTimeOffset Base = DateTimeOffset.UtcNow.AddDays(-1);
    private sealed class Seeded
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public bool Done;
    }

    private Seeded Seed => host.State.Of<Seeded>();

    private string Iris => host.Token("iris", "IROC Staff", "IROC-HQ");

    private const string Selection = "totalCount pageInfo { hasNextPage endCursor } nodes { id title eventAt category people { lastName } contacts { name } recipients { code } }";

    /// <summary>SIR i: an arrest when i is even (a seizure otherwise), in RI when i is a multiple of 3 (MA otherwise), i hours before <see cref="Base"/>; 2 people, 1 contact; submitted.</summary>
    private async Task SeedAsync()
    {
        await Seed.Gate.WaitAsync();
        try
        {
            if (Seed.Done) return;
            var bob = host.Token("bob", "Agent", "SAC-BOS");
            for (var i = 0; i < Reports; i++)
            {
                var (id, version) = await host.DraftAsync(bob, $"Analyst {i:D2}",
                    ("category", i % 2 == 0 ? "SIGNIFICANT_ARREST" : "SIGNIFICANT_SEIZURE"),
                    ("eventState", i % 3 == 0 ? "RI" : "MA"),
                    ("eventAt", Base.AddHours(-i).ToString("O")),
                    ("people", new object[] { new { role = "SUSPECT", lastName = $"Suspect{i}" }, new { role = "WITNESS", lastName = $"Witness{i}" } }),
                    ("contacts", new object[] { new { kind = "REPORTING_PERSONNEL", name = "Bob Agent" } }));
                await host.StepOkAsync("submitReport", bob, new { id, expectedVersion = version });
            }
            Seed.Done = true;
        }
        finally
        {
            Seed.Gate.Release();
        }
    }

    private async Task<JsonNode> SirsAsync(string arguments, object? variables = null) =>
        (await host.PostAsync($"query($first: Int!, $after: String) {{ sirs({arguments}) {{ {Selection} }} }}", variables, Iris))
        .ShouldSucceed().Data!["sirs"]!;

    [Fact]
    public async Task A_filtered_sorted_paged_query_returns_the_right_pages()
    {
        await SeedAsync();
        const string arguments = """
            first: $first, after: $after,
            where: { and: [ { status: { eq: SUBMITTED } }, { category: { eq: SIGNIFICANT_ARREST } }, { eventState: { in: ["MA"] } }, { title: { startsWith: "Analyst" } } ] },
            order: [ { eventAt: DESC } ]
            """;
        var expected = Enumerable.Range(0, Reports).Where(i => i % 2 == 0 && i % 3 != 0).Select(i => $"Analyst {i:D2}").ToList();

        var first = await SirsAsync(arguments, new { first = 4 });
        var second = await SirsAsync(arguments, new { first = 4, after = first["pageInfo"]!["endCursor"]!.GetValue<string>() });

        Assert.Equal(expected.Count, first["totalCount"]!.GetValue<int>());
        Assert.Equal(expected.Take(4), Titles(first));
        Assert.Equal(expected.Skip(4).Take(4), Titles(second));
        Assert.True(second["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var page = first["nodes"]!.AsArray();
        Assert.All(page, n => Assert.Equal("SIGNIFICANT_ARREST", n!["category"]!.GetValue<string>()));
        Assert.Equal(["Suspect2", "Witness2"], page[0]!["people"]!.AsArray().Select(p => p!["lastName"]!.GetValue<string>()));
        Assert.Equal(["FIG-BOS", "FOD-BOS", "IROC-HQ", "SAC-BOS"], page[0]!["recipients"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_page_of_50_reports_with_people_contacts_and_recipients_costs_the_same_statements_as_a_page_of_5()
    {
        await SeedAsync();
        // Her first request records her Rules of Behavior acknowledgement and reads her account into the logon check's memory.
        (await host.PostAsync("{ me { userName } }", token: Iris)).ShouldSucceed();
        using var counter = new SqlStatementCounter(host.DatabaseFile);
        const string arguments = """first: $first, after: $after, where: { title: { startsWith: "Analyst" } }, order: [ { eventAt: ASC } ]""";

        counter.Reset();
        var small = await SirsAsync(arguments, new { first = 5 });
        var smallStatements = counter.Statements;
        counter.Reset();
        var large = await SirsAsync(arguments, new { first = 50 });
        var largeStatements = counter.Statements;

        Assert.Equal(5, small["nodes"]!.AsArray().Count);
        Assert.Equal(50, large["nodes"]!.AsArray().Count);
        Assert.All(large["nodes"]!.AsArray(), n =>
        {
            Assert.Equal(2, n!["people"]!.AsArray().Count);
            Assert.Single(n["contacts"]!.AsArray());
            Assert.Equal(4, n["recipients"]!.AsArray().Count);
        });
        // COUNT, the page (envelope joined with SirDetails), then people, contacts and recipients, one statement each.
        var (largeQuery, largeOverhead) = Split(largeStatements);
        var (smallQuery, smallOverhead) = Split(smallStatements);
        Assert.True(largeQuery.Count == 5, string.Join("\n---\n", largeStatements));
        Assert.Equal(smallQuery.Count, largeQuery.Count);
        // The caller's logon check (the directory's roles and office; disabled? locked?) is answered from memory: no
        // statement. The audit of the views (the chain's head, then one INSERT of every view of the page) costs the
        // same for 5 reports as for 50.
        Assert.True(largeOverhead.Count == 2, string.Join("\n---\n", largeOverhead));
        Assert.Equal(smallOverhead.Count, largeOverhead.Count);
        Assert.All(largeOverhead, s => Assert.Contains("-- audit", s));
    }

    /// <summary>The query's own statements, and the logon check's and audit's (tagged <c>-- logon check</c> and <c>-- audit</c>).</summary>
    private static (List<string> Query, List<string> Overhead) Split(IReadOnlyList<string> statements) =>
        (statements.Where(s => !IsOverhead(s)).ToList(), statements.Where(IsOverhead).ToList());

    private static bool IsOverhead(string statement) => statement.Contains("-- audit") || statement.Contains("-- logon check");

    private static List<string> Titles(JsonNode connection) =>
        connection["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()).ToList();
}
