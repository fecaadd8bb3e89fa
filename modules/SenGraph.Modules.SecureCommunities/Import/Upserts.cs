using System.Data;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SenGraph.Modules.SecureCommunities.Data;

namespace SenGraph.Modules.SecureCommunities.Import;

/// <summary>
/// Upserts for the import: SQLite <c>INSERT ... ON CONFLICT DO UPDATE ... WHERE</c> prepared once and run per row (a row with the same values
/// is left alone), SQL Server one multi-row <c>MERGE ... WHEN MATCHED AND EXISTS (... EXCEPT ...)</c> per batch with the
/// batch's values as parameters (SQLite allows 32,766, SQL Server 2,100); PostgreSQL the SQLite statement per row. Returns the rows inserted or changed.
/// Date-times go through the model's own converter, so they are stored exactly as EF Core stores them.
/// </summary>
internal static class Upserts
{
    private static readonly (string Name, DbType Type)[] TransmissionColumns =
    [
        ("TransmissionId", DbType.String), ("SubmittedAt", DbType.DateTimeOffset), ("SubmittedMonth", DbType.Int32), ("Ori", DbType.String),
        ("State", DbType.String), ("Site", DbType.String), ("Result", DbType.String), ("IarLevel", DbType.String), ("IdrReturnedAt", DbType.DateTimeOffset),
        ("IarReturnedAt", DbType.DateTimeOffset), ("IdrSeconds", DbType.Int64), ("IarSeconds", DbType.Int64), ("ImportedAt", DbType.DateTimeOffset),
    ];

    private static readonly (string Name, DbType Type)[] EventColumns =
    [
        ("EventId", DbType.String), ("TransmissionId", DbType.String), ("Kind", DbType.String), ("OccurredAt", DbType.DateTimeOffset),
        ("OccurredMonth", DbType.Int32), ("ImportedAt", DbType.DateTimeOffset),
    ];

    public static int TransmissionBatch(bool sqlServer) => sqlServer ? 2000 / TransmissionColumns.Length : 1000;

    public static int EventBatch(bool sqlServer) => sqlServer ? 2000 / EventColumns.Length : 1000;

    public static Task<int> TransmissionsAsync(ScDbContext db, DbTransaction transaction, IReadOnlyList<ScTransmission> rows, CancellationToken ct)
    {
        var convert = Converter(db, typeof(ScTransmission), nameof(ScTransmission.SubmittedAt));
        return ExecuteAsync(db, transaction, "ScTransmissions", "TransmissionId", TransmissionColumns, rows.Count, (r, c) =>
        {
            var t = rows[r];
            return c switch
            {
                0 => t.TransmissionId, 1 => convert(t.SubmittedAt), 2 => t.SubmittedMonth, 3 => t.Ori, 4 => t.State, 5 => t.Site, 6 => t.Result,
                7 => t.IarLevel, 8 => t.IdrReturnedAt is { } idr ? convert(idr) : null, 9 => t.IarReturnedAt is { } iar ? convert(iar) : null,
                10 => t.IdrSeconds, 11 => t.IarSeconds, _ => convert(t.ImportedAt),
            };
        }, ct);
    }

    public static Task<int> EventsAsync(ScDbContext db, DbTransaction transaction, IReadOnlyList<ScCaseEvent> rows, CancellationToken ct)
    {
        var convert = Converter(db, typeof(ScCaseEvent), nameof(ScCaseEvent.OccurredAt));
        return ExecuteAsync(db, transaction, "ScCaseEvents", "EventId", EventColumns, rows.Count, (r, c) =>
        {
            var e = rows[r];
            return c switch
            {
                0 => e.EventId, 1 => e.TransmissionId, 2 => e.Kind, 3 => convert(e.OccurredAt), 4 => e.OccurredMonth, _ => convert(e.ImportedAt),
            };
        }, ct);
    }

    /// <summary>The stored result (<c>MATCH</c>, ...) of each of <paramref name="ids"/> that is stored; one query.</summary>
    public static async Task<Dictionary<string, string>> StoredResultsAsync(ScDbContext db, DbTransaction transaction, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ids.Count == 0) return found;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("SELECT \"TransmissionId\", \"Result\" FROM \"ScTransmissions\" WHERE \"TransmissionId\" IN (");
        for (var i = 0; i < ids.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append("@t").Append(i);
            var p = command.CreateParameter();
            p.ParameterName = "@t" + i;
            p.DbType = DbType.String;
            p.Size = 64;
            p.Value = ids[i];
            command.Parameters.Add(p);
        }

