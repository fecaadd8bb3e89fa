using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Auditing;

/// <summary>
/// PIA 8.5 through a crash: a real host process killed (SIGKILL) under concurrent reads. After a restart, every
/// response a client received has its Read record, and the chain verifies.
/// </summary>
public sealed class AuditKillTests
{
    private const int Readers = 8;
    private const int AnsweredBeforeKill = 150;

    [Fact]
    public async Task Every_answered_read_has_its_audit_record_after_the_host_is_killed_under_load()
    {
        using var plugins = new PluginsFolder().WithShippedModules();
        var answered = new ConcurrentBag<string>();
        await using (var host = await RunningHost.StartAsync(plugins))
        {
            var bob = await host.SignInAsync("bob", "Agent", "SAC-BOS");
            using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bob);
            var created = await PostAsync(client, """
                mutation { createSir(input: { title: "Read until the crash", category: SIGNIFICANT_ARREST, eventAt: "2026-11-20T14:30:00Z", eventState: "MA" }) { sir { id } errors { code } } }
                """);
            var id = created!["data"]!["createSir"]!["sir"]!["id"]!.GetValue<string>();

            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, Readers).Select(reader => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    // The operation name, recorded with each view, ties a response to its record.
                    var name = $"Read_{reader}_{n}";
                    var response = await PostAsync(client, $$"""query {{name}} { sir(id: "{{id}}") { id title } }""");
                    if (response?["data"]?["sir"]?["id"]?.GetValue<string>() == id) answered.Add(name);
                }
            })).ToList();

            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
            {
                while (answered.Count < AnsweredBeforeKill) await Task.Delay(10, timeout.Token);
            }

            await host.KillAsync(); // while the readers keep asking
            await stop.CancelAsync();
            await Task.WhenAll(readers);
        }

        Assert.True(answered.Count >= AnsweredBeforeKill);
        await using (var restarted = await RunningHost.StartAsync(plugins))
        {
            var root = await restarted.SignInAsync("root", "System Administrator", "HQ-ICE");
            using var client = new HttpClient { BaseAddress = restarted.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", root);
            var verification = (await PostAsync(client, "{ verifyAuditTrail { intact recordCount message } }"))!["data"]!["verifyAuditTrail"]!;
            Assert.True(verification["intact"]!.GetValue<bool>(), verification.ToJsonString());

            var recorded = await RecordedReadsAsync(restarted.DatabaseFile);
            var missing = answered.Where(name => !recorded.Contains(name)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {answered.Count} answered reads have no audit record: {string.Join(", ", missing.Take(10))}");
        }
    }

    /// <summary>A response's JSON, or null when the host did not answer (it was killed).</summary>
    private static async Task<JsonNode?> PostAsync(HttpClient client, string query)
    {
        try
        {
            using var response = await client.PostAsJsonAsync("/graphql", new { query });
            return JsonNode.Parse(await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or IOException)
        {
            return null;
        }
    }

    private static async Task<HashSet<string>> RecordedReadsAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"OperationName\" FROM \"AuditRecords\" WHERE \"Action\" = 'Read' AND \"OperationName\" LIKE 'Read\\_%' ESCAPE '\\'";
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
