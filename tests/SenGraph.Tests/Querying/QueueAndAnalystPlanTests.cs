using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Querying;

/// <summary>
/// Issue 20 item 4 (paged reads stay flat as reports grow): <c>myQueue</c> unread and an analyst's <c>sirs</c> query, as the
/// load harness reads them, each run their page and their <c>totalCount</c> as one range of an index (SQLite's query plan
/// of the very statements EF Core sent), not a sort or a walk of every report; and <c>myQueue</c>, read as the union of the
/// caller's own entries and their office's, still pages forward and backward through one order.
/// </summary>
public sealed class QueueAndAnalystPlanTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string UnreadQueue = "{ myQueue(first: 20, where: { readAt: { eq: null } }) { totalCount nodes { queuedAt report { id number title } } } }";

    private const string AnalystQuery = """
        { sirs(first: 20, where: { status: { eq: SUBMITTED }, category: { eq: SIGNIFICANT_ARREST },
            submittedAt: { gte: "2020-01-01T00:00:00Z", lt: "2100-01-01T00:00:00Z" } }, order: [{ submittedAt: DESC }]) {
          totalCount nodes { id number title submittedAt eventCity } } }
        """;

    private sealed class Seeded
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public bool Done;
    }

    /// <summary>Five SIRs by the agent, each routed to the IROC's office and sent to iris by name: her queue has both parts.</summary>
    private async Task SeedAsync()
    {
        var seed = host.State.Of<Seeded>();
        await seed.Gate.WaitAsync();
        try
        {
            if (seed.Done) return;
            for (var i = 0; i < 5; i++)
            {
                var (id, version) = await host.DraftAsync(host.TokenOf(Agent), $"Plan SIR {i}");
                await host.StepOkAsync("submitReport", host.TokenOf(Agent),
                    new { id, expectedVersion = version, recipients = new[] { new { kind = "USER", code = IrocStaff.User } } });
            }
            seed.Done = true;
        }
        finally
        {
            seed.Gate.Release();
        }
    }

    private async Task<List<string>> PlansOfAsync(string query, Func<string, bool> statementOf)
    {
        (await host.PostAsync("{ me { userName } }", token: host.TokenOf(IrocStaff))).ShouldSucceed();
        using var counter = new SqlStatementCounter(host.DatabaseFile);
        (await host.PostAsync(query, token: host.TokenOf(IrocStaff))).ShouldSucceed();
        var commands = counter.Commands.Where(c => statementOf(c.Sql)).ToList();
        Assert.NotEmpty(commands);

        await using var connection = new SqliteConnection($"Data Source={host.DatabaseFile}");
        await connection.OpenAsync();
        var plans = new List<string>();
        foreach (var (sql, parameters) in commands)
        {
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            await using var reader = await explain.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
            plans.Add($"{sql}\n=> {string.Join(" | ", lines)}");
        }
        return plans;
    }

    [Fact]
    public async Task Unread_queue_page_and_count_each_read_one_range_of_the_unread_index()
    {
        await SeedAsync();
        var plans = await PlansOfAsync(UnreadQueue, sql => sql.Contains("FROM \"ReportRecipients\"") && (sql.Contains("LIMIT") || sql.Contains("COUNT(*)")));

        Assert.Equal(2, plans.Count); // the page and totalCount
        Assert.All(plans, plan =>
        {
            Assert.True(plan.Contains("IX_ReportRecipients_Kind_Code_ReadAt_QueuedAt_Id (Kind=? AND Code=? AND ReadAt=?)"), plan);
            Assert.False(plan.Contains("MULTI-INDEX OR"), plan);
        });
    }

    [Fact]
    public async Task Analyst_count_reads_one_range_of_the_type_status_date_index_and_its_page_no_sort()
    {
        await SeedAsync();
        var plans = await PlansOfAsync(AnalystQuery, sql => sql.Contains("\"SirDetails\"") && (sql.Contains("LIMIT") || sql.Contains("COUNT(*)")));

        Assert.Equal(2, plans.Count); // the page and totalCount
        // totalCount counts the type's submitted reports in the date range only (not every type's, as before this index).
        var count = Assert.Single(plans, p => p.Contains("COUNT(*)"));
        Assert.True(count.Contains("IX_Reports_Type_Status_SubmittedAt_Id (Type=? AND Status=? AND SubmittedAt>? AND SubmittedAt<?)"), count);
        // The page walks a (…, SubmittedAt, Id) index newest first and stops at the page's end: no sort of every match.
        var page = Assert.Single(plans, p => !p.Contains("COUNT(*)"));
        Assert.True(page.Contains("SubmittedAt>? AND SubmittedAt<?)") && !page.Contains("TEMP B-TREE FOR ORDER BY"), page);
    }

    [Fact]
    public async Task The_queue_of_both_parts_pages_forward_and_backward_through_one_order_with_its_total()
    {
        await SeedAsync();
        const string Page = """
            query($first: Int, $after: String, $last: Int, $before: String) {
              myQueue(first: $first, after: $after, last: $last, before: $before) {
                totalCount nodes { kind report { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }
            """;
        async Task<JsonNode> PageAsync(object variables) =>
            (await host.PostAsync(Page, variables, host.TokenOf(IrocStaff))).ShouldSucceed().Data!["myQueue"]!;
        static List<string> Items(JsonNode page) =>
            [.. page["nodes"]!.AsArray().Select(n => $"{n!["kind"]!.GetValue<string>()} {n["report"]!["id"]!.GetValue<string>()}")];

        var whole = await PageAsync(new { first = 100 });
        var expected = Items(whole);
        var total = whole["totalCount"]!.GetValue<int>();
        Assert.Equal(expected.Count, total);
        Assert.Contains(expected, e => e.StartsWith("USER ", StringComparison.Ordinal));
        Assert.Contains(expected, e => e.StartsWith("OFFICE ", StringComparison.Ordinal));

        var forward = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await PageAsync(new { first = 3, after });
            Assert.Equal(total, page["totalCount"]!.GetValue<int>());
            forward.AddRange(Items(page));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        Assert.Equal(expected, forward);

        var backward = new List<string>();
        string? before = null;
        while (true)
        {
            var page = await PageAsync(new { last = 3, before });
            backward.InsertRange(0, Items(page));
            if (!page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()) break;
            before = page["pageInfo"]!["startCursor"]!.GetValue<string>();
        }
        Assert.Equal(expected, backward);
    }
}
