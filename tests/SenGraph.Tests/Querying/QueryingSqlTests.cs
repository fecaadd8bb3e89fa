using Xunit.Abstractions;

namespace SenGraph.Tests.Querying;

/// <summary>Filtering, sorting, paging and counting happen in the database, not in memory.</summary>
public sealed class QueryingSqlTests(QueryingFixture db, ITestOutputHelper output) : IClassFixture<QueryingFixture>
{
    private async Task<IReadOnlyList<string>> SqlOfAsync(string query)
    {
        db.Sql.Clear();
        (await db.ExecuteAsync(query)).ShouldHaveData();
        foreach (var command in db.Sql.Commands) output.WriteLine(command + "\n");
        return db.Sql.Commands;
    }

    [Fact]
    public async Task A_filtered_sorted_paged_counted_query_is_one_count_and_one_page_query_in_SQL()
    {
        const string arguments = """
            where: { priority: { gte: 2 }, or: [{ title: { startsWith: "Report" } }, { kind: { in: [SEIZURE, ASSAULT] } }] },
            order: [{ priority: DESC }, { occurredAt: ASC }]
            """;
        var first = await db.ExecuteAsync($"{{ reports(first: 2, {arguments}) {{ pageInfo {{ endCursor }} }} }}");
        var after = first.ShouldHaveData()["reports"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var sql = await SqlOfAsync($$"""{ reports(first: 5, after: "{{after}}", {{arguments}}) { totalCount nodes { id } } }""");

        Assert.Equal(2, sql.Count);
        var count = Assert.Single(sql, c => c.Contains("COUNT(*)"));
        Assert.Contains("WHERE", count);
        Assert.Contains("\"r\".\"Priority\" >= @", count.Replace("\"e\"", "\"r\""));

        var page = Assert.Single(sql, c => !c.Contains("COUNT(*)"));
        Assert.Contains("WHERE", page);
        Assert.Contains("LIKE", page);
        Assert.Matches(@"""Kind"" IN \(@\w+, @\w+\)", page);                  // in: a list of parameters
        Assert.Matches(@"ORDER BY ""\w+"".""Priority"" DESC, ""\w+"".""OccurredAt"", ""\w+"".""Id""", page);
        Assert.Matches(@"""Priority"" <= @\w+ AND \(""\w+"".""Priority"" <> @\w+ OR", page); // the keyset: a range from the cursor's values, then the tie (KeysetPredicates)
        Assert.Matches(@"LIMIT @\w+", page);
        Assert.DoesNotContain("OFFSET", page);
        Assert.DoesNotContain("'Report", page);                                 // values are parameters, not literals
    }

    [Fact]
    public async Task Without_total_count_nothing_is_counted()
    {
        var sql = await SqlOfAsync("{ reports(first: 5) { nodes { id } pageInfo { hasNextPage } } }");

        var page = Assert.Single(sql);
        Assert.DoesNotContain("COUNT", page);
        Assert.Matches(@"ORDER BY ""\w+"".""Id""", page);
        Assert.Contains("LIMIT", page);
    }

    [Fact]
    public async Task The_last_items_are_read_in_reverse_order_without_a_count()
    {
        var sql = await SqlOfAsync("{ reports(last: 5) { nodes { id } } }");

        var page = Assert.Single(sql);
        Assert.DoesNotContain("COUNT", page);
        Assert.Matches(@"ORDER BY ""\w+"".""Id"" DESC", page);
        Assert.DoesNotContain("OFFSET", page);
    }

    [Fact]
    public async Task An_ordering_on_an_enum_pages_by_offset()
    {
        var first = await db.ExecuteAsync("{ reports(first: 2, order: [{ kind: ASC }]) { pageInfo { endCursor } } }");
        var after = first.ShouldHaveData()["reports"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var page = Assert.Single(await SqlOfAsync($"{{ reports(first: 2, after: \"{after}\", order: [{{ kind: ASC }}]) {{ nodes {{ id }} }} }}"));
        Assert.Matches(@"LIMIT @\w+ OFFSET @\w+", page);
    }

    [Fact]
    public async Task A_filter_on_a_renamed_field_uses_its_property()
    {
        var sql = await SqlOfAsync("{ reports(where: { views: { lt: 2000 } }, order: [{ views: DESC }]) { nodes { id } } }");

        var page = Assert.Single(sql);
        Assert.Matches(@"WHERE ""\w+"".""ViewCount"" < @\w+", page);
        Assert.Matches(@"ORDER BY ""\w+"".""ViewCount"" DESC", page);
    }
}
