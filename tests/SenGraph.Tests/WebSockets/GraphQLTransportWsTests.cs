using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.WebSockets;

/// <summary>
/// /graphql over WebSocket, subprotocol graphql-transport-ws (enisdenjo/graphql-ws PROTOCOL.md): the
/// happy paths, authentication, and every close code the protocol names.
/// </summary>
public sealed class GraphQLTransportWsTests(TickerHost host) : IClassFixture<TickerHost>
{
    private static string Type(JsonNode message) => message["type"]!.GetValue<string>();

    private async Task<int> RunningTickStreamsAsync(int count) =>
        (await host.PostAsync($"{{ tickerStreams(count: {count}) }}")).ShouldSucceed().Data!["tickerStreams"]!.GetValue<int>();

    private static List<int> Ticks(IEnumerable<JsonNode> messages, string id) =>
        [.. messages.Where(m => Type(m) == "next" && m["id"]!.GetValue<string>() == id).Select(m => m["payload"]!["data"]!["ticks"]!.GetValue<int>())];

    [Fact]
    public async Task The_upgrade_selects_graphql_transport_ws_and_connection_init_is_acknowledged()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        Assert.Equal("graphql-transport-ws", client.SubProtocolChosen);
    }

    [Fact]
    public async Task A_query_answers_one_next_then_complete()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SubscribeAsync("q1", "query Info { serverInfo { version } }");
        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal("next", Type(next));
        Assert.Equal("q1", next["id"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(next["payload"]!["data"]!["serverInfo"]!["version"]!.GetValue<string>()));
        Assert.Null(next["payload"]!["errors"]);
        Assert.Equal("complete", Type(complete));
        Assert.Equal("q1", complete["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Variables_and_operation_name_are_honoured()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SendAsync(new
        {
            id = "v",
            type = "subscribe",
            payload = new { query = "query A { a: greeting(name: \"a\") } query B($n: String!) { greeting(name: $n) }", operationName = "B", variables = new { n = "Bo" } },
        });
        var next = await client.ReceiveAsync();

        Assert.Equal("Hello, Bo", next["payload"]!["data"]!["greeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_subscription_sends_every_event_as_next_then_complete()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SubscribeAsync("s1", "subscription { ticks(count: 3) }");
        var messages = await client.ReceiveUntilAsync("s1", "complete");

        Assert.Equal([1, 2, 3], Ticks(messages, "s1"));
        Assert.Equal(4, messages.Count);
    }

    [Fact]
    public async Task A_failing_stream_ends_with_error_after_its_events_and_no_complete()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SubscribeAsync("f", "subscription { failingTicks(count: 2) }");
        var messages = await client.ReceiveUntilAsync("f", "error");
        await client.SendAsync(new { type = "ping" });

        Assert.Equal([1, 2], messages.Take(2).Select(m => m["payload"]!["data"]!["failingTicks"]!.GetValue<int>()));
        var error = messages.Last()["payload"]!.AsArray().Single()!;
        Assert.Equal(["failingTicks"], error["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.DoesNotContain("deliberately", error["message"]!.GetValue<string>()); // exception details stay on the server
        Assert.Equal("pong", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Concurrent_subscriptions_each_get_their_own_events_in_order()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SubscribeAsync("a", "subscription { ticks(count: 5) }");
        await client.SubscribeAsync("b", "subscription { ticks(count: 5) }");
        var messages = new List<JsonNode>();
        while (messages.Count(m => Type(m) == "complete") < 2) messages.Add(await client.ReceiveAsync());

        Assert.Equal([1, 2, 3, 4, 5], Ticks(messages, "a"));
        Assert.Equal([1, 2, 3, 4, 5], Ticks(messages, "b"));
    }

    [Fact]
    public async Task Complete_from_the_client_stops_the_subscription_and_frees_its_id()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);
        const int count = 99_991; // only this test's stream has it
        await client.SubscribeAsync("long", $"subscription {{ ticks(count: {count}) }}");
        Assert.Equal("next", Type(await client.ReceiveAsync()));
        Assert.Equal(1, await RunningTickStreamsAsync(count));

        await client.SendAsync(new { id = "long", type = "complete" });

        // The server's own count: the stream behind the subscription stops producing.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await RunningTickStreamsAsync(count) != 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The ticks stream was still running 30 s after complete.");
            await Task.Delay(20);
        }

        await client.SendAsync(new { type = "ping" });
        var beforePong = await client.ReceiveUntilAsync(id: null, type: "pong");
        Assert.All(beforePong.SkipLast(1), m => Assert.Equal("next", Type(m))); // already on the way before complete

        // The id may be used again.
        await client.SubscribeAsync("long", "subscription { ticks(count: 1) }");
        Assert.Equal([1], Ticks(await client.ReceiveUntilAsync("long", "complete"), "long"));
    }

    [Fact]
    public async Task An_id_is_free_again_as_soon_as_its_complete_arrives()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        for (var i = 0; i < 20; i++)
        {
            await client.SubscribeAsync("same", "{ serverInfo { version } }");
            var messages = await client.ReceiveUntilAsync("same", "complete");
            Assert.Equal(["next", "complete"], messages.Select(Type));
        }
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_carrying_its_payload_even_before_init()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host);

        await client.SendAsync(new { type = "ping", payload = new { at = 42 } });
        var pong = await client.ReceiveAsync();
        await client.SendAsync(new { type = "pong" }); // unsolicited pongs are allowed and ignored
        await client.SendAsync(new { type = "ping" });
        var bare = await client.ReceiveAsync();

        Assert.Equal("pong", Type(pong));
        Assert.Equal(42, pong["payload"]!["at"]!.GetValue<int>());
        Assert.Equal("pong", Type(bare));
        Assert.Null(bare["payload"]);
    }

    [Fact]
    public async Task A_validation_error_answers_error_with_the_graphql_errors_and_no_complete()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SubscribeAsync("bad", "{ serverInfo { noSuchField } }");
        var error = await client.ReceiveAsync();
        await client.SendAsync(new { type = "ping" });

        Assert.Equal("error", Type(error));
        Assert.Equal("bad", error["id"]!.GetValue<string>());
        var errors = error["payload"]!.AsArray();
        Assert.Contains("noSuchField", errors[0]!["message"]!.GetValue<string>());
        Assert.NotNull(errors[0]!["locations"]);
        Assert.Equal("pong", Type(await client.ReceiveAsync()));
    }

    [Fact]
    public async Task Anonymous_callers_get_AUTH_NOT_AUTHENTICATED_for_protected_fields()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SubscribeAsync("1", "{ secretGreeting }");
        var error = await client.ReceiveAsync();

        Assert.Equal("error", Type(error));
        Assert.Equal("AUTH_NOT_AUTHENTICATED", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("authorization")]
    public async Task A_bearer_token_in_connection_init_authenticates_the_connection(string key)
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host,
            payload: new Dictionary<string, string> { [key] = "Bearer " + host.Token("alice", "Agent") });

        await client.SubscribeAsync("1", "{ secretGreeting }");

        Assert.Equal("Hello, agent alice", (await client.ReceiveAsync())["payload"]!["data"]!["secretGreeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bearer_token_in_the_upgrade_request_authenticates_the_connection()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host, authorization: "Bearer " + host.Token("bob", "Agent"));

        await client.SubscribeAsync("1", "{ secretGreeting }");

        Assert.Equal("Hello, agent bob", (await client.ReceiveAsync())["payload"]!["data"]!["secretGreeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task Roles_are_enforced_over_the_socket_as_over_http()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host,
            payload: new { Authorization = "Bearer " + host.Token("pat", "Public Affairs Officer") });

        await client.SubscribeAsync("1", "{ secretGreeting }");

        Assert.Equal("AUTH_NOT_AUTHORIZED", (await client.ReceiveAsync())["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mutations_run_over_the_socket()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host, payload: new { Authorization = "Bearer " + host.Token("alice", "Agent") });

        await client.SubscribeAsync("m", """
            mutation { createSir(input: { title: "Over the socket", category: OTHER, eventState: "NY", eventAt: "2026-11-20T14:30:00Z" }) {
              sir { id status } errors { code } } }
            """);
        var next = await client.ReceiveAsync();

        Assert.Equal("next", Type(next));
        Assert.Null(next["payload"]!["errors"]);
        Assert.Empty(next["payload"]!["data"]!["createSir"]!["errors"]!.AsArray());
        Assert.NotNull(next["payload"]!["data"]!["createSir"]!["sir"]!["id"]);
        Assert.Equal("complete", Type(await client.ReceiveAsync()));
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJl")]
    public async Task An_invalid_token_in_connection_init_closes_with_4403(string authorization)
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host);

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = authorization } });

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task An_authorization_that_is_not_a_string_closes_with_4403()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host);

        await client.SendAsync(new { type = "connection_init", payload = new { authorization = new { token = "x" } } });

        Assert.Equal(4403, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task An_invalid_token_in_the_upgrade_request_closes_with_4403_on_init()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host, authorization: "Bearer not-a-jwt");

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal(4403, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Subscribe_before_the_acknowledgement_closes_with_4401()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host);

        await client.SubscribeAsync("1", "{ serverInfo { version } }");

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribing_with_the_id_of_an_active_subscription_closes_with_4409()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SubscribeAsync("dup", "subscription { ticks(count: 100000) }");
        await client.SubscribeAsync("dup", "subscription { ticks(count: 1) }");

        Assert.Equal((4409, "Subscriber for dup already exists"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"type":42}""")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"type":"connection_init","payload":"a string"}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ __typename }"}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":42}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ __typename }","variables":[]}}""")]
    [InlineData("""{"type":"complete"}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    [InlineData("""{"type":"connection_ack"}""")]
    public async Task An_invalid_message_closes_with_4400(string message)
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SendTextAsync(message);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4400, code);
        Assert.StartsWith("Invalid message received", reason);
    }

    [Fact]
    public async Task A_binary_message_closes_with_4400()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host);

        await client.SendTextAsync("""{"type":"connection_init"}""", WebSocketMessageType.Binary);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Another_subprotocol_is_closed_with_4406()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host, subProtocol: "graphql-ws");

        Assert.Equal((4406, "Subprotocol not acceptable"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SubscribeAsync("big", "{ serverInfo { version } }" + new string(' ', TickerHost.MaxMessageSize));

        Assert.Equal((int)WebSocketCloseStatus.MessageTooBig, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Operations_beyond_the_per_connection_limit_get_an_error_and_the_connection_stays()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);
        for (var i = 0; i < TickerHost.MaxSubscriptions; i++)
            await client.SubscribeAsync($"s{i}", "subscription { ticks(count: 100000) }");

        await client.SubscribeAsync("one-too-many", "subscription { ticks(count: 1) }");
        var error = (await client.ReceiveUntilAsync("one-too-many", "error")).Last();

        Assert.Equal("TOO_MANY_OPERATIONS", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        await client.SendAsync(new { id = "s0", type = "complete" });
        await client.SubscribeAsync("now-fits", "subscription { ticks(count: 1) }");
        Assert.Equal([1], Ticks(await client.ReceiveUntilAsync("now-fits", "complete"), "now-fits"));
    }

    [Fact]
    public async Task Http_requests_on_the_same_path_still_reach_the_http_endpoint()
    {
        (await host.PostAsync("{ serverInfo { version } }")).ShouldSucceed();
    }
}

public sealed class GraphQLTransportWsInitTimeoutTests(ShortInitTimeoutHost host) : IClassFixture<ShortInitTimeoutHost>
{
    [Fact]
    public async Task Without_connection_init_in_time_the_socket_closes_with_4408()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host);

        Assert.Equal((4408, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Ping_does_not_count_as_connection_init()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host);
        await client.SendAsync(new { type = "ping" });

        Assert.Equal(4408, (await client.ReceiveCloseAsync()).Code);
    }
}

/// <summary>A live module change reaches open subscriptions: a removed field ends them cleanly.</summary>
public sealed class SubscriptionsAcrossModuleChangesTests
{
    [Fact]
    public async Task A_subscription_on_a_removed_module_ends_with_an_error_and_the_socket_stays_open()
    {
        using var host = new TestHost(new PluginsFolder().WithTestModule("SenGraph.TestModules.Ticker").WithTestModule("SenGraph.TestModules.Greeting"));
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);
        await client.SubscribeAsync("1", "subscription { ticks(count: 100000) }");
        Assert.Equal("next", (await client.ReceiveAsync())["type"]!.GetValue<string>());

        host.Plugins.Remove("SenGraph.TestModules.Ticker");
        var messages = await client.ReceiveUntilAsync("1", "error");

        var error = messages[^1];
        Assert.Equal("SUBSCRIPTION_FIELD_REMOVED", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain(messages, m => m["type"]!.GetValue<string>() == "complete");
        await client.SubscribeAsync("2", """query { greeting(name: "still here") }""");
        var answer = await client.ReceiveUntilAsync("2", "complete");
        Assert.Equal("Hello, still here", answer.Single(m => m["type"]!.GetValue<string>() == "next")["payload"]!["data"]!["greeting"]!.GetValue<string>());
    }
}

/// <summary>A socket does not outlive the token it was opened with.</summary>
public sealed class WebSocketTokenExpiryTests
{
    [Fact]
    public async Task The_socket_closes_with_4403_when_its_token_expires()
    {
        using var host = new TestHost(new PluginsFolder().WithTestModule("SenGraph.TestModules.Ticker"));
        var settings = new SenGraph.Host.Security.AuthenticationSettings
        {
            SigningKey = SenGraph.Host.Security.AuthenticationSettings.DevelopmentSigningKey,
            TokenLifetime = TimeSpan.FromSeconds(2),
        };
        var token = SenGraph.Host.Security.DevelopmentTokens.Issue(settings,
            (Microsoft.Extensions.Hosting.IHostEnvironment)host.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostEnvironment))!,
            "alice", ["Agent"], "SAC-NYC", TimeProvider.System);
        await using var client = await GraphQLWsTestClient.InitializedAsync(host, new { Authorization = "Bearer " + token });

        var (code, reason) = await client.ReceiveCloseAsync();

        Assert.Equal(4403, code);
        Assert.Contains("expired", reason);
    }
}
