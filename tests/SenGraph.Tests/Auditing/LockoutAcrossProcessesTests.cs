using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Auditing;

/// <summary>
/// The lockout is the audit trail's own records, so it is about the database, not a process: a lock made through one
/// host process holds on a second one sharing the database and after a restart; and the attack of issue 12 (tokens
/// signed by any key, naming a real user) locks no one, against a real process.
/// </summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class LockoutAcrossProcessesTests
{
    private const string Me = "{ me { userName } }";

    [Fact]
    public async Task A_lock_holds_on_a_second_host_sharing_the_database_and_survives_a_restart()
    {
        using var plugins = new PluginsFolder();
        var running = new List<RunningHost>();
        async Task<RunningHost> StartAsync()
        {
            var host = await RunningHost.StartAsync(plugins);
            running.Add(host);
            return host;
        }

        async Task StopAsync(RunningHost host)
        {
            running.Remove(host);
            await host.DisposeAsync();
        }

        try
        {
            var first = await StartAsync();
            var ray = await first.SignInAsync("ray", "Agent", "RAC-ALB");
            var rachel = await first.SignInAsync("rachel", "Supervisor", "RAC-ALB");
            for (var i = 0; i < 10; i++) Assert.Equal("AUTH_NOT_AUTHENTICATED", await CodeAsync(first, ForgedTokens.Create("ray", key: ForgedTokens.OtherKey)));
            Assert.Null(await CodeAsync(first, ray)); // forged tokens naming ray locked no one

            for (var i = 0; i < 5; i++) Assert.Equal("AUTH_NOT_AUTHENTICATED", await CodeAsync(first, ForgedTokens.Stale("ray")));
            Assert.Equal("ACCOUNT_LOCKED", await CodeAsync(first, ray));

            var second = await StartAsync();
            Assert.Equal("ACCOUNT_LOCKED", await CodeAsync(second, ray));
            Assert.Null(await CodeAsync(second, rachel));

            await StopAsync(first);
            await StopAsync(second);
            var restarted = await StartAsync();
            Assert.Equal("ACCOUNT_LOCKED", await CodeAsync(restarted, ray));
            Assert.Null(await CodeAsync(restarted, rachel));
        }
        finally
        {
            foreach (var host in running) await host.DisposeAsync();
        }
    }

    /// <summary>The first error code of <c>{ me }</c> with <paramref name="token"/>, or null when it succeeded.</summary>
    private static async Task<string?> CodeAsync(RunningHost host, string token)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Me }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["errors"] is not JsonArray errors) return body["data"]?["me"] is not null ? null : throw new InvalidOperationException(body.ToJsonString());
        return errors[0]!["extensions"]!["code"]!.GetValue<string>();
    }
}
