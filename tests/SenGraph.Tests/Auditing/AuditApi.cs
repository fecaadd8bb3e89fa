using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Auditing;

/// <summary>Reading, verifying and tampering with a test host's audit trail.</summary>
public static class AuditApi
{
    public const string RecordFields = "sequence at userName action entity recordId operationName requestId piiFields details";

    public static string Root(this TestHost host) => host.Token("root", "System Administrator", "HQ-ICE");

    /// <summary>Audit records matching <paramref name="where"/> (a GraphQL AuditRecordFilterInput literal), oldest first.</summary>
    public static async Task<List<JsonNode>> AuditRecordsAsync(this TestHost host, string where, int first = 200)
    {
        var response = (await host.PostAsync(
            $"{{ auditRecords(first: {first}, where: {where}, order: [{{ sequence: ASC }}]) {{ nodes {{ {RecordFields} }} }} }}", token: host.Root())).ShouldSucceed();
        return [.. response.Data!["auditRecords"]!["nodes"]!.AsArray().Select(n => n!)];
    }

    public static async Task<JsonNode> VerifyAsync(this TestHost host, string arguments = "")
    {
        var response = (await host.PostAsync(
            $"{{ verifyAuditTrail{arguments} {{ intact recordCount headSequence headHash firstBrokenSequence problem message highestSequenceWrittenByThisProcess }} }}",
            token: host.Root())).ShouldSucceed();
        return response.Data!["verifyAuditTrail"]!;
    }

    /// <summary>Runs SQL on the host's database file as a DBA could, outside the host.</summary>
    public static async Task<int> ExecuteSqlAsync(this TestHost host, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(this TestHost host, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static async Task<string> ScalarTextAsync(this TestHost host, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync())!;
    }

    /// <summary>What a DBA with rights over the schema can do: take the append-only triggers away.</summary>
    public static Task DropAppendOnlyTriggersAsync(this TestHost host) =>
        host.ExecuteSqlAsync("DROP TRIGGER \"AuditRecords_NoUpdate\"; DROP TRIGGER \"AuditRecords_NoDelete\";");

    public static string Str(this JsonNode node, string name) => node[name]?.GetValue<string>() ?? "";
}
