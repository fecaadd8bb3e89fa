using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Modules;

/// <summary>What an administrator decides about modules outlives the host process.</summary>
public sealed class ModuleRestartTests
{
    private static async Task<JsonNode> PostAsync(RunningHost host, string query, string? token = null)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PostAsJsonAsync("/graphql", new { query });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<string?> SirStatusAsync(RunningHost host) =>
        (await PostAsync(host, "{ modules { id status } }"))["data"]!["modules"]!.AsArray()
        .FirstOrDefault(m => m!["id"]!.GetValue<string>() == "sir")?["status"]?.GetValue<string>();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_module_disabled_by_an_administrator_stays_disabled_when_the_host_process_restarts()
    {
        using var plugins = new PluginsFolder().WithShippedModules();
        await using (var first = await RunningHost.StartAsync(plugins))
        {
            Assert.Equal("LOADED", await SirStatusAsync(first));
            var root = await first.SignInAsync("root", "System Administrator", "HQ-ICE");

            var disabled = await PostAsync(first, """mutation { disableModule(input: { id: "sir" }) { module { status } errors { code } } }""", root);

            Assert.Equal("DISABLED", disabled["data"]!["disableModule"]!["module"]!["status"]!.GetValue<string>());
        }

        await using var second = await RunningHost.StartAsync(plugins);

        Assert.Equal("DISABLED", await SirStatusAsync(second));
        var sirField = await PostAsync(second, """{ __type(name: "Query") { fields { name } } }""");
        Assert.DoesNotContain("sirs", sirField["data"]!["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
    }
}
