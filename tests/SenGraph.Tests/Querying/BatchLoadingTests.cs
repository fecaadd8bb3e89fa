using System.Text.Json.Nodes;

namespace SenGraph.Tests.Querying;

public sealed class BatchLoadingTests(QueryingFixture db) : IClassFixture<QueryingFixture>
{
    private const string WithPeople = "nodes { id people { id name } firstPersonName }";

    private async Task<(JsonNode Connection, int Commands)> ReportsWithPeopleAsync(int pageSize)
    {
        db.Sql.Clear();
        var result = await db.ExecuteAsync($"{{ reports(first: {pageSize}) {{ {WithPeople} }} }}");
        return (result.ShouldHaveData()["reports"]!, db.Sql.Commands.Count);
    }

    [Fact]
    public async Task A_page_of_parents_with_their_children_costs_the_same_statements_whatever_its_size()
    {
        var (small, smallCommands) = await ReportsWithPeopleAsync(5);
        var (large, largeCommands) = await ReportsWithPeopleAsync(50);

        Assert.Equal(5, small.Ids().Length);
        Assert.Equal(50, large.Ids().Length);
        Assert.Equal(3, smallCommands);          // the page, one batch of people, one batch of first people
        Assert.Equal(smallCommands, largeCommands);
    }

    [Fact]
    public async Task Each_parent_gets_its_own_children()
    {
        var (connection, _) = await ReportsWithPeopleAsync(50);

        foreach (var report in connection["nodes"]!.AsArray())
        {
            var id = report!["id"]!.GetValue<int>();
            var people = db.People.Where(p => p.ReportId == id).ToArray();
            Assert.Equal(people.Select(p => p.Name), report["people"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
            Assert.Equal(people.FirstOrDefault()?.Name, report["firstPersonName"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_key_asked_for_twice_in_a_request_is_fetched_once()
    {
        db.Sql.Clear();
        var result = await db.ExecuteAsync("{ a: reports(first: 5) { nodes { people { id } } } b: reports(first: 5) { nodes { people { id } } } }");

        result.ShouldHaveData();
        Assert.Equal(3, db.Sql.Commands.Count);   // two pages, one batch of people
    }

    [Fact]
    public async Task Nothing_is_cached_between_requests()
    {
        var (_, first) = await ReportsWithPeopleAsync(5);
        var (_, second) = await ReportsWithPeopleAsync(5);

        Assert.Equal(3, first);
        Assert.Equal(3, second);
    }

    [Fact]
    public async Task Concurrent_requests_get_their_own_results()
    {
        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            var result = await db.ExecuteAsync($"{{ reports(first: 3, where: {{ id: {{ gt: {i * 5} }} }}) {{ {WithPeople} }} }}");
            return (i, Connection: result.ShouldHaveData()["reports"]!);
        }));

        foreach (var (i, connection) in pages)
        {
            Assert.Equal(Enumerable.Range(i * 5 + 1, 3), connection.Ids());
            foreach (var report in connection["nodes"]!.AsArray())
            {
                var id = report!["id"]!.GetValue<int>();
                Assert.Equal(db.People.Count(p => p.ReportId == id), report["people"]!.AsArray().Count);
            }
        }
    }
}
