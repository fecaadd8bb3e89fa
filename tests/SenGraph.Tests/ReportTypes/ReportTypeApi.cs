using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.ReportTypes;

/// <summary>
/// A declared report type's generated operations as a front end calls them over HTTP: <c>createX</c>, <c>updateX</c>,
/// <c>amendX</c>, <c>x(id)</c>, <c>xs(...)</c>, selecting <paramref name="Selection"/>. The host's shared steps are <see cref="SirApi"/>'s.
/// </summary>
/// <param name="Name">The GraphQL type name, e.g. <c>Oppred</c>.</param>
/// <param name="Selection">What every call selects on the report.</param>
public sealed record ReportTypeApi(string Name, string Selection)
{
    public string Field => char.ToLowerInvariant(Name[0]) + Name[1..];

    public async Task<JsonNode> CreateAsync(TestHost host, string token, object input) => await MutateAsync(host, "create", token, input);

    public async Task<JsonNode> UpdateAsync(TestHost host, string token, object input) => await MutateAsync(host, "update", token, input);

    public async Task<JsonNode> AmendAsync(TestHost host, string token, object input) => await MutateAsync(host, "amend", token, input);

    /// <summary>A created report's id and version; fails on errors.</summary>
    public async Task<(string Id, int Version)> DraftAsync(TestHost host, string token, Dictionary<string, object?> input)
    {
        var created = await CreateAsync(host, token, input);
        Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
        return (created[Field]!["id"]!.GetValue<string>(), created[Field]!["version"]!.GetValue<int>());
    }

    /// <summary>The report by id through the type's own query, or null.</summary>
    public async Task<JsonNode?> ReadAsync(TestHost host, string token, string id, string? selection = null) =>
        (await host.PostAsync($"query($id: ID!) {{ {Field}(id: $id) {{ {selection ?? Selection} }} }}", new { id }, token)).ShouldSucceed().Data![Field];

    /// <summary>The type's list with <paramref name="arguments"/> (e.g. <c>where: {...}, order: [...]</c>).</summary>
    public async Task<JsonNode> ListAsync(TestHost host, string token, string arguments, string selection = "totalCount nodes { id title }") =>
        (await host.PostAsync($"{{ {Field}s({arguments}) {{ {selection} }} }}", token: token)).ShouldSucceed().Data![Field + "s"]!;

    private async Task<JsonNode> MutateAsync(TestHost host, string verb, string token, object input) =>
        (await host.PostAsync($"mutation($input: {char.ToUpperInvariant(verb[0])}{verb[1..]}{Name}Input!) {{ {verb}{Name}(input: $input) {{ {Field} {{ {Selection} }} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed().Data![verb + Name]!;

    /// <summary>The errors of a payload as (code, dotted path).</summary>
    public static List<(string Code, string Path)> Errors(JsonNode payload) =>
        payload["errors"]!.AsArray().Select(e => (e!["code"]!.GetValue<string>(), string.Join(".", e["path"]!.AsArray().Select(p => p!.ToString())))).ToList();

    /// <summary>The recipients of a read report as KIND:CODE:REASON, in order.</summary>
    public static List<string> Recipients(JsonNode report) =>
        report["recipients"]!.AsArray().Select(r => $"{r!["kind"]}:{r["code"]}:{r["reason"]}").ToList();

    /// <summary>The entry for <paramref name="reportId"/> in the caller's queue, or null.</summary>
    public static async Task<JsonNode?> QueueItemAsync(TestHost host, string token, string reportId)
    {
        var queue = (await host.PostAsync("{ myQueue(first: 100) { nodes { kind reason readAt acknowledgedAt report { id number } } } }", token: token))
            .ShouldSucceed().Data!["myQueue"]!["nodes"]!.AsArray();
        return queue.FirstOrDefault(n => n!["report"]!["id"]!.GetValue<string>() == reportId);
    }

    /// <summary>Whether the IROC feed (first 100) lists <paramref name="reportId"/> for the caller, with <paramref name="fragment"/> read.</summary>
    public static async Task<JsonNode?> InIrocFeedAsync(TestHost host, string token, string reportId, string fragment = "") =>
        (await host.PostAsync($"{{ irocFeed(first: 100) {{ nodes {{ id __typename {fragment} }} }} }}", token: token)).ShouldSucceed()
            .Data!["irocFeed"]!["nodes"]!.AsArray().FirstOrDefault(n => n!["id"]!.GetValue<string>() == reportId);

    /// <summary><c>node(id:)</c> as the caller, with <paramref name="fragment"/>.</summary>
    public static async Task<JsonNode?> NodeAsync(TestHost host, string token, string id, string fragment = "") =>
        (await host.PostAsync($"query($id: ID!) {{ node(id: $id) {{ id __typename {fragment} }} }}", new { id }, token)).ShouldSucceed().Data!["node"];

    /// <summary>How many reports <c>reports(where: { id: { eq } })</c> shows the caller (0 or 1).</summary>
    public static async Task<int> InReportsAsync(TestHost host, string token, string id) =>
        (await host.PostAsync("query($id: ID!) { reports(where: { id: { eq: $id } }) { totalCount } }", new { id }, token)).ShouldSucceed()
            .Data!["reports"]!["totalCount"]!.GetValue<int>();
}
