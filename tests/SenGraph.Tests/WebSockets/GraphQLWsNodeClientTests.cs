using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.WebSockets;

/// <summary>
/// The real npm <c>graphql-ws</c> client (tests/conformance/graphql-ws-client.mjs) against the built
/// host running as its own process on a loopback port, as a browser app would use it.
/// </summary>
public sealed class GraphQLWsNodeClientTests
{
    internal static readonly string Conformance = Path.Combine(RepoPaths.Root, "tests", "conformance");

    [NodeFact]
    public async Task The_npm_graphql_ws_client_subscribes_queries_and_authenticates_against_the_running_host()
    {
        await EnsureNodeModulesAsync();
        using var plugins = new PluginsFolder().WithTestModule("SenGraph.TestModules.Greeting").WithTestModule("SenGraph.TestModules.Ticker");
        await using var host = await RunningHost.StartAsync(plugins);
        var webSocketUrl = new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri.ToString();
        var token = await host.SignInAsync("alice", "Agent", "SAC-NYC");

        var node = await HostProcess.RunProgramAsync(NodeFactAttribute.Node!, [Path.Combine(Conformance, "graphql-ws-client.mjs"), webSocketUrl, token], Conformance);

        Assert.True(node.ExitCode == 0, $"node exited with {node.ExitCode}:\n{node.Error}\n{node.Output}\n--- host log ---\n{host.Log}");
        var seen = JsonNode.Parse(node.Output.Trim().Split('\n')[^1])!;
        Assert.Equal("[1,2,3,4,5]", seen["ticks"]!.ToJsonString());
        Assert.Equal("[[1,2,3],[1,2,3,4]]", seen["concurrent"]!.ToJsonString());
        Assert.Equal("""[{"data":{"greeting":"Hello, Node"}}]""", seen["query"]!.ToJsonString());
        Assert.Equal("""[{"data":{"secretGreeting":"Hello, agent alice"}}]""", seen["secret"]!.ToJsonString());
        Assert.Contains("noSuchField", seen["validation"]!["errors"]![0]!.GetValue<string>());
        Assert.Contains("authenticated", seen["anonymousSecret"]!["errors"]![0]!.GetValue<string>());
        Assert.Equal(4403, seen["forged"]!["code"]!.GetValue<int>());
    }

    /// <summary>CI runs <c>npm ci</c> in tests/conformance before the tests; a developer machine may not have.</summary>
    internal static async Task EnsureNodeModulesAsync()
    {
        if (Directory.Exists(Path.Combine(Conformance, "node_modules", "graphql-ws"))) return;
        var npm = NodeFactAttribute.FindOnPath("npm");
        Assert.True(npm is not null, "tests/conformance/node_modules is missing and npm is not on PATH: run `npm ci` in tests/conformance.");
        var install = await HostProcess.RunProgramAsync(npm!, ["ci", "--no-audit", "--no-fund"], Conformance);
        Assert.True(install.ExitCode == 0, $"npm ci in tests/conformance failed:\n{install.Error}\n{install.Output}");
    }
}
