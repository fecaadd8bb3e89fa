using System.Text.Json.Nodes;
using SenGraph.Host.GraphQL.Limits;
using SenGraph.Tests.WebSockets;

namespace SenGraph.Tests.Limits;

/// <summary>The same attacks over graphql-transport-ws: the same limits refuse them with the same codes.</summary>
public sealed class WebSocketLimitsTests(SmallLimitsHost host) : IClassFixture<SmallLimitsHost>
{
    public static TheoryData<string, string> Attacks => new()
    {
        { AttackQueries.Deep(16), "MAX_DEPTH_EXCEEDED" },
        { AttackQueries.Aliases(SmallLimitsHost.MaxAliases + 1), "MAX_ALIASES_EXCEEDED" },
        { AttackQueries.Directives(SmallLimitsHost.MaxDirectives + 1), "MAX_DIRECTIVES_EXCEEDED" },
        { AttackQueries.Tokens(SmallLimitsHost.MaxTokens), "MAX_TOKENS_EXCEEDED" },
        { "{ offices(first: 200) { nodes { code name } } }", "MAX_COMPLEXITY_EXCEEDED" },
        { "{ abuseSlow }", "TIMEOUT" },
        { "{ " + new string(' ', 33_000) + "__typename }", "QUERY_TOO_LARGE" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task An_attack_over_a_websocket_is_refused_like_over_http(string query, string code)
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host, new { Authorization = "Bearer " + host.Token() });

        await client.SubscribeAsync("1", query);
        var last = await ReceiveEndAsync(client, "1");

        Assert.Equal([code], Codes(last));
    }

    [Fact]
    public async Task A_subscription_may_stream_for_longer_than_the_execution_timeout()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        // 700 ticks, at least 10 ms apart: longer than the 5 s timeout.
        await client.SubscribeAsync("1", "subscription { ticks(count: 700) }");
        var messages = await client.ReceiveUntilAsync("1", "complete");

        Assert.Equal(700, messages.Count(m => m["type"]!.GetValue<string>() == "next"));
        Assert.All(messages, m => Assert.Null(m["payload"]?["errors"]));
    }

    [Fact]
    public async Task An_unhandled_exception_over_a_websocket_hides_its_message_outside_development()
    {
        using var production = new ProductionLimitsHost();
        await using var client = await GraphQLWsTestClient.InitializedAsync(production);

        await client.SubscribeAsync("1", "{ abuseFailure }");
        var next = (await client.ReceiveUntilAsync("1", "complete")).First(m => m["type"]!.GetValue<string>() == "next");

        Assert.Equal(["INTERNAL_SERVER_ERROR"], Codes(next));
        Assert.DoesNotContain("SELECT", next.ToJsonString());
    }

    /// <summary>Messages of operation <paramref name="id"/> up to its <c>error</c>, or its <c>next</c> when <c>complete</c> follows it.</summary>
    private static async Task<JsonNode> ReceiveEndAsync(GraphQLWsTestClient client, string id)
    {
        JsonNode? last = null;
        while (true)
        {
            var message = await client.ReceiveAsync();
            if (message["id"]?.GetValue<string>() != id) continue;
            var type = message["type"]!.GetValue<string>();
            if (type == "error") return message;
            if (type == "complete") return last ?? message;
            last = message;
        }
    }

    /// <summary>Error codes of an <c>error</c> message (payload: the errors) or a <c>next</c> message (payload: a result).</summary>
    private static List<string?> Codes(JsonNode message)
    {
        var errors = message["payload"] is JsonArray array ? array : message["payload"]?["errors"] as JsonArray ?? [];
        return errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>()).ToList();
    }
}
