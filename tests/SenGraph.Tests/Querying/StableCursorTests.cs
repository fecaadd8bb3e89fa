using System.Text;
using System.Text.Json.Nodes;

namespace SenGraph.Tests.Querying;

/// <summary>Keyset cursors: a page after a cursor is the same whatever changes before it; cursors are checked.</summary>
public sealed class StableCursorTests(QueryingFixture db) : IClassFixture<QueryingFixture>
{
    private async Task<JsonNode> PageAsync(string field, string arguments)
    {
        var result = await db.ExecuteAsync($"{{ {field}({arguments}) {{ nodes {{ id }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}");
        return result.ShouldHaveData()[field]!;
    }

    private static string Cursor(JsonNode connection, string which) => connection["pageInfo"]![which]!.GetValue<string>();

    /// <summary>The cursor with its payload (base64url of the key values) replaced, its signature kept.</summary>
    private static string Tampered(string cursor, string payload) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=') + cursor[cursor.IndexOf('.')..];

    public static TheoryData<string> Orderings => new()
    {
        "",
        "order: [{ occurredAt: DESC }]",
        "order: [{ occurredAt: ASC }]",
        "order: [{ narrative: DESC }, { priority: ASC }]",
        "order: [{ title: ASC }]",
        "order: [{ externalId: DESC }]",
        "order: [{ views: DESC }, { occurredAt: ASC }]",
        "order: [{ kind: ASC }]",
        "order: [{ urgent: DESC }, { occurredAt: DESC }]",
    };

    [Theory]
    [MemberData(nameof(Orderings))]
    public async Task Paging_forward_and_backward_in_any_order_visits_every_item_once_in_that_order(string order)
    {
        var separator = order.Length > 0 ? ", " : "";
        var expected = (await PageAsync("allReports", $"first: 100{separator}{order}")).Ids();

        var forward = new List<int>();
        for (string? after = null; ;)
        {
            var page = await PageAsync("reports", $"first: 7{(after is null ? "" : $", after: \"{after}\"")}{separator}{order}");
            forward.AddRange(page.Ids());
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = Cursor(page, "endCursor");
        }
        Assert.Equal(expected, forward);

        var backward = new List<int>();
        for (string? before = null; ;)
        {
            var page = await PageAsync("reports", $"last: 7{(before is null ? "" : $", before: \"{before}\"")}{separator}{order}");
            backward.InsertRange(0, page.Ids());
            if (!page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()) break;
            before = Cursor(page, "startCursor");
        }
        Assert.Equal(expected, backward);
    }

    [Fact]
    public async Task Reports_inserted_and_deleted_before_the_cursor_neither_repeat_nor_skip_an_item()
    {
        // Newest first, as the IROC feed: new reports arrive at the top while a client pages down.
        var expected = (await PageAsync("allReports", "first: 100, order: [{ occurredAt: DESC }]")).Ids();
        var seen = new List<int>();
        string? after = null;
        for (var fetch = 0; ; fetch++)
        {
            var page = await PageAsync("latestReports", $"first: 10{(after is null ? "" : $", after: \"{after}\"")}");
            seen.AddRange(page.Ids());
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = Cursor(page, "endCursor");
            var newest = QueryingFixture.NewReport(1000 + fetch);
            newest.OccurredAt = QueryingFixture.Epoch.AddYears(1).AddHours(fetch);
            await db.InsertAsync(newest);
            await db.DeleteAsync(seen[0]);
            seen.RemoveAt(0);
            expected = [.. expected.Skip(1)];
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task The_page_after_a_deleted_item_still_starts_after_its_position()
    {
        var first = await PageAsync("reports", "first: 5, order: [{ title: ASC }]");
        var last = first.Ids()[^1];
        var expected = (await PageAsync("reports", $"first: 5, after: \"{Cursor(first, "endCursor")}\", order: [{{ title: ASC }}]")).Ids();

        await db.DeleteAsync(last);
        var next = await PageAsync("reports", $"first: 5, after: \"{Cursor(first, "endCursor")}\", order: [{{ title: ASC }}]");

        Assert.Equal(expected, next.Ids());
    }

    [Fact]
    public async Task A_cursor_is_refused_by_another_field_another_ordering_and_when_edited()
    {
        var page = await PageAsync("reports", "first: 2");
        var cursor = Cursor(page, "endCursor");
        async Task<string> CodeOf(string field, string arguments) =>
            (await db.ExecuteAsync($"{{ {field}({arguments}) {{ nodes {{ id }} }} }}")).ShouldFailWith();

        Assert.Equal("PAGING_INVALID_CURSOR", await CodeOf("allReports", $"after: \"{cursor}\""));
        Assert.Equal("PAGING_INVALID_CURSOR", await CodeOf("reports", $"after: \"{cursor}\", order: [{{ title: ASC }}]"));
        Assert.Equal("PAGING_INVALID_CURSOR", await CodeOf("reports", $"before: \"{Tampered(cursor, "[59]")}\""));
        Assert.Equal("PAGING_INVALID_CURSOR", await CodeOf("reports", $"before: \"{Tampered(cursor, "[2147483647]")}\""));
        Assert.Equal("PAGING_INVALID_CURSOR", await CodeOf("reports", $"after: \"{cursor[..^2]}\""));
        Assert.Equal("PAGING_INVALID_CURSOR", await CodeOf("reports", $"after: \"{cursor}.{cursor}\""));
        Assert.Equal("PAGING_INVALID_CURSOR", await CodeOf("reports", $"after: \"{new string('A', 5000)}.AAAA\""));
        Assert.Equal("PAGING_INVALID_CURSOR", await CodeOf("reports", "after: \"\""));
        Assert.Equal((await PageAsync("reports", "first: 3")).Ids()[2], (await PageAsync("reports", $"first: 1, after: \"{cursor}\"")).Ids()[0]);
    }

    [Fact]
    public async Task A_cursor_signed_with_another_key_is_refused()
    {
        using var other = new QueryingFixture();
        var cursor = Cursor((await other.ExecuteAsync("{ reports(first: 2) { pageInfo { endCursor } } }")).ShouldHaveData()["reports"]!, "endCursor");

        Assert.Equal("PAGING_INVALID_CURSOR", (await db.ExecuteAsync($"{{ reports(after: \"{cursor}\") {{ nodes {{ id }} }} }}")).ShouldFailWith());
    }
}
