using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Limits;

namespace SenGraph.Tests.WebSockets;

/// <summary>
/// Production, with a 1 s init timeout, a 2 s idle timeout and two sockets per user. The idle timeout is the longer
/// one so that an anonymous socket's init timeout (4401) comes a whole second before its idle close, even on a
/// loaded machine.
/// </summary>
public sealed class SocketLimitsHost() : LimitsHost("Production", new Dictionary<string, string?>
{
    ["GraphQL:WebSockets:IdleTimeout"] = "00:00:02",
    ["GraphQL:WebSockets:ConnectionInitWaitTimeout"] = "00:00:01",
    ["GraphQL:WebSockets:MaxConnectionsPerUser"] = "2",
});

/// <summary>Issue 12's idle sockets and sockets per user: what a socket may hold of the host.</summary>
public sealed class SocketLimitsTests(SocketLimitsHost host) : IClassFixture<SocketLimitsHost>
{
    private object Signed(string user) => new { Authorization = "Bearer " + host.Token(user) };

    [Fact]
    public async Task A_socket_without_an_operation_is_closed_after_the_idle_timeout_even_if_it_pings()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host, Signed("idle-user"));

        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        var (code, reason) = await client.ReceiveCloseAsync(); // within the client's 10 s deadline

        Assert.Equal(1000, code);
        Assert.Equal("Idle timeout", reason);
    }

    [Fact]
    public async Task A_socket_streaming_a_subscription_is_not_idle()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host, Signed("busy-user"));

        // 250 ticks, 10 ms apart: longer than the idle timeout.
        await client.SubscribeAsync("1", "subscription { ticks(count: 250) }");
        var messages = await client.ReceiveUntilAsync("1", "complete");

        Assert.Equal(250, messages.Count(m => m["type"]!.GetValue<string>() == "next"));
    }

    [Fact]
    public async Task A_user_may_have_only_so_many_sockets_open_at_once()
    {
        await using var first = await GraphQLWsTestClient.InitializedAsync(host, Signed("many-sockets"));
        await using var second = await GraphQLWsTestClient.InitializedAsync(host, Signed("many-sockets"));
        await using var other = await GraphQLWsTestClient.InitializedAsync(host, Signed("someone-else"));
        await using var third = await GraphQLWsTestClient.ConnectAsync(host);

        await third.SendAsync(new { type = "connection_init", payload = Signed("many-sockets") });
        var (code, reason) = await third.ReceiveCloseAsync();

        Assert.Equal(1008, code);
        Assert.Equal("Too many sockets for this user", reason);
    }

    [Fact]
    public async Task In_production_a_socket_without_a_token_is_closed_after_the_init_timeout()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SubscribeAsync("1", "{ __typename }"); // anonymous operations still run meanwhile
        Assert.Equal("next", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        var (code, _) = await client.ReceiveCloseAsync();

        Assert.Equal(4401, code);
    }
}

/// <summary>Development (anonymous sockets allowed), three sockets per address.</summary>
public sealed class SocketsPerAddressHost() : LimitsHost("Development", new Dictionary<string, string?>
{
    ["GraphQL:WebSockets:MaxConnectionsPerAddress"] = "3",
});

public sealed class SocketsPerAddressTests(SocketsPerAddressHost host) : IClassFixture<SocketsPerAddressHost>
{
    [Fact]
    public async Task One_address_may_have_only_so_many_sockets_open_at_once_and_gets_429_beyond()
    {
        var open = new List<GraphQLWsTestClient>();
        try
        {
            for (var i = 0; i < 3; i++) open.Add(await GraphQLWsTestClient.InitializedAsync(host));

            var refused = await Assert.ThrowsAnyAsync<Exception>(() => GraphQLWsTestClient.ConnectAsync(host));

            Assert.Contains("429", refused.Message);
        }
        finally
        {
            foreach (var client in open) await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Outside_production_a_socket_without_a_token_stays_open()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);
        var initTimeout = TimeSpan.FromSeconds(3); // the default

        // Still answering once the init timeout has passed.
        var deadline = DateTime.UtcNow + initTimeout + TimeSpan.FromSeconds(1);
        while (DateTime.UtcNow < deadline)
        {
            await client.SendAsync(new { type = "ping" });
            Assert.Equal("pong", (await client.ReceiveAsync())["type"]!.GetValue<string>());
            await Task.Delay(500);
        }
    }
}
