using System.Text.Json.Nodes;

namespace SenGraph.Tests.Querying;

public sealed class SortingAndPagingTests(QueryingFixture db) : IClassFixture<QueryingFixture>
{
    private const string Page = "totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

    private async Task<JsonNode> ReportsAsync(string arguments, string field = "reports")
    {
        var result = await db.ExecuteAsync($"{{ {field}{(arguments.Length > 0 ? $"({arguments})" : "")} {{ {Page} }} }}");
        return result.ShouldHaveData()[field]!;
    }

    private static void AssertPageInfo(JsonNode connection, bool hasNext, bool hasPrevious)
    {
        var info = connection["pageInfo"]!;
        Assert.Equal(hasNext, info["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(hasPrevious, info["hasPreviousPage"]!.GetValue<bool>());
        var cursors = connection["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>()).ToArray();
        Assert.Equal(cursors.FirstOrDefault(), info["startCursor"]?.GetValue<string>());
        Assert.Equal(cursors.LastOrDefault(), info["endCursor"]?.GetValue<string>());
        Assert.Equal(connection.Ids(), connection["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<int>()));
    }

    private static string Cursor(JsonNode connection, string which) => connection["pageInfo"]![which]!.GetValue<string>();

    [Fact]
    public async Task Without_arguments_the_first_page_of_ten_comes_in_key_order()
    {
        var connection = await ReportsAsync("");

        Assert.Equal(Enumerable.Range(1, 10), connection.Ids());
        Assert.Equal(60, connection["totalCount"]!.GetValue<int>());
        AssertPageInfo(connection, hasNext: true, hasPrevious: false);
    }

    [Fact]
    public async Task The_default_page_size_is_per_field()
    {
        var result = await db.ExecuteAsync("{ people { nodes { id } } }");

        Assert.Equal(db.People.Take(3).Select(p => p.Id), result.ShouldHaveData()["people"]!.Ids());
    }

    [Fact]
    public async Task Forward_paging_with_after_visits_every_item_once()
    {
        var seen = new List<int>();
        string? after = null;
        for (var page = 1; ; page++)
        {
            Assert.True(page <= 3, "60 reports in pages of 25 take 3 pages; paging did not end.");
            var connection = await ReportsAsync(after is null ? "first: 25" : $"first: 25, after: \"{after}\"");
            seen.AddRange(connection.Ids());
            var last = seen.Count == 60;
            AssertPageInfo(connection, hasNext: !last, hasPrevious: page > 1);
            if (last) break;
            after = Cursor(connection, "endCursor");
        }
        Assert.Equal(Enumerable.Range(1, 60), seen);
    }

    [Fact]
    public async Task Backward_paging_with_last_and_before_visits_every_item_once()
    {
        var pages = new List<int[]>();
        var connection = await ReportsAsync("last: 25");
        AssertPageInfo(connection, hasNext: false, hasPrevious: true);
        pages.Add(connection.Ids());

        connection = await ReportsAsync($"last: 25, before: \"{Cursor(connection, "startCursor")}\"");
        AssertPageInfo(connection, hasNext: true, hasPrevious: true);
        pages.Add(connection.Ids());

        connection = await ReportsAsync($"last: 25, before: \"{Cursor(connection, "startCursor")}\"");
        AssertPageInfo(connection, hasNext: true, hasPrevious: false);
        pages.Add(connection.Ids());

        Assert.Equal([Enumerable.Range(36, 25).ToArray(), Enumerable.Range(11, 25).ToArray(), Enumerable.Range(1, 10).ToArray()], pages);
    }

    [Fact]
    public async Task After_and_before_together_bound_the_page_from_both_sides()
    {
        var first = await ReportsAsync("first: 10");
        var cursors = first["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>()).ToArray();

        var forward = await ReportsAsync($"first: 10, after: \"{cursors[4]}\", before: \"{cursors[9]}\"");
        Assert.Equal([6, 7, 8, 9], forward.Ids());
        AssertPageInfo(forward, hasNext: true, hasPrevious: true);

        var backward = await ReportsAsync($"last: 2, after: \"{cursors[4]}\", before: \"{cursors[9]}\"");
        Assert.Equal([8, 9], backward.Ids());
    }

    [Fact]
    public async Task An_empty_page_has_no_cursors()
    {
        var zero = await ReportsAsync("first: 0");
        Assert.Empty(zero.Ids());
        AssertPageInfo(zero, hasNext: true, hasPrevious: false);

        var none = await ReportsAsync("where: { title: { eq: \"nothing\" } }");
        Assert.Empty(none.Ids());
        Assert.Equal(0, none["totalCount"]!.GetValue<int>());
        AssertPageInfo(none, hasNext: false, hasPrevious: false);
    }

    [Fact]
    public async Task A_field_may_allow_larger_pages()
    {
        Assert.Equal(60, (await ReportsAsync("first: 100", "allReports")).Ids().Length);
        Assert.Equal(50, (await ReportsAsync("first: 50")).Ids().Length);
    }

    [Fact]
    public async Task Total_count_counts_the_filtered_list_not_the_page()
    {
        var connection = await ReportsAsync("first: 2, where: { urgent: { eq: true } }");

        Assert.Equal(db.Reports.Count(r => r.Urgent), connection["totalCount"]!.GetValue<int>());
        Assert.Equal(2, connection.Ids().Length);
    }

    [Fact]
    public async Task Total_count_selected_through_a_fragment_is_counted()
    {
        var result = await db.ExecuteAsync("{ reports(first: 1) { ...counted } } fragment counted on ReportConnection { totalCount }");

        Assert.Equal(60, result.ShouldHaveData()["reports"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Several_sort_entries_apply_in_order_and_the_key_breaks_ties()
    {
        var connection = await ReportsAsync("first: 100, order: [{ priority: DESC }, { title: ASC }]", "allReports");

        var expected = db.Reports.OrderByDescending(r => r.Priority).ThenBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.Id).Select(r => r.Id);
        Assert.Equal(expected, connection.Ids());
    }

    [Fact]
    public async Task Ties_are_broken_by_the_key_so_pages_never_overlap()
    {
        var seen = new List<int>();
        string? after = null;
        var pages = 0;
        do
        {
            Assert.True(++pages <= 9, "60 reports in pages of 7 take 9 pages; paging did not end.");
            var connection = await ReportsAsync($"first: 7, order: [{{ urgent: DESC }}]{(after is null ? "" : $", after: \"{after}\"")}");
            seen.AddRange(connection.Ids());
            after = connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? Cursor(connection, "endCursor") : null;
        }
        while (after is not null);

        Assert.Equal(db.Reports.OrderByDescending(r => r.Urgent).ThenByDescending(r => r.Id).Select(r => r.Id), seen);
    }

    [Fact]
    public async Task Nullable_dates_sort_in_SQL()
    {
        var connection = await ReportsAsync("first: 100, order: [{ occurredAt: DESC }]", "allReports");

        Assert.Equal(db.Reports.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).Select(r => r.Id), connection.Ids());
    }

    [Fact]
    public async Task The_resolver_ordering_is_the_default_and_order_replaces_it()
    {
        var byDefault = await ReportsAsync("first: 20", "latestReports");
        Assert.Equal(db.Reports.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).Take(20).Select(r => r.Id), byDefault.Ids());

        var ordered = await ReportsAsync("first: 20, order: [{ title: DESC }]", "latestReports");
        Assert.Equal(db.Reports.OrderByDescending(r => r.Title, StringComparer.Ordinal).ThenByDescending(r => r.Id).Take(20).Select(r => r.Id), ordered.Ids());
    }

    [Fact]
    public async Task The_resolver_ordering_stays_the_default_when_the_page_is_filtered()
    {
        var filtered = await ReportsAsync("first: 20, where: { urgent: { eq: true } }", "latestReports");

        var expected = db.Reports.Where(r => r.Urgent).OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).Take(20).Select(r => r.Id).ToArray();
        Assert.True(expected.Length > 1);
        Assert.Equal(expected, filtered.Ids());
    }

    [Fact]
    public async Task Filtering_sorting_and_paging_combine()
    {
        var expected = db.Reports.Where(r => r.Priority >= 2).OrderBy(r => r.Priority).ThenByDescending(r => r.Title, StringComparer.Ordinal).ThenByDescending(r => r.Id).Select(r => r.Id).ToArray();
        const string arguments = "first: 4, where: { priority: { gte: 2 } }, order: [{ priority: ASC }, { title: DESC }]";

        var first = await ReportsAsync(arguments);
        var second = await ReportsAsync($"{arguments}, after: \"{Cursor(first, "endCursor")}\"");

        Assert.Equal(expected[..4], first.Ids());
        Assert.Equal(expected[4..8], second.Ids());
        Assert.Equal(expected.Length, second["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fields_marked_not_sortable_cannot_be_sorted()
    {
        var result = await db.ExecuteAsync("{ reports(order: [{ secretNote: ASC }]) { nodes { id } } }");

        Assert.Contains("secretNote", result["errors"]![0]!["message"]!.GetValue<string>());
    }
}
