using System.Text.Json.Nodes;
using SenGraph.Tests.Auditing;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using SenGraph.Tests.WebSockets;

namespace SenGraph.Tests.Security;

/// <summary>
/// Revocation reaches open sockets: each operation runs with the directory's current roles and office, and a live
/// subscription ends with an error once its caller's access changes (or the socket closes with 4403 when the account is
/// disabled), without waiting for the next event.
/// </summary>
public sealed class RevocationTests
{
    private const string UpdateUser = "mutation($input: UpdateUserInput!) { updateUser(input: $input) { errors { code } } }";
    private const string Live = "subscription { reportSubmitted { id title } }";

    [Fact]
    public async Task An_open_socket_runs_each_operation_with_the_directorys_current_roles()
    {
        using var plugins = new PluginsFolder().WithShippedModules();
        await using var host = new TestHost(plugins);
        await using var socket = await GraphQLWsTestClient.InitializedAsync(host, new { Authorization = "Bearer " + host.Token("alice") });
        Assert.Equal(["Agent"], await RolesAsync(socket, "1"));

        await ChangeAsync(host, new { userName = "alice", roles = new[] { "Public Affairs Officer" } });

        Assert.Equal(["Public Affairs Officer"], await RolesAsync(socket, "2"));
        await socket.SubscribeAsync("3", "{ sirs(first: 1) { nodes { people { aNumber } } } }");
        var refused = await socket.ReceiveAsync();
        Assert.Equal("error", refused["type"]!.GetValue<string>());
        Assert.Contains("AUTH_NOT_AUTHORIZED", refused["payload"]!.AsArray().Select(e => e!["extensions"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_live_subscription_ends_with_an_error_when_its_callers_roles_change_without_waiting_for_an_event()
    {
        using var plugins = new PluginsFolder().WithShippedModules();
        await using var host = new TestHost(plugins);
        await using var socket = await SubscribedAsync(host, "betty");

        await ChangeAsync(host, new { userName = "betty", roles = new[] { "Public Affairs Officer" } });

        var ended = await socket.ReceiveAsync();
        Assert.Equal("error", ended["type"]!.GetValue<string>());
        Assert.Equal("live", ended["id"]!.GetValue<string>());
        Assert.Equal("ACCESS_CHANGED", ended["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(["Public Affairs Officer"], await RolesAsync(socket, "after")); // the socket stays open, with the new roles
    }

    [Fact]
    public async Task Disabling_a_subscriber_ends_the_subscription_and_closes_the_socket_with_4403_without_waiting_for_an_event()
    {
        using var plugins = new PluginsFolder().WithShippedModules();
        await using var host = new TestHost(plugins);
        await using var socket = await SubscribedAsync(host, "betty");

        await ChangeAsync(host, new { userName = "betty", disabled = true });

        var ended = await socket.ReceiveAsync();
        Assert.Equal("ACCOUNT_DISABLED", ended["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal((4403, "Forbidden: account disabled"), await socket.ReceiveCloseAsync());
    }

    /// <summary>A socket of <paramref name="user"/> (a Boston supervisor) subscribed to reportSubmitted, proven live by one delivered event.</summary>
    private static async Task<GraphQLWsTestClient> SubscribedAsync(TestHost host, string user)
    {
        var socket = await GraphQLWsTestClient.InitializedAsync(host, new { Authorization = "Bearer " + host.Token(user, "Supervisor", "SAC-BOS") });
        await socket.SubscribeAsync("live", Live);
        var bob = host.Token("bob", "Agent", "SAC-BOS");
        // Until the subscription is registered a submission is not delivered: submit until one is (bounded).
        var delivered = socket.ReceiveAsync();
        for (var attempt = 0; attempt < 20 && !delivered.IsCompleted; attempt++)
        {
            var (id, version) = await host.DraftAsync(bob, $"Revocation {attempt}");
            await host.StepOkAsync("submitReport", bob, new { id, expectedVersion = version });
            await Task.WhenAny(delivered, Task.Delay(TimeSpan.FromSeconds(1)));
        }

        Assert.True(delivered.IsCompleted, "The subscription never delivered a submission.");
        Assert.Equal("next", (await delivered)["type"]!.GetValue<string>());
        // Later submissions may have been delivered too: drain them by a query answered after them.
        await socket.SubscribeAsync("sync", "{ me { userName } }");
        await socket.ReceiveUntilAsync("sync", "complete");
        return socket;
    }

    private static async Task<List<string>> RolesAsync(GraphQLWsTestClient socket, string id)
    {
        await socket.SubscribeAsync(id, "{ me { roles } }");
        var next = await socket.ReceiveAsync();
        await socket.ReceiveAsync(); // complete
        return next["payload"]!["data"]!["me"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
    }

    private static async Task ChangeAsync(TestHost host, object input) =>
        Assert.Empty((await host.PostAsync(UpdateUser, new { input }, host.Root())).ShouldSucceed().Data!["updateUser"]!["errors"]!.AsArray());
}
