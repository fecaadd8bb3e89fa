using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.ReportTypes;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Querying;

/// <summary>
/// Issue 20 (paged reads stay flat) and issue 11 (the IROC feed's cost): the IROC feed with people and recipients, as the
/// load harness reads it, runs the same SQL statements for a page of 4 as for a page of 40, and for a deep page (after a
/// cursor) as for the first; the envelope of a report is read once per request (not once for the page and again for its
/// type). Its own host, so the data set is exactly the one created here.
/// </summary>
public sealed class IrocFeedStatementTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const int PerType = 12;
    private sealed class Seeded
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public bool Done;
    }

    private Seeded Seed => host.State.Of<Seeded>();

    private string Iris => host.Token("iris", "IROC Staff", "IROC-HQ");

    private const string Feed = """
        query($first: Int!, $after: String) { irocFeed(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { id type number title submittedAt people { role lastName } recipients { code }
            ... on Sir { category } ... on Oppred { qualifyingOffence } ... on Spear { activityKind } ... on Spot { nature } } } }
        """;

    /// <summary><see cref="PerType"/> submitted reports of each of the four types by bob (SAC-BOS), each naming two people.</summary>
    private async Task SeedAsync()
    {
        await Seed.Gate.WaitAsync();
        try
        {
            if (Seed.Done) return;
            var bob = host.Token("bob", "Agent", "SAC-BOS");
            var betty = host.Token("betty", "Supervisor", "SAC-BOS");
            object[] People(int i) => [new { role = "SUSPECT", lastName = $"Suspect{i}" }, new { role = "WITNESS", lastName = $"Witness{i}" }];
            for (var i = 0; i < PerType; i++)
            {
                var drafts = new (ReportTypeApi Api, Dictionary<string, object?> Input, bool Review)[]
                {
                    (new ReportTypeApi("Sir", "id version"), SirApi.Input($"Feed SIR {i:D2}", ("people", People(i))), false),
                    (new ReportTypeApi("Oppred", "id version"), OppredTests.Input($"Feed OPPRED {i:D2}", ("people", People(i))), false),
                    (new ReportTypeApi("Spear", "id version"), SpearTests.Input($"Feed SPEAR {i:D2}", ("people", People(i))), true),
                    (new ReportTypeApi("Spot", "id version"), SpotTests.Input($"Feed SPOT {i:D2}", ("people", People(i))), false),
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
            Seed.Done = true;
        }
        finally
        {
            Seed.Gate.Release();
        }
    }

    private async Task<JsonNode> PageAsync(int first, string? after = null) =>
        (await host.PostAsync(Feed, new { first, after }, Iris)).ShouldSucceed().Data!["irocFeed"]!;

    [Fact]
    public async Task A_feed_page_costs_the_same_statements_whatever_its_size_and_depth()
    {
        await SeedAsync();
        // Her first request records her Rules of Behavior acknowledgement and reads her account into the logon check's memory.
        (await host.PostAsync("{ me { userName } }", token: Iris)).ShouldSucceed();
        var skipped = await PageAsync(first: 24);
        using var counter = new SqlStatementCounter(host.DatabaseFile);

        counter.Reset();
        var small = await PageAsync(first: 4);
        var smallStatements = counter.Statements;
        counter.Reset();
        var large = await PageAsync(first: 40);
        var largeStatements = counter.Statements;
        counter.Reset();
        var deep = await PageAsync(first: 4, after: skipped["pageInfo"]!["endCursor"]!.GetValue<string>());
        var deepStatements = counter.Statements;

        Assert.Equal(4, small["nodes"]!.AsArray().Count);
        Assert.Equal(40, large["nodes"]!.AsArray().Count);
        Assert.Equal(4, deep["nodes"]!.AsArray().Count);
        // Every page touches the four types, so every page runs each type's query.
        foreach (var page in new[] { small, large, deep })
            Assert.Equal(4, page["nodes"]!.AsArray().Select(n => n!["type"]!.GetValue<string>()).Distinct().Count());
        Assert.All(large["nodes"]!.AsArray(), n =>
        {
            Assert.Equal(2, n!["people"]!.AsArray().Count);
            Assert.NotEmpty(n["recipients"]!.AsArray());
        });
        // The deep page starts right after the 24th report of the whole feed.
        var whole = await PageAsync(first: 40);
        Assert.Equal(Ids(whole).Skip(24).Take(4), Ids(deep));

        string Dump(IReadOnlyList<string> statements) => $"{statements.Count} statements:\n" + string.Join("\n---\n", statements);
        Assert.True(smallStatements.Count == largeStatements.Count, $"page of 4: {Dump(smallStatements)}\n\npage of 40: {Dump(largeStatements)}");
        Assert.True(smallStatements.Count == deepStatements.Count, $"page of 4: {Dump(smallStatements)}\n\ndeep page: {Dump(deepStatements)}");
        // The page (one statement), each type's own fields (four), people and recipients (one each), the audit of the views
        // (the chain's head, one INSERT): no statement per report, and no count nobody asked for.
        Assert.True(largeStatements.Count <= 9, Dump(largeStatements));
        Assert.DoesNotContain(largeStatements, s => s.Contains("COUNT(*)"));
    }

    [Fact]
    public async Task A_feed_page_asking_only_for_report_fields_reads_each_report_once_and_still_resolves_each_type()
    {
        await SeedAsync();
        (await host.PostAsync("{ me { userName } }", token: Iris)).ShouldSucceed();
        using var counter = new SqlStatementCounter(host.DatabaseFile);
        const string envelopeOnly = """
            fragment Envelope on Report { number title }
            query { irocFeed(first: 40) { edges { cursor node { id __typename ...Envelope ... on Node { id } people { lastName } } } } }
            """;
        const string typed = """
            fragment Sir on Sir { category }
            query { irocFeed(first: 40) { nodes { id __typename number title ...Sir ... on Spot { nature } people { lastName } } } }
            """;

        counter.Reset();
        var shells = (await host.PostAsync(envelopeOnly, token: Iris)).ShouldSucceed().Data!["irocFeed"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        var shellStatements = counter.Statements;
        counter.Reset();
        var full = (await host.PostAsync(typed, token: Iris)).ShouldSucceed().Data!["irocFeed"]!["nodes"]!.AsArray().Select(n => n!).ToList();
        var fullStatements = counter.Statements;

        string Dump(IReadOnlyList<string> statements) => $"{statements.Count} statements:\n" + string.Join("\n---\n", statements);
        // The page, people, the audit's head and insert: no module's details table is read.
        Assert.True(shellStatements.Count == 4 && !shellStatements.Any(s => s.Contains("JOIN")), Dump(shellStatements));
        // A fragment on a report type reads the types' own fields, with their values.
        Assert.Contains(fullStatements, s => s.Contains("\"SirDetails\""));
        Assert.All(full.Where(n => n["__typename"]!.GetValue<string>() == "Sir"), n => Assert.Equal("SIGNIFICANT_ARREST", n["category"]!.GetValue<string>()));
        Assert.All(full.Where(n => n["__typename"]!.GetValue<string>() == "Spot"), n => Assert.Equal("IMMINENT_THREAT", n["nature"]!.GetValue<string>()));
        // Both read the same reports, each resolved as its own type, with the same envelope and people.
        static (string, string, string, string) Envelope(JsonNode n) =>
            (n["id"]!.GetValue<string>(), n["__typename"]!.GetValue<string>(), n["number"]!.GetValue<string>(), n["title"]!.GetValue<string>());
        Assert.Equal(full.Select(Envelope), shells.Select(Envelope));
        Assert.Equal(["Oppred", "Sir", "Spear", "Spot"], shells.Select(n => n["__typename"]!.GetValue<string>()).Distinct().Order());
        Assert.Equal(full.Select(n => n["people"]!.ToJsonString()), shells.Select(n => n["people"]!.ToJsonString()));
    }

    [Fact]
    public async Task A_feed_page_with_module_fields_reads_only_each_types_own_columns_again()
    {
        await SeedAsync();
        (await host.PostAsync("{ me { userName } }", token: Iris)).ShouldSucceed();
        using var counter = new SqlStatementCounter(host.DatabaseFile);

        counter.Reset();
        var page = await PageAsync(first: 40);
        var statements = counter.Statements;

        string Dump(IReadOnlyList<string> all) => $"{all.Count} statements:\n" + string.Join("\n---\n", all);
        // Each type's statement reads its details table for the page's ids, not the envelope columns the page already read.
        var typeStatements = statements.Where(ReadsAModuleTable).ToList();
        Assert.Equal(4, typeStatements.Count);
        Assert.All(typeStatements, s => Assert.False(s.Contains("\"Title\"") || s.Contains("\"OriginatingOffice\"") || s.Contains("\"Number\""), Dump(typeStatements)));
        // The reports still resolve as their types with the envelope and the module's values.
        var nodes = page["nodes"]!.AsArray().Select(n => n!).ToList();
        Assert.Equal(40, nodes.Count);
        Assert.All(nodes, n => Assert.StartsWith("Feed " + n["type"]!.GetValue<string>() + " ", n["title"]!.GetValue<string>()));
        Assert.All(nodes, n => Assert.StartsWith(n["type"]!.GetValue<string>() + "-FY", n["number"]!.GetValue<string>()));
        Assert.All(nodes.Where(n => n["type"]!.GetValue<string>() == "SIR"), n => Assert.Equal("SIGNIFICANT_ARREST", n["category"]!.GetValue<string>()));
        Assert.All(nodes.Where(n => n["type"]!.GetValue<string>() == "SPOT"), n => Assert.Equal("IMMINENT_THREAT", n["nature"]!.GetValue<string>()));
        Assert.All(nodes.Where(n => n["type"]!.GetValue<string>() == "OPPRED"), n => Assert.Equal("ENTICEMENT_OF_MINOR", n["qualifyingOffence"]!.GetValue<string>()));
        Assert.All(nodes.Where(n => n["type"]!.GetValue<string>() == "SPEAR"), n => Assert.Equal("ARREST", n["activityKind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_queue_page_asking_only_for_report_fields_reads_no_module_table_and_still_resolves_each_type()
    {
        await SeedAsync();
        (await host.PostAsync("{ me { userName } }", token: Iris)).ShouldSucceed();
        using var counter = new SqlStatementCounter(host.DatabaseFile);
        const string envelopeOnly = "{ myQueue(first: 40) { nodes { queuedAt report { id __typename number title ... on Report { submittedAt } } } } }";
        // Two aliases of the same field with different shapes: the envelope-only one must not hand its entities to the typed one.
        const string typed = """
            { myQueue(first: 40) { nodes { queuedAt
                report { id __typename number title submittedAt ... on Sir { category } ... on Spot { nature } }
                envelope: report { id number } } } }
            """;

        counter.Reset();
        var shells = (await host.PostAsync(envelopeOnly, token: Iris)).ShouldSucceed().Data!["myQueue"]!["nodes"]!.AsArray().Select(n => n!["report"]!).ToList();
        var shellStatements = counter.Statements;
        counter.Reset();
        var fullItems = (await host.PostAsync(typed, token: Iris)).ShouldSucceed().Data!["myQueue"]!["nodes"]!.AsArray().Select(n => n!).ToList();
        var fullStatements = counter.Statements;
        var full = fullItems.Select(n => n["report"]!).ToList();

        string Dump(IReadOnlyList<string> statements) => $"{statements.Count} statements:\n" + string.Join("\n---\n", statements);
        // The IROC's queue holds the seeded reports its routes send it, of several types.
        Assert.True(shells.Count >= PerType * 3, $"{shells.Count} queue entries");
        var types = shells.Select(n => n["__typename"]!.GetValue<string>()).ToHashSet();
        Assert.True(types.Count >= 3 && types.Contains("Sir"), string.Join(", ", types));
        // The queue page, the reports' envelopes, the audit's head and insert: no module's table is read, whatever types the page holds.
        Assert.True(!shellStatements.Any(ReadsAModuleTable) && shellStatements.Count <= 4, Dump(shellStatements));
        // With a fragment on a report type, the types' own fields are read, with their values, beside the envelope-only alias.
        Assert.Contains(fullStatements, s => s.Contains("\"SirDetails\""));
        Assert.All(full.Where(n => n["__typename"]!.GetValue<string>() == "Sir"), n => Assert.Equal("SIGNIFICANT_ARREST", n["category"]!.GetValue<string>()));
        Assert.All(full.Where(n => n["__typename"]!.GetValue<string>() == "Spot"), n => Assert.Equal("IMMINENT_THREAT", n["nature"]!.GetValue<string>()));
        Assert.All(fullItems, n => Assert.Equal(n["report"]!["id"]!.GetValue<string>(), n["envelope"]!["id"]!.GetValue<string>()));
        static string Envelope(JsonNode n) => string.Join("|", n["id"], n["__typename"], n["number"], n["title"], n["submittedAt"]);
        Assert.Equal(full.Select(Envelope), shells.Select(Envelope));
    }

    [Fact]
    public async Task Node_and_nodes_asking_only_for_report_fields_read_no_module_table_and_still_resolve_each_type()
    {
        await SeedAsync();
        (await host.PostAsync("{ me { userName } }", token: Iris)).ShouldSucceed();
        var page = await PageAsync(first: 8);
        var ids = Ids(page).ToList();
        using var counter = new SqlStatementCounter(host.DatabaseFile);
        const string envelopeOnly = """
            fragment Envelope on Report { number title people { lastName } }
            query($id: ID!, $ids: [ID!]!) { node(id: $id) { id __typename ...Envelope } nodes(ids: $ids) { id __typename ... on Report { number title people { lastName } } } }
            """;
        const string typed = """
            query($id: ID!, $ids: [ID!]!) {
              node(id: $id) { id __typename ... on Report { number title people { lastName } } ... on Sir { category } ... on Oppred { qualifyingOffence } ... on Spear { activityKind } ... on Spot { nature } }
              nodes(ids: $ids) { id __typename ... on Report { number title people { lastName } } ... on Sir { category } ... on Spot { nature } } }
            """;
        var variables = new { id = ids[0], ids };

        counter.Reset();
        var shells = (await host.PostAsync(envelopeOnly, variables, Iris)).ShouldSucceed().Data!;
        var shellStatements = counter.Statements;
        counter.Reset();
        var full = (await host.PostAsync(typed, variables, Iris)).ShouldSucceed().Data!;
        var fullStatements = counter.Statements;

        string Dump(IReadOnlyList<string> statements) => $"{statements.Count} statements:\n" + string.Join("\n---\n", statements);
        Assert.Equal(4, shells["nodes"]!.AsArray().Select(n => n!["__typename"]!.GetValue<string>()).Distinct().Count());
        // node and nodes each read their envelopes once; people once; the audit's head and insert: no module's table.
        Assert.True(!shellStatements.Any(ReadsAModuleTable) && shellStatements.Count <= 5, Dump(shellStatements));
        Assert.Contains(fullStatements, s => s.Contains("\"SirDetails\""));
        Assert.All(full["nodes"]!.AsArray().Where(n => n!["__typename"]!.GetValue<string>() == "Sir"), n => Assert.Equal("SIGNIFICANT_ARREST", n!["category"]!.GetValue<string>()));
        static string Envelope(JsonNode? n) => string.Join("|", n!["id"], n["__typename"], n["number"], n["title"], n["people"]!.ToJsonString());
        Assert.Equal(ids, shells["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(full["nodes"]!.AsArray().Select(Envelope), shells["nodes"]!.AsArray().Select(Envelope));
        Assert.Equal(Envelope(full["node"]), Envelope(shells["node"]));
    }

    /// <summary>A statement that reads a report type's own table (<c>"SirDetails"</c>, …; not the audit's <c>"Details"</c> column).</summary>
    private static bool ReadsAModuleTable(string statement) => Regex.IsMatch(statement, "\"[A-Z][A-Za-z]+Details\"");

    private static IEnumerable<string> Ids(JsonNode page) => page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>());
}
