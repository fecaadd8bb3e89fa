using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Kit;

/// <summary>The kit probe's report type (<c>KPROBE</c>, GraphQL <c>KitProbe</c>) as a front end calls it.</summary>
public static class KitProbeApi
{
    /// <summary>A KPROBE drafted by the token's user and submitted at once (its office does not require review): its id.</summary>
    public static async Task<string> SubmitProbeAsync(this TestHost host, string token, string title)
    {
        var created = (await host.PostAsync("mutation($title: String!) { createKitProbe(input: { title: $title, outcome: RESOLVED }) { kitProbe { id version } errors { code message } } }",
            new { title }, token)).ShouldSucceed().Data!["createKitProbe"]!;
        Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
        var id = created["kitProbe"]!["id"]!.GetValue<string>();
        await host.StepOkAsync("submitReport", token, new { id, expectedVersion = created["kitProbe"]!["version"]!.GetValue<int>() });
        return id;
    }

    /// <summary>The ids <paramref name="query"/> (a connection field) returns to the token's user.</summary>
    public static async Task<List<string>> IdsAsync(this TestHost host, string token, string field, string arguments = "first: 50")
    {
        var data = (await host.PostAsync($"{{ {field}({arguments}) {{ nodes {{ id }} }} }}", token: token)).ShouldSucceed().Data!;
        return data[field]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
    }

    public static async Task<JsonNode?> NodeAsync(this TestHost host, string token, string id) =>
        (await host.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id }, token)).ShouldSucceed().Data!["node"];
}
