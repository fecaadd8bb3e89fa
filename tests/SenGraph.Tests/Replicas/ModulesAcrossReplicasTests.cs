using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Replicas;

/// <summary>
/// A module store (plugins folder) shared by replicas: a module installed or upgraded there is served by a replica
/// that does not watch the folder, through another replica's notice over Redis or, without one, the folder poll.
/// </summary>
public sealed class ModulesAcrossReplicasTests
{
    private const string Versioned = "SenGraph.TestModules.Versioned";

    /// <summary>What the README states: a notice arrives within the reload delay plus a load; generous here for a loaded CI machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [RedisFact]
    public async Task A_module_installed_and_upgraded_in_the_shared_store_is_served_by_a_replica_that_does_not_watch_it()
    {
        using var plugins = new PluginsFolder();
        var bus = new Dictionary<string, string>
        {
            ["Events__Redis"] = RedisFactAttribute.Redis!,
            ["Events__Channel"] = "sengraph-test:" + Guid.NewGuid().ToString("N"),
        };
        await using var a = await RunningHost.StartAsync(plugins, bus);
        // B sees no file-system event and polls too rarely to matter: only A's notice can tell it.
        await using var b = await RunningHost.StartAsync(plugins, new Dictionary<string, string>(bus)
        {
            ["Plugins__Watch"] = "false",
            ["Plugins__PollInterval"] = "01:00:00",
        });
        Assert.Null((await ModulesAsync(b)).Version);

        plugins.Deploy(Versioned);
        var installed = await WaitForVersionAsync(b, "1.0.0", a, b);
        Assert.Contains("versionedHello", installed.Fields);
        Assert.Equal("1.0.0", (await ModulesAsync(a)).Version);

        plugins.Deploy(Versioned + ".V1_1", Versioned);
        var upgraded = await WaitForVersionAsync(b, "1.1.0", a, b);
        Assert.Contains("versionedExtra", upgraded.Fields);
        Assert.Equal("LOADED", upgraded.Status);
    }

    [Fact]
    public async Task Without_file_system_events_or_a_bus_a_replica_finds_a_new_module_by_polling_the_store()
    {
        using var plugins = new PluginsFolder();
        await using var host = await RunningHost.StartAsync(plugins, new Dictionary<string, string>
        {
            ["Plugins__Watch"] = "false",
            ["Plugins__PollInterval"] = "00:00:01",
        });
        Assert.Null((await ModulesAsync(host)).Version);

        plugins.Deploy(Versioned);
        var installed = await WaitForVersionAsync(host, "1.0.0", host);
        Assert.Contains("versionedHello", installed.Fields);
    }

    private sealed record Seen(string? Version, string? Status, string[] Fields);

    private static async Task<Seen> WaitForVersionAsync(RunningHost replica, string version, params RunningHost[] logs)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var seen = await ModulesAsync(replica);
            if (seen.Version == version) return seen;
            Assert.True(clock.Elapsed < Bound,
                $"The replica still served {seen.Version ?? "no"} versioned module after {Bound.TotalSeconds} s.\n"
                + string.Join("\n", logs.Select((h, i) => $"--- replica {i + 1} ---\n{h.Log}")));
            await Task.Delay(100);
        }
    }

    /// <summary>The versioned module as <c>modules</c> lists it and its root fields, from one answer (one schema).</summary>
    private static async Task<Seen> ModulesAsync(RunningHost host)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        const string query = """{"query":"{ modules { id version status } __schema { queryType { fields { name } } } }"}""";
        using var response = await http.PostAsync("/graphql", new StringContent(query, Encoding.UTF8, "application/json"));
        var data = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;
        var module = data["modules"]!.AsArray().FirstOrDefault(m => m!["id"]!.GetValue<string>() == "versioned");
        var fields = data["__schema"]!["queryType"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>())
            .Where(n => n.StartsWith("versioned", StringComparison.Ordinal)).ToArray();
        return new Seen(module?["version"]?.GetValue<string>(), module?["status"]?.GetValue<string>(), fields);
    }
}
