using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Replicas;

/// <summary>
/// Two host processes on one SQLite file and one Redis (<c>Events:Redis</c>): <c>reportSubmitted</c> reaches subscribers
/// of the replica that did not take the submission, filtered there by need to know, and the replica that took it
/// delivers it to its own subscribers once.
/// </summary>
public sealed class LiveEventsAcrossReplicasTests
{
    private const string Live = "subscription { reportSubmitted { id number status originatingOffice ... on Sir { category seizedProperty } } }";

    [RedisFact]
    public async Task A_sir_submitted_on_replica_b_reaches_a_subscriber_on_replica_a_who_may_see_it_and_no_one_else()
    {
        using var plugins = new PluginsFolder().WithShippedModules();
        // A channel of its own: other tests and other deployments on the same Redis do not cross this one.
        var bus = new Dictionary<string, string>
        {
            ["Events__Redis"] = RedisFactAttribute.Redis!,
            ["Events__Channel"] = "sengraph-test:" + Guid.NewGuid().ToString("N"),
        };
        await using var a = await RunningHost.StartAsync(plugins, bus); // first: it creates the database
        await using var b = await RunningHost.StartAsync(plugins, bus);
        Assert.Contains("Live events: Redis at", a.Log);

        var iris = await a.SignInAsync("iris", "IROC Staff", "IROC-HQ"); // IROC: every submission
        var ed = await a.SignInAsync("ed", "Agent", "FOD-NYC"); // ERO New York: not Boston's SIRs
        var bob = await b.SignInAsync("bob", "Agent", "SAC-BOS"); // submits without review

        await using var irisOnA = await LiveSocket.SubscribeAsync(a, iris, "iris", Live);
        await using var edOnA = await LiveSocket.SubscribeAsync(a, ed, "ed", Live);
        await using var irisOnB = await LiveSocket.SubscribeAsync(b, iris, "iris", Live);

        // The server registers a subscription after answering the subscribe message: ed submits on B until his own SIR
        // reaches all three sockets (his own report he may always see), so all three are registered from then on.
        string? warmUp = null;
        for (var attempt = 1; attempt <= 5 && warmUp is null; attempt++)
        {
            var id = await SubmitSirAsync(b, ed, $"Warm-up {attempt}");
            var sockets = await Task.WhenAll(new[] { irisOnA, edOnA, irisOnB }.Select(s => s.WaitForAsync(IsReport(id), TimeSpan.FromSeconds(5))));
            if (sockets.All(m => m is not null)) warmUp = id;
        }

        Assert.True(warmUp is not null, "The subscriptions were never all registered.\n--- A ---\n" + a.Log + "\n--- B ---\n" + b.Log);

        // Bob's SIR, then ed's: one publisher, one channel, so every replica receives them in this order.
        var boston = await SubmitSirAsync(b, bob, "Seizure in Boston");
        var sentinel = await SubmitSirAsync(b, ed, "Ed's own");

        var received = await irisOnA.WaitForAsync(IsReport(boston), TimeSpan.FromSeconds(15));
        Assert.True(received is not null, "Iris on A never received the SIR submitted on B.\n--- A ---\n" + a.Log + "\n--- B ---\n" + b.Log);
        var report = received!["payload"]!["data"]!["reportSubmitted"]!;
        Assert.Matches(@"^SIR-FY\d{4}-\d{6}$", report["number"]!.GetValue<string>());
        Assert.Equal("SUBMITTED", report["status"]!.GetValue<string>());
        Assert.Equal("SAC-BOS", report["originatingOffice"]!.GetValue<string>());
        Assert.Equal("Currency", report["seizedProperty"]!.GetValue<string>()); // the typed SIR, read from the shared database on A

        Assert.NotNull(await edOnA.WaitForAsync(IsReport(sentinel), TimeSpan.FromSeconds(15)));
        Assert.NotNull(await irisOnA.WaitForAsync(IsReport(sentinel), TimeSpan.FromSeconds(15)));
        Assert.NotNull(await irisOnB.WaitForAsync(IsReport(sentinel), TimeSpan.FromSeconds(15)));

        // Ed got the SIR that came after Boston's and not Boston's: A filtered it for him.
        Assert.DoesNotContain(edOnA.Data("reportSubmitted"), r => r["id"]!.GetValue<string>() == boston);
        // Each socket got each SIR once: B delivered its own submissions locally and skipped them when Redis echoed them.
        foreach (var socket in new[] { irisOnA, irisOnB })
        {
            var ids = socket.Data("reportSubmitted").Select(r => r["id"]!.GetValue<string>()).ToList();
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            Assert.Contains(boston, ids);
        }

        Assert.All(new[] { irisOnA, edOnA, irisOnB }, s => Assert.DoesNotContain(s.Received, m => m["type"]?.GetValue<string>() == "error"));
    }

    [Fact]
    public async Task A_replica_whose_redis_does_not_answer_does_not_start_and_says_why()
    {
        var port = FreePort();
        using var plugins = new PluginsFolder();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningHost.StartAsync(plugins, new Dictionary<string, string>
        {
            ["Events__Redis"] = $"127.0.0.1:{port}",
            ["Events__ConnectTimeout"] = "00:00:02",
        }));
        Assert.Contains($"Events:Redis: Redis at 127.0.0.1:{port} did not answer within 2 s", failure.Message);
    }

    [Fact]
    public async Task A_redis_setting_without_an_endpoint_stops_the_start_with_the_setting_named()
    {
        using var plugins = new PluginsFolder();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningHost.StartAsync(plugins, new Dictionary<string, string>
        {
            ["Events__Redis"] = "password=secret",
        }));
        Assert.Contains("Invalid live-event settings: Events:Redis", failure.Message);
        Assert.DoesNotContain("Now listening", failure.Message);
    }

    private static Func<JsonNode, bool> IsReport(string id) => m =>
        m["type"]?.GetValue<string>() == "next" && m["payload"]?["data"]?["reportSubmitted"]?["id"]?.GetValue<string>() == id;

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Drafts and submits a SIR over HTTP on <paramref name="host"/>; its id.</summary>
    private static async Task<string> SubmitSirAsync(RunningHost host, string token, string title)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        async Task<JsonNode> PostAsync(string query, object variables)
        {
            using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.True(body["errors"] is null, body.ToJsonString());
            return body["data"]!;
        }

        var created = (await PostAsync("mutation($input: CreateSirInput!) { createSir(input: $input) { sir { id version } errors { code message } } }",
            new { input = new { title, category = "SIGNIFICANT_SEIZURE", eventState = "MA", seizedProperty = "Currency" } }))["createSir"]!;
        Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
        var submitted = (await PostAsync("mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id number } errors { code message } } }",
            new { input = new { id = created["sir"]!["id"]!.GetValue<string>(), expectedVersion = created["sir"]!["version"]!.GetValue<int>() } }))["submitReport"]!;
        Assert.True(submitted["errors"]!.AsArray().Count == 0, submitted.ToJsonString());
        return submitted["report"]!["id"]!.GetValue<string>();
    }
}
