using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SenGraph.Tests.Modules;

/// <summary>
/// A real host process under a steady stream of queries while a module is added, upgraded twice and
/// removed: every request succeeds, and every answer shows one schema, never a mix of two.
/// </summary>
public sealed class ZeroDowntimeTests(ITestOutputHelper output)
{
    private const string Versioned = "SenGraph.TestModules.Versioned";
    private const int Clients = 4;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    // Which of the module's root fields each version has.
    private static readonly Dictionary<string, string[]> FieldsByVersion = new()
    {
        [""] = [],
        ["1.0.0"] = ["versionedHello", "versionedVersion"],
        ["1.1.0"] = ["versionedExtra", "versionedHello", "versionedVersion"],
        ["2.0.0"] = ["versionedExtra", "versionedVersion"],
    };

    private sealed record Answer(HttpStatusCode Status, string Body, string Version, string[] VersionedFields);

    [Fact]
    public async Task Adding_upgrading_and_removing_a_module_under_load_fails_no_request()
    {
        using var plugins = new PluginsFolder().WithShippedModules();
        await using var host = await RunningHost.StartAsync(plugins);
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var answers = new ConcurrentQueue<Answer>();
        using var stop = new CancellationTokenSource(Budget);

        var load = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) answers.Enqueue(await AskAsync(client));
        })).ToList();

        async Task WaitForVersionAsync(string version)
        {
            while (!answers.Any(a => a.Version == version))
            {
                stop.Token.ThrowIfCancellationRequested();
                await Task.Delay(50);
            }

            await Task.Delay(300); // keep the load going on the new schema for a moment
        }

        await WaitForVersionAsync("");
        plugins.Deploy(Versioned);
        await WaitForVersionAsync("1.0.0");
        plugins.Deploy(Versioned + ".V1_1", Versioned);
        await WaitForVersionAsync("1.1.0");
        plugins.Deploy(Versioned + ".V2_0", Versioned);
        await WaitForVersionAsync("2.0.0");
        plugins.Remove(Versioned);
        var removedAt = answers.Count;
        while (answers.Skip(removedAt).All(a => a.Version != "")) await Task.Delay(50, stop.Token);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var all = answers.ToList();
        output.WriteLine($"{all.Count} requests from {Clients} clients; per version: " +
            string.Join(", ", all.GroupBy(a => a.Version).Select(g => $"'{g.Key}': {g.Count()}")));
        var failed = all.Where(a => a.Status != HttpStatusCode.OK || JsonNode.Parse(a.Body)?["errors"] is not null).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {all.Count} requests failed, e.g. {failed.FirstOrDefault()?.Body}\n{host.Log}");
        var mixed = all.Where(a => !FieldsByVersion[a.Version].SequenceEqual(a.VersionedFields)).ToList();
        Assert.True(mixed.Count == 0, $"{mixed.Count} answers mixed two schemas, e.g. version {mixed.FirstOrDefault()?.Version} with fields {string.Join(",", mixed.FirstOrDefault()?.VersionedFields ?? [])}");
        Assert.Equal(["", "1.0.0", "1.1.0", "2.0.0"], all.Select(a => a.Version).Distinct().Order());
        Assert.True(all.Count >= 100, $"only {all.Count} requests were made");
    }

    /// <summary>One request that sees both the module list and the root fields, from one schema.</summary>
    private static async Task<Answer> AskAsync(HttpClient client)
    {
        const string query = """{"query":"{ modules { id version status } __schema { queryType { fields { name } } } }"}""";
        try
        {
            using var response = await client.PostAsync("/graphql", new StringContent(query, Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            var data = JsonNode.Parse(body)?["data"];
            var version = data?["modules"]?.AsArray().FirstOrDefault(m => m!["id"]!.GetValue<string>() == "versioned")?["version"]?.GetValue<string>() ?? "";
            var fields = data?["__schema"]?["queryType"]?["fields"]?.AsArray()
                .Select(f => f!["name"]!.GetValue<string>()).Where(n => n.StartsWith("versioned", StringComparison.Ordinal)).Order().ToArray() ?? [];
            return new Answer(response.StatusCode, body, version, fields);
        }
        catch (HttpRequestException e)
        {
            return new Answer(0, e.Message, "", []);
        }
    }
}
