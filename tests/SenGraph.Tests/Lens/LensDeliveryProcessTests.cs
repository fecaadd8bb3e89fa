using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SenGraph.Tests.Lens;

/// <summary>
/// The outbox against real host processes: killed with SIGKILL in the middle of a batch, and two hosts on one SQLite
/// database competing for 1,000 messages with one killed midway. The loopback gateway records every POST; the
/// idempotency key lets it keep each message once, and the tests check no message is lost, none is accepted twice, and
/// only messages in flight at the kill were received more than once (then with the same text).
/// </summary>
public sealed class LensDeliveryProcessTests(ITestOutputHelper output)
{
    /// <summary>Delivering to <paramref name="gateway"/>; null: no transport, the outbox only fills.</summary>
    private static Dictionary<string, string> Environment(LoopbackGateway? gateway, string lease = "00:00:05") => new()
    {
        ["Security__Accounts__AcceptUnknownUsers"] = "true",
        ["Modules__lens__Outbox__Transport"] = gateway is null ? "None" : "Http",
        ["Modules__lens__Outbox__GatewayUrl"] = gateway?.Url ?? "",
        ["Modules__lens__Outbox__GatewayTimeout"] = "00:01:00",
        ["Modules__lens__Outbox__BatchSize"] = "20",
        ["Modules__lens__Outbox__LeaseDuration"] = lease,
        ["Modules__lens__Outbox__PollInterval"] = "00:00:00.100",
        ["Modules__lens__Outbox__BaseDelay"] = "00:00:00.200",
    };

    /// <summary>Fills the outbox through a host without a transport: the keys of the messages of <paramref name="releases"/> NY/NJ releases.</summary>
    private static async Task<HashSet<string>> FillOutboxAsync(PluginsFolder plugins, int releases)
    {
        var messages = new HashSet<string>();
        await using var host = await RunningHost.StartAsync(plugins, Environment(null));
        using var api = await Api.SignInAsync(host);
        await api.SetOrisAsync();
        var recorded = await Task.WhenAll(Enumerable.Range(0, 2).Select(async worker =>
        {
            var mine = new List<string>();
            for (var i = worker; i < releases; i += 2) mine.AddRange(await api.RecordCrossStateAsync());
            return mine;
        }));
        foreach (var keys in recorded) messages.UnionWith(keys);
        return messages;
    }

    [Fact]
    public async Task A_host_killed_in_the_middle_of_a_batch_delivers_every_message_exactly_once_after_restart()
    {
        await using var gateway = new LoopbackGateway();
        using var plugins = new PluginsFolder().WithShippedModules();
        var messages = await FillOutboxAsync(plugins, 60);
        gateway.Delay = TimeSpan.FromMilliseconds(30);
        await using (var host = await RunningHost.StartAsync(plugins, Environment(gateway)))
        {
            await gateway.WaitForAsync(g => g.Keys >= 40, TimeSpan.FromMinutes(2));
            await host.KillAsync();
            output.WriteLine($"killed after {gateway.Keys} of {messages.Count} messages reached the gateway");
        }

        Assert.Equal(120, messages.Count);
        Assert.True(gateway.Keys < messages.Count, "The host was killed after it had delivered everything: no batch was interrupted.");
        gateway.Delay = TimeSpan.Zero;
        await using (var restarted = await RunningHost.StartAsync(plugins, Environment(gateway)))
        {
            await gateway.WaitForAsync(g => messages.All(g.Receipts.ContainsKey), TimeSpan.FromMinutes(2));
            var api = await Api.SignInAsync(restarted);
            await api.WaitForAllSentAsync(messages.Count);
        }

        AssertExactlyOnce(gateway, messages, batchSize: 20);
    }

