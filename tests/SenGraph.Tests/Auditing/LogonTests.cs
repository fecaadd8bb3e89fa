using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Host.Security;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.WebSockets;

namespace SenGraph.Tests.Auditing;

/// <summary>Tokens the host must reject, signed and shaped as an attacker or a stale client would.</summary>
public static class ForgedTokens
{
    public static string Create(string? user, string? key = null, string issuer = "sengraph", string audience = "sengraph", TimeSpan? expiresIn = null,
        params Claim[] extra)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        Claim[] claims = user is null ? [new Claim("office", "HQ-ICE"), new Claim("role", "System Administrator"), new Claim("role", "Headquarters Agent")]
            : [new Claim("sub", user), new Claim("office", "SAC-NYC"), new Claim("role", "Agent")];
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([.. claims, .. extra]),
            IssuedAt = expires.AddHours(-2),
            NotBefore = expires.AddHours(-2),
            Expires = expires,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? AuthenticationSettings.DevelopmentSigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    public const string OtherKey = "an-attackers-signing-key-that-is-long-enough-0001";

    /// <summary>A token our issuer really made for <paramref name="user"/>, refused only because it expired: evidence against that account.</summary>
    public static string Stale(string user) => Create(user, expiresIn: TimeSpan.FromMinutes(-10));
}

/// <summary>
/// Every rejected token and every request of a disabled account is audited and refused with a typed error; a user name
/// whose genuine tokens keep failing is locked out, valid token or not; tokens that prove nothing about an account
/// lock no one, are limited per client address and audited in aggregate.
/// </summary>
public sealed class LogonTests(LogonTests.Host host) : IClassFixture<LogonTests.Host>
{
    // The aggregated records are flushed by the tests (an interval's timer would split their counts).
    public sealed class Host() : TestHost(new PluginsFolder(), settings: AcceptingUnknownUsers(
        new Dictionary<string, string?> { ["Security:Accounts:FailedLogonAuditInterval"] = "01:00:00" }));

    private const string Me = "query Me { me { userName } }";

    [Theory]
    [InlineData("expired", "expired")]
    [InlineData("issuer", "wrong issuer")]
    [InlineData("audience", "wrong audience")]
    public async Task A_genuine_but_invalid_token_is_refused_and_audited_under_its_account(string kind, string reason)
    {
        var user = "mallory-" + kind;
        var token = kind switch
        {
            "expired" => ForgedTokens.Stale(user),
            "issuer" => ForgedTokens.Create(user, issuer: "someone-else"),
            _ => ForgedTokens.Create(user, audience: "someone-else"),
        };

        var response = await host.PostAsync(Me, token: token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        var record = Assert.Single(await host.AuditRecordsAsync($"{{ userName: {{ eq: \"{user}\" }} }}"));
        Assert.Equal("LogonFailed", record.Str("action"));
        Assert.Equal("token rejected: " + reason, record.Str("details"));
        Assert.DoesNotContain(token.Split('.')[2], record.ToJsonString());
    }

    [Fact]
    public async Task Tokens_signed_by_another_key_are_refused_lock_no_one_and_are_audited_as_one_record_per_address_with_their_count()
    {
        await FlushAsync();
        for (var i = 0; i < 7; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(Me, token: ForgedTokens.Create("oscar", key: ForgedTokens.OtherKey))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(Me, token: "not-a-jwt-at-all")).Status);

        (await host.PostAsync(Me, token: host.Token("oscar", "Office of Professional Responsibility", "HQ-OPR"))).ShouldSucceed();
        Assert.Empty(await host.AuditRecordsAsync("{ userName: { eq: \"oscar\" }, entity: { eq: \"Logon\" } }"));
        await FlushAsync();
        var record = (await host.AuditRecordsAsync("{ userName: { eq: \"unknown\" }, action: { eq: \"LogonFailed\" } }"))[^1];
        Assert.Equal("count: 8; tokens rejected: bad signature x7, malformed x1; claimed user names (unverified): oscar", record.Str("details"));
        Assert.DoesNotContain("not-a-jwt-at-all", record.ToJsonString());
    }

