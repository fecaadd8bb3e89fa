using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Host.Security;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Auditing;

/// <summary>How long a lockout lasts, what does not prolong it, the per-address limit on refused tokens, and the settings checked at start.</summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class LockoutTests
{
    private const string Me = "{ me { userName } }";

    private static TestHost Host(ManualClock clock, Dictionary<string, string?>? settings = null) =>
        new(new PluginsFolder(), settings: TestHost.AcceptingUnknownUsers(settings)) { Clock = clock };

    [Fact]
    public async Task A_lockout_ends_after_its_duration()
    {
        var clock = new ManualClock();
        using var host = Host(clock, new() { ["Security:Lockout:MaxFailedAttempts"] = "2" });
        var token = host.Token("brief");
        for (var i = 0; i < 2; i++) await host.PostAsync(Me, token: ForgedTokens.Stale("brief"));
        Assert.Equal(["ACCOUNT_LOCKED"], (await host.PostAsync(Me, token: token)).ErrorCodes);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(["ACCOUNT_LOCKED"], (await host.PostAsync(Me, token: token)).ErrorCodes);
        clock.Advance(TimeSpan.FromMinutes(1.5));
        (await host.PostAsync(Me, token: token)).ShouldSucceed();
    }

    [Fact]
    public async Task Refused_attempts_do_not_extend_a_lockout()
    {
        var clock = new ManualClock();
        using var host = Host(clock, new() { ["Security:Lockout:MaxFailedAttempts"] = "2" });
        var token = host.Token("stubborn");
        for (var i = 0; i < 2; i++) await host.PostAsync(Me, token: ForgedTokens.Stale("stubborn"));

        // Ten minutes into the lock the client keeps trying, with its valid token and with stale ones.
        clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(["ACCOUNT_LOCKED"], (await host.PostAsync(Me, token: token)).ErrorCodes);
            await host.PostAsync(Me, token: ForgedTokens.Stale("stubborn"));
        }

        clock.Advance(TimeSpan.FromMinutes(5.5)); // 15.5 minutes after the lock: over, whatever was tried during it
        (await host.PostAsync(Me, token: token)).ShouldSucceed();
        await host.PostAsync(Me, token: ForgedTokens.Stale("stubborn")); // the failures during the lock do not count toward a new one
        (await host.PostAsync(Me, token: token)).ShouldSucceed();
        Assert.Single(await host.AuditRecordsAsync("{ userName: { eq: \"stubborn\" }, action: { eq: \"AccountLocked\" } }"));
    }

    [Fact]
    public async Task A_client_address_sending_too_many_refused_tokens_gets_429_and_its_attempts_are_still_counted()
    {
        using var host = Host(new ManualClock(), new()
        {
            ["Security:Accounts:FailedLogonsPerAddress"] = "3",
            ["Security:Accounts:FailedLogonAuditInterval"] = "01:00:00",
        });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await host.PostAsync(Me, token: ForgedTokens.Create("victim" + i, key: ForgedTokens.OtherKey))).Status);
        var limited = await host.PostAsync(Me, token: ForgedTokens.Create("victim", key: ForgedTokens.OtherKey), accept: "application/json");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal(["TOO_MANY_FAILED_LOGONS"], limited.ErrorCodes);
        (await host.PostAsync(Me, token: host.Token("alice"))).ShouldSucceed(); // a valid token from the same address still works
        await host.Services.GetRequiredService<UnverifiedLogonFailures>().FlushAsync();
        var record = Assert.Single(await host.AuditRecordsAsync("{ userName: { eq: \"unknown\" }, action: { eq: \"LogonFailed\" } }"));
        Assert.StartsWith("count: 6; tokens rejected: bad signature x3, bad signature, rate limited x3", record.Str("details"));
    }

    [Theory]
    [InlineData("Security:Lockout:MaxFailedAttempts", "0")]
    [InlineData("Security:Lockout:Window", "00:00:00")]
    [InlineData("Security:Lockout:Duration", "-00:01:00")]
    [InlineData("Security:Accounts:FailedLogonsPerAddress", "0")]
    [InlineData("Security:Accounts:FailedLogonAuditInterval", "00:00:00")]
    public void Invalid_lockout_settings_stop_the_host_naming_the_key(string key, string value)
    {
        using var host = new TestHost(new PluginsFolder(), settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => host.CreateClient());
        Assert.Contains(key, error.Message);
    }
}
