using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SenGraph.Host.Security;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.WebSockets;

namespace SenGraph.Tests.Auditing;

/// <summary>Tokens the host must reject, signed and shaped as an attacker or a stale client would.</summary>
public static class ForgedTokens
{
    public static string Create(string user, string? key = null, string issuer = "sengraph", string audience = "sengraph", TimeSpan? expiresIn = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", user), new Claim("office", "SAC-NYC"), new Claim("role", "Agent")]),
            IssuedAt = expires.AddHours(-2),
            NotBefore = expires.AddHours(-2),
            Expires = expires,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? AuthenticationSettings.DevelopmentSigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    public const string OtherKey = "an-attackers-signing-key-that-is-long-enough-0001";
}

/// <summary>
/// Every rejected token and every request of a disabled account is audited and refused with a typed error;
/// a user name with too many failed logons is locked out, valid token or not.
/// </summary>
public sealed class LogonTests(LogonTests.Host host) : IClassFixture<LogonTests.Host>
{
    public sealed class Host() : TestHost(new PluginsFolder());

    private const string Me = "query Me { me { userName } }";

    [Theory]
    [InlineData("badsig", "bad signature")]
    [InlineData("expired", "expired")]
    [InlineData("issuer", "wrong issuer")]
    [InlineData("audience", "wrong audience")]
    public async Task A_rejected_token_is_refused_and_audited_with_the_user_name_it_claims(string kind, string reason)
    {
        var user = "mallory-" + kind;
        var token = kind switch
        {
            "badsig" => ForgedTokens.Create(user, key: ForgedTokens.OtherKey),
            "expired" => ForgedTokens.Create(user, expiresIn: TimeSpan.FromMinutes(-10)),
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
    public async Task A_malformed_token_is_audited_as_unknown()
    {
        var before = (await host.AuditRecordsAsync("{ userName: { eq: \"unknown\" }, action: { eq: \"LogonFailed\" } }")).Count;

        var response = await host.PostAsync(Me, token: "not-a-jwt-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        var records = await host.AuditRecordsAsync("{ userName: { eq: \"unknown\" }, action: { eq: \"LogonFailed\" } }");
        Assert.Equal(before + 1, records.Count);
        Assert.Equal("token rejected: malformed", records[^1].Str("details"));
        Assert.DoesNotContain("not-a-jwt-at-all", records[^1].ToJsonString());
    }

    [Fact]
    public async Task After_five_failures_a_user_name_is_locked_even_with_a_valid_token_and_others_are_not()
    {
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(Me, token: ForgedTokens.Create("lockme", key: ForgedTokens.OtherKey))).Status);

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
        for (var i = 0; i < 4; i++) await host.PostAsync(Me, token: ForgedTokens.Create("almost", key: ForgedTokens.OtherKey));

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
    public async Task A_rejected_token_on_the_websocket_is_audited()
    {
        await using var client = await GraphQLWsTestClient.ConnectAsync(host);

        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + ForgedTokens.Create("wsmallory", key: ForgedTokens.OtherKey) } });

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
        var record = Assert.Single(await host.AuditRecordsAsync("{ userName: { eq: \"wsmallory\" } }"));
        Assert.Equal("token rejected: bad signature", record.Str("details"));
        Assert.StartsWith("ws:", record.Str("requestId"));
    }

    private async Task SetDisabledAsync(string user, bool disabled) =>
        Assert.Empty((await host.PostAsync("mutation($input: UpdateUserInput!) { updateUser(input: $input) { errors { code } } }",
            new { input = new { userName = user, disabled } }, host.Root())).ShouldSucceed().Data!["updateUser"]!["errors"]!.AsArray());
}

/// <summary>The lockout lasts Security:Lockout:Duration, and its settings are checked at start.</summary>
public sealed class LockoutSettingsTests
{
    [Fact]
    public async Task A_lockout_ends_after_its_duration()
    {
        using var host = new TestHost(new PluginsFolder(), settings: new Dictionary<string, string?>
        {
            ["Security:Lockout:MaxFailedAttempts"] = "2",
            ["Security:Lockout:Duration"] = "00:00:02",
        });
        for (var i = 0; i < 2; i++) await host.PostAsync("{ me { userName } }", token: ForgedTokens.Create("brief", key: ForgedTokens.OtherKey));

        Assert.Equal(["ACCOUNT_LOCKED"], (await host.PostAsync("{ me { userName } }", token: host.Token("brief"))).ErrorCodes);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        (await host.PostAsync("{ me { userName } }", token: host.Token("brief"))).ShouldSucceed();
    }

    [Theory]
    [InlineData("Security:Lockout:MaxFailedAttempts", "0")]
    [InlineData("Security:Lockout:Window", "00:00:00")]
    [InlineData("Security:Lockout:Duration", "-00:01:00")]
    public void Invalid_lockout_settings_stop_the_host_naming_the_key(string key, string value)
    {
        using var host = new TestHost(new PluginsFolder(), settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => host.CreateClient());
        Assert.Contains(key, error.Message);
    }
}