    [Fact]
    public async Task After_five_failures_of_genuine_tokens_a_user_name_is_locked_even_with_a_valid_token_and_others_are_not()
    {
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(Me, token: ForgedTokens.Stale("lockme"))).Status);

        var locked = await host.PostAsync(Me, token: host.Token("lockme"));
        var lockedJson = await host.PostAsync(Me, token: host.Token("lockme"), accept: "application/json");
        var other = await host.PostAsync(Me, token: host.Token("notlocked"));

        Assert.Equal(HttpStatusCode.Unauthorized, locked.Status);
        Assert.Equal(["ACCOUNT_LOCKED"], locked.ErrorCodes);
        Assert.Null(locked.Data);
        Assert.Equal(HttpStatusCode.OK, lockedJson.Status);
        Assert.Equal(["ACCOUNT_LOCKED"], lockedJson.ErrorCodes);
        other.ShouldSucceed();
        var records = await host.AuditRecordsAsync("{ userName: { eq: \"lockme\" }, entity: { eq: \"Logon\" } }");
        Assert.Equal(["LogonFailed", "LogonFailed", "LogonFailed", "LogonFailed", "LogonFailed", "AccountLocked", "LogonRefused", "LogonRefused"],
            records.Select(r => r.Str("action")));
        Assert.Contains("5 failed logons", records[5].Str("details"));
        Assert.Equal("account locked", records[6].Str("details"));
    }

    [Fact]
    public async Task Four_failures_do_not_lock()
    {
        for (var i = 0; i < 4; i++) await host.PostAsync(Me, token: ForgedTokens.Stale("almost"));

        (await host.PostAsync(Me, token: host.Token("almost"))).ShouldSucceed();
        Assert.DoesNotContain(await host.AuditRecordsAsync("{ userName: { eq: \"almost\" } }"), r => r.Str("action") == "AccountLocked");
    }

    [Fact]
    public async Task A_disabled_account_is_refused_at_once_with_a_valid_token_and_audited()
    {
        var response = await host.PostAsync("{ serverInfo { version } }", token: host.Token("dave"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(["ACCOUNT_DISABLED"], response.ErrorCodes);
        Assert.Contains("disabled", response.Errors[0]!["message"]!.GetValue<string>());
        var refused = await host.AuditRecordsAsync("{ userName: { eq: \"dave\" }, action: { eq: \"LogonRefused\" } }");
        Assert.Contains(refused, r => r.Str("details") == "account disabled");
    }

    [Fact]
    public async Task Disabling_a_user_refuses_their_next_request_and_their_open_socket()
    {
        var ed = host.Token("ed", "Agent", "FOD-NYC");
        (await host.PostAsync(Me, token: ed)).ShouldSucceed();
        await using var socket = await GraphQLWsTestClient.InitializedAsync(host, new { Authorization = "Bearer " + ed });

        await SetDisabledAsync("ed", true);
        try
        {
            Assert.Equal(["ACCOUNT_DISABLED"], (await host.PostAsync(Me, token: ed)).ErrorCodes);
            await socket.SubscribeAsync("1", Me);
            var error = await socket.ReceiveAsync();
            Assert.Equal("error", error["type"]!.GetValue<string>());
            Assert.Equal("ACCOUNT_DISABLED", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.Equal((4403, "Forbidden: account disabled"), await socket.ReceiveCloseAsync());

            await using var again = await GraphQLWsTestClient.ConnectAsync(host);
            await again.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + ed } });
            Assert.Equal((4403, "Forbidden: account disabled"), await again.ReceiveCloseAsync());
        }
        finally
        {
            await SetDisabledAsync("ed", false);
        }

        (await host.PostAsync(Me, token: ed)).ShouldSucceed();
    }

    [Fact]
    public async Task A_locked_account_over_the_websocket_gets_an_error_and_the_socket_closes_with_4403()
    {
        var token = host.Token("wslocked");
        await using var socket = await GraphQLWsTestClient.InitializedAsync(host, new { Authorization = "Bearer " + token });

        for (var i = 0; i < 5; i++) await host.PostAsync(Me, token: ForgedTokens.Stale("wslocked"));

        await socket.SubscribeAsync("1", Me);
        var error = await socket.ReceiveAsync();
        Assert.Equal("ACCOUNT_LOCKED", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal((4403, "Forbidden: account locked"), await socket.ReceiveCloseAsync());
        await using var again = await GraphQLWsTestClient.ConnectAsync(host);
        await again.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });
        Assert.Equal((4403, "Forbidden: account locked"), await again.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_rejected_token_on_the_websocket_is_audited()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host);

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + ForgedTokens.Stale("wsmallory") } });

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
        var record = Assert.Single(await host.AuditRecordsAsync("{ userName: { eq: \"wsmallory\" } }"));
        Assert.Equal("token rejected: expired", record.Str("details"));
        Assert.StartsWith("ws:", record.Str("requestId"));
    }

    private Task FlushAsync() => host.Services.GetRequiredService<UnverifiedLogonFailures>().FlushAsync();

    private async Task SetDisabledAsync(string user, bool disabled) =>
        Assert.Empty((await host.PostAsync("mutation($input: UpdateUserInput!) { updateUser(input: $input) { errors { code } } }",
            new { input = new { userName = user, disabled } }, host.Root())).ShouldSucceed().Data!["updateUser"]!["errors"]!.AsArray());
}
