using System.Diagnostics;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using SenGraph.Tests.WebSockets;
using Xunit.Abstractions;

namespace SenGraph.Tests.Auditing;

/// <summary>The shipped modules, with room for one user's 20 sockets (the default is 10).</summary>
public sealed class FanOutHost() : TestHost(new PluginsFolder().WithShippedModules(),
    settings: AcceptingUnknownUsers(new Dictionary<string, string?> { ["GraphQL:WebSockets:MaxConnectionsPerUser"] = "20" }));

/// <summary>
/// Issue 12 item 6 (the attack of finding 5): one user with 20 sockets × 100 <c>reportSubmitted</c> subscriptions. One
/// submission is one audit record per socket (<c>SocketDeliveries</c>: the report, <c>requestId</c> the socket, how many
/// subscriptions and which), not one per subscription; every subscription still gets its event, and an unrelated query
/// keeps answering while the events go out (its latency against a quiet baseline is measured and written out, not asserted).
/// </summary>
public sealed class SubscriptionDeliveryAuditTests(FanOutHost host, ITestOutputHelper output) : IClassFixture<FanOutHost>
{
    private const int Sockets = 20;
    private const int SubscriptionsPerSocket = 100;
    private const string Watcher = "fanout-iris";

    [Fact]
    public async Task One_submission_to_20_sockets_of_100_subscriptions_is_one_record_per_socket_and_reaches_every_subscription()
    {
        var alice = host.Token("alice", "Agent", "SAC-NYC");
        var sam = host.Token("sam", "Supervisor", "SAC-NYC");
        var unrelated = host.Token("fanout-olivia", "Office Manager", "SAC-NYC");
        var watcher = "Bearer " + host.Token(Watcher, "IROC Staff", "IROC-HQ");
        var clients = new List<GraphQLWsTestClient>();
        try
        {
            for (var s = 0; s < Sockets; s++) clients.Add(await GraphQLWsTestClient.InitializedAsync(host, new { Authorization = watcher }));
            foreach (var client in clients)
            {
                for (var i = 0; i < SubscriptionsPerSocket; i++)
                    await client.SubscribeAsync($"s{i}", "subscription Watch { reportSubmitted { id number title } }");
            }

            await host.WaitForReportSubscribersAsync(Watcher, Sockets * SubscriptionsPerSocket);

            var (id, version) = await host.DraftAsync(alice, "Fan-out");
            var pending = await host.StepOkAsync("requestReportReview", alice, new { id, expectedVersion = version });
            var approved = await host.StepOkAsync("approveReport", sam, new { id, expectedVersion = pending["version"]!.GetValue<int>() });
            var baseline = await UnrelatedQueryAsync(unrelated, 5);

            var receiving = clients.Select(c => NextMessagesAsync(c, SubscriptionsPerSocket)).ToList();
            var submitted = Stopwatch.StartNew();
            var submitting = host.StepOkAsync("submitReport", alice, new { id, expectedVersion = approved["version"]!.GetValue<int>() });
            var during = new List<TimeSpan>();
            var all = Task.WhenAll(receiving);
            while (!all.IsCompleted || during.Count == 0) during.AddRange(await UnrelatedQueryAsync(unrelated, 1));
            await submitting;
            var delivered = await all;
            submitted.Stop();

            // Every subscription of every socket got the report, once.
            Assert.All(delivered, messages =>
            {
                Assert.Equal(Enumerable.Range(0, SubscriptionsPerSocket).Select(i => $"s{i}").Order(), messages.Select(m => m["id"]!.GetValue<string>()).Order());
                Assert.All(messages, m => Assert.Equal(id, m["payload"]!["data"]!["reportSubmitted"]!["id"]!.GetValue<string>()));
            });

            // One record per socket, each naming its socket and the 100 subscriptions it stands for.
            var reads = await host.AuditRecordsAsync($$"""{ userName: { eq: "{{Watcher}}" }, action: { eq: "Read" }, recordId: { eq: "{{id}}" } }""");
            Assert.Equal(Sockets, reads.Count);
            Assert.Equal(Sockets, reads.Select(r => r["requestId"]!.GetValue<string>()).Distinct().Count());
            Assert.All(reads, r =>
            {
                Assert.Equal("Watch", r["operationName"]!.GetValue<string>());
                Assert.Contains($"delivered to {SubscriptionsPerSocket} subscriptions of the socket", r["details"]!.GetValue<string>());
            });

            var quiet = Median(baseline);
            output.WriteLine($"{Sockets * SubscriptionsPerSocket} deliveries in {submitted.ElapsedMilliseconds} ms, {reads.Count} audit records; unrelated query: "
                + $"quiet median {quiet.TotalMilliseconds:F0} ms, during delivery median {Median(during).TotalMilliseconds:F0} ms, "
                + $"max {during.Max().TotalMilliseconds:F0} ms over {during.Count} queries (max/quiet ratio {during.Max() / quiet:F1})");
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Subscriptions_on_separate_sockets_each_get_their_own_record()
    {
        var bob = host.Token("bob", "Agent", "SAC-BOS");
        var watcher = "Bearer " + host.Token("fanout-hank", "Headquarters Agent", "HQ-HSI");
        await using var one = await GraphQLWsTestClient.InitializedAsync(host, new { Authorization = watcher });
        await using var two = await GraphQLWsTestClient.InitializedAsync(host, new { Authorization = watcher });
        await one.SubscribeAsync("a", "subscription Watch { reportSubmitted { id } }");
        await one.SubscribeAsync("b", "subscription Watch { reportSubmitted { id } }");
        await two.SubscribeAsync("c", "subscription Watch { reportSubmitted { id } }");
        await host.WaitForReportSubscribersAsync("fanout-hank", 3);

        var (id, version) = await host.DraftAsync(bob, "Two sockets");
        await host.StepOkAsync("submitReport", bob, new { id, expectedVersion = version });
        var first = await NextMessagesAsync(one, 2);
        var second = await NextMessagesAsync(two, 1);

        Assert.Equal(["a", "b"], first.Select(m => m["id"]!.GetValue<string>()).Order());
        Assert.Equal("c", Assert.Single(second)["id"]!.GetValue<string>());
        var reads = await host.AuditRecordsAsync($$"""{ userName: { eq: "fanout-hank" }, action: { eq: "Read" }, recordId: { eq: "{{id}}" } }""");
        Assert.Equal(2, reads.Count);
        Assert.Contains(reads, r => r["details"]!.GetValue<string>().EndsWith("delivered to 2 subscriptions of the socket: a,b") ||
            r["details"]!.GetValue<string>().EndsWith("delivered to 2 subscriptions of the socket: b,a"));
        Assert.Contains(reads, r => r["details"]!.GetValue<string>().EndsWith("delivered to 1 subscription of the socket: c"));
    }

    private static async Task<List<JsonNode>> NextMessagesAsync(GraphQLWsTestClient client, int count)
    {
        var messages = new List<JsonNode>();
        while (messages.Count < count)
        {
            var message = await client.ReceiveAsync();
            Assert.True(message["type"]!.GetValue<string>() == "next", message.ToJsonString());
            messages.Add(message);
        }

        return messages;
    }

    private async Task<List<TimeSpan>> UnrelatedQueryAsync(string token, int times)
    {
        var timings = new List<TimeSpan>();
        for (var i = 0; i < times; i++)
        {
            var watch = Stopwatch.StartNew();
            (await host.PostAsync("{ offices(first: 5) { totalCount nodes { code } } }", token: token)).ShouldSucceed();
            timings.Add(watch.Elapsed);
        }

        return timings;
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);
}
