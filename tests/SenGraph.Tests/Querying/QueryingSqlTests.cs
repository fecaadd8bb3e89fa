using System.Text;
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
        var after = Convert.ToBase64String(Encoding.UTF8.GetBytes("2"));
        var sql = await SqlOfAsync($$"""
            { reports(first: 5, after: "{{after}}",
                      where: { priority: { gte: 2 }, or: [{ title: { startsWith: "Report" } }, { kind: { in: [SEIZURE, ASSAULT] } }] },
                      order: [{ priority: DESC }, { occurredAt: ASC }])
              { totalCount nodes { id } } }
            """);

        Assert.Equal(2, sql.Count);
        var count = Assert.Single(sql, c => c.Contains("COUNT(*)"));
        Assert.Contains("WHERE", count);
        Assert.Contains("\"r\".\"Priority\" >= @", count.Replace("\"e\"", "\"r\""));

        var page = Assert.Single(sql, c => !c.Contains("COUNT(*)"));
        Assert.Contains("WHERE", page);
        Assert.Contains("LIKE", page);
        Assert.Matches(@"""Kind"" IN \(@\w+, @\w+\)", page);                  // in: a list of parameters
        Assert.Matches(@"ORDER BY ""\w+"".""Priority"" DESC, ""\w+"".""OccurredAt"", ""\w+"".""Id""", page);
        Assert.Matches(@"LIMIT @\w+ OFFSET @\w+", page);
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
    public async Task The_last_items_are_found_with_a_count()
    {
        var sql = await SqlOfAsync("{ reports(last: 5) { nodes { id } } }");

        Assert.Equal(2, sql.Count);
        Assert.Contains(sql, c => c.Contains("COUNT(*)"));
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
