using Microsoft.Data.Sqlite;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Records;

/// <summary>The shipped modules on their own database, for records tests (LENS's dispatcher off).</summary>
public sealed class RecordsHost() : TestHost(new PluginsFolder().WithShippedModules(),
    settings: new Dictionary<string, string?> { ["Modules:lens:Outbox:Transport"] = "None" })
{
    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        _ = Services; // started: migrated
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L);
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        _ = Services; // started: migrated
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How many rows of any table name the report (any column holding its id), but the audit trail and the records tables.</summary>
    public async Task<long> RowsNamingAsync(Guid reportId)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabaseFile}");
        await connection.OpenAsync();
        var tables = new List<string>();
        var list = connection.CreateCommand();
        list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__Migrations%'";
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        long found = 0;
        foreach (var table in tables.Except(["AuditRecords", "RecordsTombstones", "LegalHoldReports", "CorrectionRequests"]))
        {
            var columns = new List<string>();
            var info = connection.CreateCommand();
            info.CommandText = $"PRAGMA table_info(\"{table}\")";
            await using (var reader = await info.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) columns.Add(reader.GetString(1));
            }
            foreach (var column in columns.Where(c => c == "Id" || c.EndsWith("Id", StringComparison.Ordinal)))
            {
                var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE upper(\"{column}\") = $id";
                count.Parameters.AddWithValue("$id", reportId.ToString().ToUpperInvariant());
                found += Convert.ToInt64(await count.ExecuteScalarAsync());
            }
        }
        return found;
    }
}
