using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SenGraph.Contracts.Reports;
using SenGraph.Tests.Auditing;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.PostgreSql;

/// <summary>
/// Issue 22 item 4: three host processes on loopback against one PostgreSQL database, written to at once. Nothing that
/// must be right across writers lives in one process: report numbers, the audit chain, the lockout count, queues.
/// </summary>
[Trait(TestDatabase.Trait, "true")]
[Trait(TestDatabase.PostgreSqlOnlyTrait, "true")]
public sealed class SeveralWritersTests
{
    private const int Replicas = 3;
    private const int SubmissionsPerReplica = 8;

    [PostgreSqlFact]
    public async Task Three_replicas_on_one_database_number_audit_lock_out_and_queue_as_one_host()
    {
        using var plugins = new PluginsFolder().WithShippedModules();
        var hosts = new List<RunningHost>();
        try
        {
            // The first replica migrates the empty database; the others start on it (one after the other: a start is slow
            // on a loaded two-core machine, and the writes below are what runs at once).
            for (var i = 0; i < Replicas; i++) hosts.Add(await RunningHost.StartAsync(plugins));

            var bob = await hosts[0].SignInAsync("bob", "Agent", "SAC-BOS"); // SAC-BOS: no review, an agent submits directly
            var iris = await hosts[1].SignInAsync("iris", "IROC Staff", "IROC-HQ"); // SIRs are routed to IROC
            var root = await hosts[2].SignInAsync("root", "System Administrator", "HQ-ICE");
            var ray = await hosts[0].SignInAsync("ray", "Agent", "RAC-ALB");
            var queuedBefore = (await PostAsync(hosts[1], iris, "{ myQueue { totalCount } }"))["myQueue"]!["totalCount"]!.GetValue<int>();

            // 1. Create and submit on every replica at once (each draft submitted through the next replica), amend through a
            //    third, read through all; meanwhile ray's failed logons are spread over the replicas.
            using var go = new SemaphoreSlim(0);
            var writers = Enumerable.Range(0, Replicas * SubmissionsPerReplica).Select(async i =>
            {
                var (create, submit, amend) = (hosts[i % Replicas], hosts[(i + 1) % Replicas], hosts[(i + 2) % Replicas]);
                await go.WaitAsync();
                var created = (await PostAsync(create, bob,
                    "mutation($input: CreateSirInput!) { createSir(input: $input) { sir { id version } errors { code message } } }",
                    new { input = SirApi.Input($"Replica write {i}", ("eventState", "MA"), ("eventCity", "Boston")) }))["createSir"]!;
                Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
                var id = created["sir"]!["id"]!.GetValue<string>();
                var submitted = (await PostAsync(submit, bob,
                    "mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { number version } errors { code message } } }",
                    new { input = new { id, expectedVersion = created["sir"]!["version"]!.GetValue<int>() } }))["submitReport"]!;
                Assert.True(submitted["errors"]!.AsArray().Count == 0, submitted.ToJsonString());
                if (i % 2 == 0)
                {
                    var amended = (await PostAsync(amend, bob,
                        "mutation($input: AmendSirInput!) { amendSir(input: $input) { sir { id revision } errors { code message } } }",
                        new
                        {
                            input = SirApi.Input($"Replica write {i}, amended", ("id", id), ("expectedVersion", submitted["report"]!["version"]!.GetValue<int>()),
                                ("reason", "Corrected title."), ("eventState", "MA"), ("eventCity", "Boston")),
                        }))["amendSir"]!;
                    Assert.True(amended["errors"]!.AsArray().Count == 0, amended.ToJsonString());
                }

                foreach (var reader in hosts) Assert.NotNull((await PostAsync(reader, bob, "query($id: ID!) { sir(id: $id) { id } }", new { id }))["sir"]);
                return (Id: id, Number: submitted["report"]!["number"]!.GetValue<string>());
            }).ToList();
            var failedLogons = Enumerable.Range(0, 5).Select(async i =>
            {
                await go.WaitAsync();
                Assert.Equal("AUTH_NOT_AUTHENTICATED", await CodeAsync(hosts[i % Replicas], ForgedTokens.Stale("ray")));
            }).ToList();
            go.Release(Replicas * SubmissionsPerReplica + 5); // all at once
            var reports = await Task.WhenAll(writers);
            await Task.WhenAll(failedLogons);

            // 2. Numbers: unique and gapless for the type and fiscal year, whichever replica gave them.
            var sequences = reports.Select(r =>
            {
                Assert.True(ReportNumber.TryParse(r.Number, out var type, out _, out var sequence), r.Number);
                Assert.Equal("SIR", type);
                return sequence;
            }).Order().ToList();
            Assert.Equal(Enumerable.Range(1, reports.Length), sequences);

            // 3. The lockout counted the failures of all replicas together (at most 2 were made through any one of them). A replica
            //    that had already read ray's account (hosts[0], at sign-in) sees the lock once its copy is older than
            //    Security:Accounts:CacheMaxAge (5 s, README); the lock itself is in the shared database at once.
            foreach (var host in hosts) Assert.Equal("ACCOUNT_LOCKED", await LockSeenAsync(host, ray));

            // 4. No queue entry lost: IROC's queue has every submission, seen alike from every replica.
            foreach (var host in hosts)
            {
                var queue = (await PostAsync(host, iris, "{ myQueue(first: 50) { totalCount nodes { report { id } } } }"))["myQueue"]!;
                Assert.Equal(queuedBefore + reports.Length, queue["totalCount"]!.GetValue<int>());
                var queued = queue["nodes"]!.AsArray().Select(n => n!["report"]!["id"]!.GetValue<string>()).ToHashSet();
                Assert.All(reports, r => Assert.Contains(r.Id, queued));
            }

            // 5. The audit chain, written by three processes at once, verifies: one chain, no fork, no gap.
            var verification = (await PostAsync(hosts[2], root, "{ verifyAuditTrail { intact recordCount headSequence message } }"))["verifyAuditTrail"]!;
            Assert.True(verification["intact"]!.GetValue<bool>(), verification.ToJsonString());
            Assert.Equal(verification["headSequence"]!.GetValue<long>(), verification["recordCount"]!.GetValue<long>());
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    private static async Task<JsonNode> PostAsync(RunningHost host, string token, string query, object? variables = null)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null, $"{query}: {body.ToJsonString()}");
        return body["data"]!;
    }

    /// <summary>What <paramref name="host"/> answers <paramref name="token"/> once it says ACCOUNT_LOCKED, or after the cache's maximum age and a margin.</summary>
    private static async Task<string?> LockSeenAsync(RunningHost host, string token)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(5) + TimeSpan.FromSeconds(15);
        while (true)
        {
            var code = await CodeAsync(host, token);
            if (code == "ACCOUNT_LOCKED" || DateTime.UtcNow > until) return code;
            await Task.Delay(250);
        }
    }

    /// <summary>The first error code of <c>{ me }</c> with <paramref name="token"/>, or null when it succeeded.</summary>
    private static async Task<string?> CodeAsync(RunningHost host, string token)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ me { userName } }" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["errors"] is not JsonArray errors) return body["data"]?["me"] is not null ? null : throw new InvalidOperationException(body.ToJsonString());
        return errors[0]!["extensions"]!["code"]!.GetValue<string>();
    }
}
