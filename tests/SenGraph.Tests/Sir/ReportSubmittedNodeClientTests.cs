using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.WebSockets;

namespace SenGraph.Tests.Sir;

/// <summary>
/// <c>reportSubmitted</c> through the real npm <c>graphql-ws</c> and <c>graphql-sse</c> clients (tests/conformance/report-submitted-client.mjs)
/// against the built host running as its own process with the shipped SIR module.
/// </summary>
public sealed class ReportSubmittedNodeClientTests
{
    [NodeFact]
    public Task An_iroc_analyst_subscribed_with_the_npm_client_receives_a_sir_as_it_is_submitted() => SubscribedWithAsync("ws");

    [NodeFact]
    public Task An_iroc_analyst_subscribed_with_the_npm_graphql_sse_client_receives_a_sir_as_it_is_submitted() => SubscribedWithAsync("sse");

    private static async Task SubscribedWithAsync(string transport)
    {
        await GraphQLWsNodeClientTests.EnsureNodeModulesAsync();
        using var plugins = new PluginsFolder().WithShippedModules();
        await using var host = await RunningHost.StartAsync(plugins);
        var webSocketUrl = new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();
        var httpUrl = new UriBuilder(host.BaseAddress) { Path = "/graphql" }.Uri.ToString();

        var node = await HostProcess.RunProgramAsync(NodeFactAttribute.Node!,
            [Path.Combine(GraphQLWsNodeClientTests.Conformance, "report-submitted-client.mjs"), webSocketUrl, httpUrl,
             await host.SignInAsync("iris", "IROC Staff", "IROC-HQ"), await host.SignInAsync("bob", "Agent", "SAC-BOS"), transport],
            GraphQLWsNodeClientTests.Conformance);

        Assert.True(node.ExitCode == 0, $"node exited with {node.ExitCode}:\n{node.Error}\n{node.Output}\n--- host log ---\n{host.Log}");
        var seen = JsonNode.Parse(node.Output.Trim().Split('\n')[^1])!;
        var submitted = seen["submitted"]!.AsArray();
        var last = submitted[^1]!;
        var live = seen["received"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == last["id"]!.GetValue<string>())!;
        Assert.Equal(last["number"]!.GetValue<string>(), live["number"]!.GetValue<string>());
        Assert.Matches(@"^SIR-FY\d{4}-\d{6}$", live["number"]!.GetValue<string>());
        Assert.Equal("SUBMITTED", live["status"]!.GetValue<string>());
        Assert.Equal("SAC-BOS", live["originatingOffice"]!.GetValue<string>());
        Assert.Equal("SIGNIFICANT_SEIZURE", live["category"]!.GetValue<string>());
        Assert.Equal("Currency", live["seizedProperty"]!.GetValue<string>());
        // Every event received is one of the SIRs submitted here, each once.
        Assert.All(seen["received"]!.AsArray(), r => Assert.Contains(submitted, s => s!["id"]!.GetValue<string>() == r!["id"]!.GetValue<string>()));
        Assert.Equal(seen["received"]!.AsArray().Count, seen["received"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Distinct().Count());
    }
}
