using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.WebSockets;

namespace SenGraph.Tests.Security;

/// <summary>PIA 8.1: the administrator keeps each user's roles and office; for the users it knows, the directory, not the token, decides.</summary>
public sealed class DirectoryClaimsTests
{
    private const string Me = "{ me { userName office roles } }";

    [Fact]
    public async Task A_known_user_gets_the_directorys_roles_and_office_whatever_the_token_claims_and_changes_apply_at_once()
    {
        using var plugins = new PluginsFolder().WithShippedModules();
        await using var host = new TestHost(plugins);
        // alice is an Agent of SAC-NYC in the directory; her token claims more, elsewhere.
        var alice = host.Token("alice", "Agent,Supervisor,System Administrator", "SAC-BOS");

        var me = (await host.PostAsync(Me, token: alice)).ShouldSucceed().Data!["me"]!;
        Assert.Equal("SAC-NYC", me["office"]!.GetValue<string>());
        Assert.Equal(["Agent"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("{ users { totalCount } }", token: alice)).ErrorCodes);

        // The administrator makes her a supervisor of Boston: her next request, same token, is one.
        var admin = host.Token("root", "System Administrator", "HQ-ICE");
        (await host.PostAsync("mutation($input: UpdateUserInput!) { updateUser(input: $input) { errors { code } } }",
            new { input = new { userName = "alice", roles = new[] { "Supervisor" }, office = "SAC-BOS" } }, admin)).ShouldSucceed();
        me = (await host.PostAsync(Me, token: alice)).ShouldSucceed().Data!["me"]!;
        Assert.Equal("SAC-BOS", me["office"]!.GetValue<string>());
        Assert.Equal(["Supervisor"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_token_given_in_the_websockets_connection_init_gets_the_directorys_roles_too()
    {
        using var plugins = new PluginsFolder();
        await using var host = new TestHost(plugins);
        await using var socket = await GraphQLWsTestClient.InitializedAsync(host, new { Authorization = "Bearer " + host.Token("alice", "IROC Staff", "IROC-HQ") });

        await socket.SubscribeAsync("me", Me);
        var me = (await socket.ReceiveAsync())["payload"]!["data"]!["me"]!;
        Assert.Equal("SAC-NYC", me["office"]!.GetValue<string>());
        Assert.Equal(["Agent"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_user_the_directory_does_not_know_keeps_the_tokens_claims()
    {
        using var plugins = new PluginsFolder();
        await using var host = new TestHost(plugins);
        var me = (await host.PostAsync(Me, token: host.Token("newcomer", "Agent,Supervisor", "SAC-BOS"))).ShouldSucceed().Data!["me"]!;

        Assert.Equal("SAC-BOS", me["office"]!.GetValue<string>());
        Assert.Equal(["Agent", "Supervisor"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }
}
