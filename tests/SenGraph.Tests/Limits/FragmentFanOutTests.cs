using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using SenGraph.Tests.WebSockets;
using Xunit.Abstractions;

namespace SenGraph.Tests.Limits;

/// <summary>
/// Issue 12's fragment fan-out: about 1 KB of fragments, each spreading the next twice, selects 2^30 fields once
/// expanded. Counting without expanding refuses it at once, over both transports, for anyone, with the default
/// limits. Expanded, it took 8 s at 24 levels and doubled per level; the deadline below is far under what 30
/// levels would take expanded (minutes), so the tests fail on any expanding walk and print the time they saw.
/// </summary>
public sealed class FragmentFanOutTests(DefaultLimitsHost host, ITestOutputHelper output) : IClassFixture<DefaultLimitsHost>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static TheoryData<bool> Callers => new() { false, true };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Thirty_levels_of_fragment_fan_out_are_refused_at_once_over_http(bool signedIn)
    {
        var token = signedIn ? host.Token() : null;
        var clock = Stopwatch.StartNew();

        var response = await host.PostAsync(AttackQueries.FragmentFanOut(30), token: token).WaitAsync(Deadline);

        output.WriteLine($"answered in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], response.ErrorCodes);
        Assert.Contains("selects 1073741824 fields once its fragments are expanded", response.Body);
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Thirty_levels_of_fragment_fan_out_are_refused_at_once_over_a_websocket(bool signedIn)
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host, signedIn ? new { Authorization = "Bearer " + host.Token() } : null);
        var clock = Stopwatch.StartNew();

        await client.SubscribeAsync("1", AttackQueries.FragmentFanOut(30));
        var answer = await client.ReceiveAsync(); // the client's own 10 s deadline

        output.WriteLine($"answered in {clock.ElapsedMilliseconds} ms");
        Assert.Equal("error", answer["type"]!.GetValue<string>());
        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], answer["payload"]!.AsArray().Select(e => e!["extensions"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_cached_document_cannot_run_its_other_operation_unchecked()
    {
        // The document cache keys on the text: its cheap operation puts the text in the cache, then the other one is
        // asked for. Counted again for the operation run, it is refused like a fresh document.
        var document = "query Cheap { __typename } " + AttackQueries.FragmentFanOut(30).Replace("query{", "query Bomb {");

        (await host.SendAsync(HttpMethod.Post, "/graphql", Body(document, "Cheap"), "application/json")).ShouldSucceed();
        (await host.SendAsync(HttpMethod.Post, "/graphql", Body(document, "Cheap"), "application/json")).ShouldSucceed();
        var bomb = await host.SendAsync(HttpMethod.Post, "/graphql", Body(document, "Bomb"), "application/json").WaitAsync(Deadline);

        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], bomb.ErrorCodes);
    }

    [Fact]
    public async Task Just_under_the_field_cap_a_fan_out_runs()
    {
        // 2^14 = 16384 __typename fields, under the default cost of 25000: counted, costed, executed.
        var response = await host.PostAsync(AttackQueries.FragmentFanOut(14)).WaitAsync(Deadline);

        response.ShouldSucceed();
        Assert.Equal("Query", response.Data!["__typename"]!.GetValue<string>());
    }

    private static string Body(string query, string operationName) =>
        new JsonObject { ["query"] = query, ["operationName"] = operationName }.ToJsonString();
}
