using System.Text;

namespace SenGraph.Tests.Querying;

public sealed class QueryingErrorTests(QueryingFixture db) : IClassFixture<QueryingFixture>
{
    private static string Cursor(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static TheoryData<string, string> InvalidArguments => new()
    {
        { "reports(first: 1, last: 1)", "PAGING_INVALID_ARGUMENT" },
        { "reports(first: -1)", "PAGING_INVALID_ARGUMENT" },
        { "reports(last: -1)", "PAGING_INVALID_ARGUMENT" },
        { "reports(first: 51)", "PAGING_MAX_EXCEEDED" },
        { "reports(last: 51)", "PAGING_MAX_EXCEEDED" },
        { "allReports(first: 101)", "PAGING_MAX_EXCEEDED" },
        { "reports(after: \"not a cursor!\")", "PAGING_INVALID_CURSOR" },
        { $"reports(after: \"{Cursor("foo")}\")", "PAGING_INVALID_CURSOR" },
        { $"reports(before: \"{Cursor("-1")}\")", "PAGING_INVALID_CURSOR" },
        { $"reports(last: 2, before: \"{Cursor(" 3")}\")", "PAGING_INVALID_CURSOR" },
        { "reports(order: [{ kind: ASC, views: DESC }])", "SORT_INVALID_ARGUMENT" },
        { "reports(order: [{ }])", "SORT_INVALID_ARGUMENT" },
        { "reports(where: { externalId: { eq: \"not-a-guid\" } })", "FILTER_INVALID_VALUE" },
        { "reports(where: { priority: { gt: null } })", "FILTER_INVALID_VALUE" },
        { "reports(where: { title: { contains: null } })", "FILTER_INVALID_VALUE" },
        { "reports(where: { priority: { in: [1, null] } })", "FILTER_INVALID_VALUE" },
        { "reports(where: { priority: { in: null } })", "FILTER_INVALID_VALUE" },
        { "allReports(where: { priority: { in: [1, 2, 3, 4, 5, 6] } })", "FILTER_LIST_TOO_LONG" },
        { "allReports(where: { title: { nin: [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"] } })", "FILTER_LIST_TOO_LONG" },
        { "allReports(where: { or: [{ id: { eq: 1 } }, { id: { eq: 2 } }, { id: { eq: 3 } }, { id: { eq: 4 } }, { id: { eq: 5 } }, { id: { eq: 6 } }] })", "FILTER_LIST_TOO_LONG" },
        { "allReports(where: { and: [{ or: [{ and: [{ id: { eq: 1 } }] }] }] })", "FILTER_TOO_DEEP" },
        { "reports(where: { and: [{ and: [{ and: [{ and: [{ and: [{ id: { eq: 1 } }] }] }] }] }] })", "FILTER_TOO_DEEP" },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public async Task Invalid_arguments_are_GraphQL_errors_with_a_code(string field, string code)
    {
        var result = await db.ExecuteAsync($"{{ {field} {{ nodes {{ id }} }} }}");

        Assert.Equal(code, result.ShouldFailWith());
        var error = result["errors"]![0]!;
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
        Assert.Equal(field[..field.IndexOf('(')], error["path"]![0]!.GetValue<string>());
        Assert.Null(result["data"]);
    }

    [Fact]
    public async Task Errors_name_the_argument_at_fault()
    {
        var result = await db.ExecuteAsync("{ reports(first: 51) { nodes { id } } }");

        Assert.Equal("first may be at most 50.", result["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Filters_within_the_limits_are_accepted()
    {
        var nested = await db.ExecuteAsync("{ allReports(where: { and: [{ or: [{ id: { eq: 1 } }] }] }) { nodes { id } } }");
        Assert.Equal([1], nested.ShouldHaveData()["allReports"]!.Ids());

        var list = await db.ExecuteAsync("{ allReports(where: { id: { in: [1, 2, 3, 4, 5] } }) { nodes { id } } }");
        Assert.Equal([1, 2, 3, 4, 5], list.ShouldHaveData()["allReports"]!.Ids());
    }
}
