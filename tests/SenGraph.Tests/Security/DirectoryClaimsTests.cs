using System.Net;
using System.Security.Claims;
using SenGraph.Tests.Auditing;
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
    public async Task A_user_the_directory_does_not_know_is_refused_as_not_approved_and_audited()
    {
        using var plugins = new PluginsFolder();
        await using var host = new TestHost(plugins);

        var refused = await host.PostAsync(Me, token: host.Token("newcomer", "Agent,Supervisor", "SAC-BOS"));
        var socket = await GraphQLWsTestClient.ConnectAsync(host);
        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + host.Token("newcomer") } });

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(["ACCOUNT_NOT_APPROVED"], refused.ErrorCodes);
        Assert.Equal((4403, "Forbidden: account not approved"), await socket.ReceiveCloseAsync());
        Assert.Contains(await host.AuditRecordsAsync("{ userName: { eq: \"newcomer\" }, action: { eq: \"LogonRefused\" } }"),
            r => r.Str("details") == "not in the directory");
    }

    [Fact]
    public async Task With_the_switch_a_user_the_directory_does_not_know_keeps_the_tokens_claims_until_the_directory_knows_them()
    {
        using var plugins = new PluginsFolder();
        await using var host = new TestHost(plugins, settings: TestHost.AcceptingUnknownUsers());
        var token = host.Token("newcomer", "Agent,Supervisor", "SAC-BOS");
        var me = (await host.PostAsync(Me, token: token)).ShouldSucceed().Data!["me"]!;

        Assert.Equal("SAC-BOS", me["office"]!.GetValue<string>());
        Assert.Equal(["Agent", "Supervisor"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        // Once the administrator creates the user, the directory decides, from the next request.
        (await host.PostAsync("mutation($input: CreateUserInput!) { createUser(input: $input) { errors { code } } }",
            new { input = new { userName = "newcomer", displayName = "New", office = "RAC-ALB", roles = new[] { "Agent" } } }, host.Root())).ShouldSucceed();
        me = (await host.PostAsync(Me, token: token)).ShouldSucceed().Data!["me"]!;
        Assert.Equal("RAC-ALB", me["office"]!.GetValue<string>());
        Assert.Equal(["Agent"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_token_without_sub_is_refused_whatever_roles_it_claims()
    {
        using var plugins = new PluginsFolder();
        await using var host = new TestHost(plugins, settings: TestHost.AcceptingUnknownUsers());
        var token = ForgedTokens.Create(null, key: SenGraph.Host.Security.AuthenticationSettings.DevelopmentSigningKey);

        var users = await host.PostAsync("{ users { totalCount } }", token: token);
        var create = await host.PostAsync("mutation { createUser(input: { userName: \"x\", displayName: \"X\", office: \"HQ-ICE\", roles: [\"System Administrator\"] }) { errors { code } } }",
            token: token);

        Assert.Equal(HttpStatusCode.Unauthorized, users.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], users.ErrorCodes);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], create.ErrorCodes);
        Assert.Empty((await host.PostAsync("{ users(where: { userName: { eq: \"x\" } }) { nodes { userName } } }", token: host.Root()))
            .ShouldSucceed().Data!["users"]!["nodes"]!.AsArray());
    }

    [Fact]
    public async Task A_token_claiming_to_be_directory_checked_still_gets_the_directorys_roles()
    {
        using var plugins = new PluginsFolder();
        await using var host = new TestHost(plugins);
        host.AcknowledgeRulesOfBehavior("alice");
        var token = ForgedTokens.Create("alice", key: SenGraph.Host.Security.AuthenticationSettings.DevelopmentSigningKey,
            extra: [new Claim("sengraph:directory", "true"), new Claim("role", "System Administrator")]);

        var me = (await host.PostAsync(Me, token: token)).ShouldSucceed().Data!["me"]!;

        Assert.Equal(["Agent"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("{ users { totalCount } }", token: token)).ErrorCodes);
    }
}
