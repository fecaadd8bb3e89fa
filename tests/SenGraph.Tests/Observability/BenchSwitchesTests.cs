using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SenGraph.Host.Observability;
using SenGraph.Tests.Auditing;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.ReportTypes;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Observability;

/// <summary>The shipped modules in Development with <c>Bench:Switches</c> on, as the load harness starts the host.</summary>
public sealed class BenchSwitchedHost() : TestHost(new PluginsFolder().WithShippedModules(),
    settings: AcceptingUnknownUsers(new Dictionary<string, string?> { ["Bench:Switches"] = "true", ["Modules:lens:Outbox:Transport"] = "None" }));

/// <summary>
/// Issue 20 item 3 (what the audit of views and the authorization rule cost, separately): the harness's switches
/// (<see cref="BenchSwitches"/>) work only in Development with <c>Bench:Switches</c>; a host in any other environment refuses
/// to start with the setting, and without it the header changes nothing: every view is audited, the rule always runs.
/// </summary>
public sealed class BenchSwitchesTests(BenchSwitchedHost switched, ShippedModulesHost plain) : IClassFixture<BenchSwitchedHost>, IClassFixture<ShippedModulesHost>
{
    private const string ProductionKey = "a-production-key-of-more-than-thirty-two-bytes-0123456789";

    [Fact]
    public void A_host_outside_development_refuses_to_start_with_the_bench_switches()
    {
        using var host = new TestHost(new PluginsFolder().WithShippedModules(), "Production",
            new Dictionary<string, string?> { ["Authentication:SigningKey"] = ProductionKey, ["Bench:Switches"] = "true" });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => host.CreateClient());
        Assert.Contains("Bench:Switches", error.Message);
        Assert.Contains("refused in the Production environment", error.Message);
    }

    [Fact]
    public async Task With_the_switches_a_request_may_skip_the_audit_of_its_views_and_without_them_it_may_not()
    {
        foreach (var (host, user, skips) in new[] { (switched, "bench-switched", true), ((TestHost)plain, "bench-plain", false) })
        {
            var token = host.Token(user, "Agent", "SAC-BOS");
            var (id, _) = await new ReportTypeApi("Sir", "id version").DraftAsync(host, token, SirApi.Input("Bench switch probe"));
            var query = JsonSerializer.Serialize(new { query = "query($id: ID!) { node(id: $id) { id ... on Report { title } } }", variables = new { id } });
            async Task<long> ViewsAsync() => await host.ScalarAsync($"SELECT COUNT(*) FROM \"AuditRecords\" WHERE \"Action\" = 'Read' AND \"UserName\" = '{user}'");

            var before = await ViewsAsync();
            var audited = await PostAsync(host, query, token, null);
            var afterAudited = await ViewsAsync();
            var skipped = await PostAsync(host, query, token, BenchSwitches.NoViewAudit);
            var afterSkipped = await ViewsAsync();

            Assert.Equal(id, audited["data"]!["node"]!["id"]!.GetValue<string>());
            Assert.Equal(id, skipped["data"]!["node"]!["id"]!.GetValue<string>());
            Assert.True(afterAudited > before, $"{user}: a read without the header is audited");
            if (skips) Assert.Equal(afterAudited, afterSkipped);
            else Assert.True(afterSkipped > afterAudited, $"{user}: without Bench:Switches the header must not stop the audit");
        }
    }

    [Fact]
    public async Task With_the_switches_a_request_may_skip_the_authorization_rule_and_without_them_it_may_not()
    {
        // An agent is not IROC staff: the rule refuses irocFeed. Skipping it leaves the resolver's own scoping (his office's reports).
        var query = JsonSerializer.Serialize(new { query = "{ irocFeed(first: 5) { nodes { id } } }" });

        var refused = await PostAsync(plain, query, plain.Token("bench-agent", "Agent", "SAC-BOS"), BenchSwitches.NoAuthorizationRule, HttpStatusCode.Forbidden);
        var ruled = await PostAsync(switched, query, switched.Token("bench-agent", "Agent", "SAC-BOS"), null, HttpStatusCode.Forbidden);
        var bypassed = await PostAsync(switched, query, switched.Token("bench-agent", "Agent", "SAC-BOS"), BenchSwitches.NoAuthorizationRule);

        Assert.Equal("AUTH_NOT_AUTHORIZED", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("AUTH_NOT_AUTHORIZED", ruled["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(bypassed["errors"]);
        Assert.NotNull(bypassed["data"]!["irocFeed"]!["nodes"]);
    }

    private static async Task<JsonNode> PostAsync(TestHost host, string body, string token, string? bench, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (bench is not null) request.Headers.Add(BenchSwitches.Header, bench);
        using var response = await host.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
