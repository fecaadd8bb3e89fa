using System.Net;
using System.Text.Json.Nodes;
using SenGraph.Tests.Auditing;
using SenGraph.Tests.Infrastructure;
using Xunit;

namespace SenGraph.Tests.Observability;

/// <summary>The Development-only counters the performance harness (bench/run.sh) divides by the requests it sends.</summary>
public sealed class BenchCountersTests
{
    [Fact]
    public async Task In_development_the_counters_count_the_sql_commands_and_bytes_of_a_request()
    {
        using var plugins = new PluginsFolder();
        await using var host = new TestHost(plugins);
        var client = host.CreateClient();
        await host.AuditRecordsAsync("{ action: { eq: \"Logon\" } }", first: 1);

        var before = JsonNode.Parse(await client.GetStringAsync("/_bench/counters"))!;
        await host.AuditRecordsAsync("{ action: { eq: \"Logon\" } }", first: 1);
        var after = JsonNode.Parse(await client.GetStringAsync("/_bench/counters"))!;

        Assert.True(after["sqlCommands"]!.GetValue<long>() > before["sqlCommands"]!.GetValue<long>(), "reading audit records runs SQL");
        Assert.True(after["requestSqlCommands"]!.GetValue<long>() > before["requestSqlCommands"]!.GetValue<long>(), "the read runs inside its request");
        Assert.True(after["requestSqlCommands"]!.GetValue<long>() - before["requestSqlCommands"]!.GetValue<long>()
            <= after["sqlCommands"]!.GetValue<long>() - before["sqlCommands"]!.GetValue<long>());
        Assert.True(after["allocatedBytes"]!.GetValue<long>() > before["allocatedBytes"]!.GetValue<long>());
        Assert.True(after["peakWorkingSetBytes"]!.GetValue<long>() >= after["workingSetBytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task Outside_development_there_are_no_counters()
    {
        using var plugins = new PluginsFolder();
        await using var host = new TestHost(plugins, "Production",
            new Dictionary<string, string?> { ["Authentication:SigningKey"] = "a-production-key-of-more-than-thirty-two-bytes-0123456789" });
        var response = await host.CreateClient().GetAsync("/_bench/counters");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