    [Fact]
    public async Task Two_hosts_on_one_database_deliver_1000_messages_with_no_duplicate_and_no_loss_when_one_is_killed_midway()
    {
        await using var gateway = new LoopbackGateway();
        using var plugins = new PluginsFolder().WithShippedModules();
        var messages = await FillOutboxAsync(plugins, 500);
        Assert.Equal(1000, messages.Count);

        // Both hosts up before any delivery is answered (a 30 s lease outlasts the wait), then both deliver.
        gateway.Hold();
        await using var first = await RunningHost.StartAsync(plugins, Environment(gateway, lease: "00:00:30"));
        await using var second = await RunningHost.StartAsync(plugins, Environment(gateway, lease: "00:00:30"));
        using var apiSecond = await Api.SignInAsync(second);
        gateway.Delay = TimeSpan.FromMilliseconds(5);
        gateway.Open();
        await gateway.WaitForAsync(g => g.Keys >= 400, TimeSpan.FromMinutes(3));
        await first.KillAsync();
        output.WriteLine($"first host killed after {gateway.Keys} of 1000 messages reached the gateway");

        await gateway.WaitForAsync(g => messages.All(g.Receipts.ContainsKey), TimeSpan.FromMinutes(5));
        await apiSecond.WaitForAllSentAsync(1000);
        output.WriteLine($"{gateway.Received.Count} receipts for 1000 messages");
        AssertExactlyOnce(gateway, messages, batchSize: 20);
    }

    /// <summary>Every message reached the gateway; a message received more than once was in flight at the kill (at most one batch) and came with the same text.</summary>
    private void AssertExactlyOnce(LoopbackGateway gateway, IReadOnlySet<string> messages, int batchSize)
    {
        var keys = gateway.Receipts.Keys.ToHashSet();
        Assert.Equal(messages.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        var repeated = gateway.Receipts.Where(r => r.Value > 1).ToList();
        output.WriteLine($"{repeated.Count} messages received twice (redelivered under the same key and kept once by the gateway)");
        Assert.True(repeated.Count <= batchSize, $"{repeated.Count} messages were received more than once: more than one interrupted batch.");
        Assert.All(repeated, r => Assert.Single(gateway.Received.Where(x => x.Key == r.Key).Select(x => x.Text).Distinct()));
    }

    /// <summary>A signed-in ERO officer and LESC staff member of one running host.</summary>
    private sealed class Api(HttpClient officer, HttpClient lesc) : IDisposable
    {
        public static async Task<Api> SignInAsync(RunningHost host)
        {
            HttpClient Client(string token)
            {
                var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                return http;
            }

            return new Api(Client(await host.SignInAsync("ero-olga", "Agent", "FOD-NYC")), Client(await host.SignInAsync("lesc-larry", "LESC Staff", "HQ-ICE")));
        }

        public async Task<JsonNode> PostAsync(HttpClient http, string query, object? variables = null)
        {
            using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (body["errors"] is not null) throw new InvalidOperationException($"{query} failed: {body.ToJsonString()}");
            return body["data"]!;
        }

        public async Task SetOrisAsync()
        {
            foreach (var (state, ori) in new[] { ("NY", "NY0303000"), ("NJ", "NJNSP0000") })
                await PostAsync(lesc, "mutation($input: SetLensStateOriInput!) { setLensStateOri(input: $input) { errors { code } } }",
                    new { input = new { state, ori, bureau = state + " SIB" } });
        }

        /// <summary>Records a NY/NJ release: the keys of its two messages.</summary>
        public async Task<IReadOnlyList<string>> RecordCrossStateAsync()
        {
            var data = await PostAsync(officer, "mutation($input: RecordLensReleaseInput!) { recordLensRelease(input: $input) { release { messages { idempotencyKey } } errors { code } } }",
                new { input = LensApi.Release("NY", "NJ", ["1201"]) });
            var keys = data["recordLensRelease"]!["release"]!["messages"]!.AsArray().Select(m => m!["idempotencyKey"]!.GetValue<string>()).ToList();
            Assert.Equal(2, keys.Count);
            return keys;
        }

        public async Task WaitForAllSentAsync(int count)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (true)
            {
                var metrics = (await PostAsync(lesc, "{ lensDeliveryMetrics { pending sent dead } }"))["lensDeliveryMetrics"]!;
                if (metrics["sent"]!.GetValue<int>() == count && metrics["pending"]!.GetValue<int>() == 0) return;
                if (DateTime.UtcNow > deadline) throw new TimeoutException("Not every message is marked sent: " + metrics.ToJsonString());
                await Task.Delay(200);
            }
        }

        public void Dispose()
        {
            officer.Dispose();
            lesc.Dispose();
        }
    }
}