        command.CommandText = sql.Append(')').ToString();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found[reader.GetString(0)] = reader.GetString(1);
        return found;
    }

    private static Func<DateTimeOffset, object> Converter(ScDbContext db, Type entity, string property)
    {
        // PostgreSQL's timestamp with time zone takes UTC only (Npgsql refuses another offset).
        if (db.Database.IsNpgsql()) return v => v.ToUniversalTime();
        var converter = db.Model.FindEntityType(entity)!.FindProperty(property)!.GetTypeMapping().Converter;
        return converter is null ? v => v : v => converter.ConvertToProvider(v)!;
    }

    private static async Task<int> ExecuteAsync(ScDbContext db, DbTransaction transaction, string table, string key, (string Name, DbType Type)[] columns,
        int rowCount, Func<int, int, object?> value, CancellationToken ct)
    {
        string Q(string name) => "\"" + name + "\"";
        var data = columns.Select(c => c.Name).Where(n => n != key && n != "ImportedAt").ToList();
        var all = columns.Select(c => Q(c.Name)).ToList();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        if (db.Database.IsSqlServer())
        {
            // One MERGE per batch: SQL Server binds parameters by name on the server, and a round trip per row would dominate.
            var values = new StringBuilder();
            for (var r = 0; r < rowCount; r++)
            {
                values.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = $"@p{r}_{c}";
                    values.Append(c == 0 ? "" : ", ").Append(name);
                    var p = command.CreateParameter();
                    p.ParameterName = name;
                    p.DbType = columns[c].Type;
                    p.Value = value(r, c) ?? DBNull.Value;
                    command.Parameters.Add(p);
                }

                values.Append(')');
            }

            command.CommandText =
                $"MERGE INTO {Q(table)} WITH (HOLDLOCK) AS t USING (VALUES {values}) AS s ({string.Join(", ", all)}) ON t.{Q(key)} = s.{Q(key)} " +
                $"WHEN MATCHED AND EXISTS (SELECT {string.Join(", ", data.Select(d => "s." + Q(d)))} EXCEPT SELECT {string.Join(", ", data.Select(d => "t." + Q(d)))}) " +
                $"THEN UPDATE SET {string.Join(", ", data.Append("ImportedAt").Select(d => $"{Q(d)} = s.{Q(d)}"))} " +
                $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", all)}) VALUES ({string.Join(", ", columns.Select(c => "s." + Q(c.Name)))});";
            return await command.ExecuteNonQueryAsync(ct);
        }

        // SQLite: one prepared single-row upsert executed per row (in process, no round trips). A multi-row statement is
        // slower here: SQLite looks each named parameter up by a linear scan, so thousands of parameters cost their square.
        // PostgreSQL runs the same statement (its "differs" is IS DISTINCT FROM, and parameters are typed).
        var postgreSql = db.Database.IsNpgsql();
        var differs = postgreSql ? "IS DISTINCT FROM" : "IS NOT";
        command.CommandText =
            $"INSERT INTO {Q(table)} ({string.Join(", ", all)}) VALUES ({string.Join(", ", columns.Select((_, c) => "@p" + c))}) ON CONFLICT ({Q(key)}) DO UPDATE SET " +
            string.Join(", ", data.Append("ImportedAt").Select(d => $"{Q(d)} = excluded.{Q(d)}")) +
            " WHERE " + string.Join(" OR ", data.Select(d => $"{Q(table)}.{Q(d)} {differs} excluded.{Q(d)}")) + ";";
        var parameters = new DbParameter[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = "@p" + c;
            if (postgreSql) parameters[c].DbType = columns[c].Type;
            command.Parameters.Add(parameters[c]);
        }

        var changed = 0;
        for (var r = 0; r < rowCount; r++)
        {
            ct.ThrowIfCancellationRequested();
            for (var c = 0; c < columns.Length; c++) parameters[c].Value = value(r, c) ?? DBNull.Value;
            changed += command.ExecuteNonQuery();
        }

        return changed;
    }
}
