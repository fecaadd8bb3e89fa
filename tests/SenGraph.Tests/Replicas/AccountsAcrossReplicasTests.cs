using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Replicas;

/// <summary>
/// Two host processes on one SQLite file and one Redis: a directory change made on one replica reaches the other's
/// logon check through the bus, long before that replica's copy of the account would age out.
/// </summary>
public sealed class AccountsAcrossReplicasTests
{
    private const string UpdateUser = "mutation($input: UpdateUserInput!) { updateUser(input: $input) { errors { code } } }";

    [RedisFact]
    public async Task A_user_disabled_on_replica_a_is_refused_by_replica_b_within_seconds_though_b_would_trust_its_copy_for_an_hour()
    {
        using var plugins = new PluginsFolder().WithShippedModules();
        var settings = new Dictionary<string, string>
        {
            ["Events__Redis"] = RedisFactAttribute.Redis!,
            ["Events__Channel"] = "sengraph-test:" + Guid.NewGuid().ToString("N"),
            ["Security__Accounts__CacheMaxAge"] = "01:00:00",
        };
        await using var a = await RunningHost.StartAsync(plugins, settings); // first: it creates the database
        await using var b = await RunningHost.StartAsync(plugins, settings);

        var betty = await b.SignInAsync("betty", "Supervisor", "SAC-BOS"); // B has read betty's account: cached for an hour
        Assert.Null((await PostAsync(b, betty, "{ me { userName } }"))["errors"]);
        var root = await a.SignInAsync("root", "System Administrator", "HQ-ICE");
        var changed = await PostAsync(a, root, UpdateUser, new { input = new { userName = "betty", disabled = true } });
        Assert.Empty(changed["data"]!["updateUser"]!["errors"]!.AsArray());

        JsonNode? refused = null;
        for (var attempt = 0; attempt < 50 && refused is null; attempt++)
        {
            var answer = await PostAsync(b, betty, "{ me { userName } }");
            if (answer["errors"] is JsonArray { Count: > 0 } errors) refused = errors[0];
            else await Task.Delay(100);
        }

        Assert.True(refused is not null, "Replica B still served betty 5 s after A disabled her.\n--- A ---\n" + a.Log + "\n--- B ---\n" + b.Log);
        Assert.Equal("ACCOUNT_DISABLED", refused!["extensions"]!["code"]!.GetValue<string>());
    }

    private static async Task<JsonNode> PostAsync(RunningHost host, string token, string query, object? variables = null)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
