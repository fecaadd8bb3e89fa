using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SenGraph.Contracts.Auditing;

/// <summary>
/// The append-only, hash-chained audit trail (table <see cref="TableName"/>, created by the host's
/// migrations): how a record's hash is computed and how records are appended. Every record carries its
/// <c>Sequence</c> (1, 2, 3, … with no gaps), the <c>PreviousHash</c> of the record before it (64 zeros for
/// the first) and its own <c>Hash</c>, the SHA-256 of <see cref="CanonicalContent"/>. Changing, removing,
/// inserting or reordering records breaks the chain, which the host's <c>verifyAuditTrail</c> recomputes.
/// </summary>
public static class AuditChain
{
    public const string TableName = "AuditRecords";

    /// <summary>The <c>PreviousHash</c> of record 1.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Rows per INSERT statement (12 parameters each; SQL Server takes at most 2,100 per statement).</summary>
    private const int RowsPerStatement = 100;

    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();

    /// <summary>
    /// Audit times are UTC whole milliseconds: what every provider stores exactly (SQLite stores
    /// <see cref="DateTimeOffset"/> through <see cref="DateTimeOffsetToBinaryConverter"/>, which keeps 0.1 ms),
    /// so the time read back hashes as it was written.
    /// </summary>
    public static DateTimeOffset NormalizeTime(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    /// <summary>
    /// The canonical encoding a record's hash covers: a version tag, then every field in a fixed order, each
    /// as <c>N;</c> (null) or <c>S&lt;length&gt;:&lt;value&gt;;</c>, so no two different records encode alike.
    /// The time is <see cref="NormalizeTime"/>d and written as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.
    /// </summary>
    public static string CanonicalContent(long sequence, DateTimeOffset at, AuditEntry entry, string previousHash)
    {
        var text = new StringBuilder("sengraph-audit-v1;");
        Append(text, sequence.ToString(CultureInfo.InvariantCulture));
        Append(text, NormalizeTime(at).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Append(text, entry.UserName);
        Append(text, entry.Action);
        Append(text, entry.Entity);
        Append(text, entry.RecordId);
        Append(text, entry.OperationName);
        Append(text, entry.RequestId);
        Append(text, entry.PiiFields);
        Append(text, entry.Details);
        Append(text, previousHash);
        return text.ToString();

        static void Append(StringBuilder text, string? value)
        {
            if (value is null) text.Append("N;");
            else text.Append('S').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
        }
    }

    /// <summary>The lower-case hex SHA-256 of the record's <see cref="CanonicalContent"/> (UTF-8).</summary>
    public static string ComputeHash(long sequence, DateTimeOffset at, AuditEntry entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalContent(sequence, at, entry, previousHash))));

    /// <summary>
    /// Takes the trail's append lock in the current transaction, until it ends (taking it again in the same transaction is
    /// harmless). <see cref="AppendAsync"/> takes it itself; take it first when the transaction reads the trail to decide
    /// what to append (the lockout's count of failed logons), so that decision is serialized with every other writer, in
    /// every process. SQLite's transactions hold the write lock from BEGIN already.
    /// </summary>
    public static async Task LockAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (database.CurrentTransaction is null)
            throw new InvalidOperationException("The audit trail's lock is taken inside a transaction; none is open.");
        if (IsSqlServer(database))
        {
            await database.ExecuteSqlRawAsync("""
                -- audit
                DECLARE @granted int;
                EXEC @granted = sp_getapplock @Resource = N'SenGraph.AuditRecords', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000;
                IF @granted < 0 THROW 51000, N'The audit trail lock was not granted.', 1;
                """, cancellationToken);
        }
        else if (IsPostgreSql(database))
        {
            await database.ExecuteSqlRawAsync($"-- audit\nSELECT pg_advisory_xact_lock({PostgreSqlLockKey})", cancellationToken);
        }
    }

    /// <summary>
    /// Appends <paramref name="entries"/>, in order, in the context's current transaction, which must be open: the
    /// records commit or roll back with the work they record. Appends are serialized so the chain never forks:
    /// SQLite by the write lock its transactions take at BEGIN (Microsoft.Data.Sqlite begins IMMEDIATE), SQL
    /// Server by an exclusive application lock (<c>sp_getapplock</c>) held to the end of the transaction; and
    /// PostgreSQL by a transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>, released at commit or rollback),
    /// taken before the head is read, so two processes on one database never fork the chain; and
    /// <c>Sequence</c> is the table's primary key, so a second chain could not be written anyway.
    /// Runs its SQL through EF Core (so it is logged and counted like the context's other statements), every
    /// statement starting with the comment <c>-- audit</c>. Returns the sequence of the last record appended.
    /// </summary>
    public static async Task<long> AppendAsync(DatabaseFacade database, IReadOnlyList<AuditEntry> entries, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (database.CurrentTransaction is null)
            throw new InvalidOperationException("Audit records are appended inside the transaction of the work they record; none is open.");
        var sqlServer = IsSqlServer(database);
        var postgreSql = IsPostgreSql(database);
        if (entries.Count == 0) return 0;
        at = NormalizeTime(at);

        await LockAsync(database, cancellationToken);

        var head = await database.SqlQueryRaw<ChainHead>(sqlServer
                ? "-- audit\nSELECT TOP (1) [Sequence], [Hash] FROM [AuditRecords] ORDER BY [Sequence] DESC"
                : "-- audit\nSELECT \"Sequence\", \"Hash\" FROM \"AuditRecords\" ORDER BY \"Sequence\" DESC LIMIT 1")
            .ToListAsync(cancellationToken);
        var sequence = head.Count == 0 ? 0 : head[0].Sequence;
        var previous = head.Count == 0 ? GenesisHash : head[0].Hash;

        if (!sqlServer && !postgreSql) return await InsertAsJsonAsync(database, entries, at, sequence, previous, cancellationToken);

        var connection = database.GetDbConnection();
        for (var start = 0; start < entries.Count; start += RowsPerStatement)
        {
            var sql = new StringBuilder("-- audit\nINSERT INTO ")
                .Append(Quote("AuditRecords", sqlServer)).Append(" (")
                .AppendJoin(", ", Columns.Select(c => Quote(c, sqlServer))).Append(") VALUES ");
            var parameters = new List<DbParameter>();
            var count = Math.Min(RowsPerStatement, entries.Count - start);
            for (var i = 0; i < count; i++)
            {
                var entry = entries[start + i];
                sequence++;
                var hash = ComputeHash(sequence, at, entry, previous);
                object?[] values =
                [
                    sequence, sqlServer || postgreSql ? at : SqliteTime.ConvertToProvider(at), entry.UserName, entry.Action, entry.Entity, entry.RecordId,
                    entry.OperationName, entry.RequestId, entry.PiiFields, entry.Details, previous, hash,
                ];
                if (i > 0) sql.Append(", ");
                sql.Append('(');
                for (var c = 0; c < values.Length; c++)
                {
                    var parameter = connection.CreateCommand().CreateParameter();
                    parameter.ParameterName = $"@a{i}_{c}";
                    parameter.Value = values[c] ?? DBNull.Value;
                    parameter.DbType = values[c] switch
                    {
                        long => DbType.Int64,
                        DateTimeOffset => DbType.DateTimeOffset,
                        _ => DbType.String,
                    };
                    parameters.Add(parameter);
                    sql.Append(c > 0 ? ", " : "").Append(parameter.ParameterName);
                }

                sql.Append(')');
                previous = hash;
            }

            await database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }

        return sequence;
    }

    /// <summary>
    /// SQLite: every record of the batch in one INSERT of one JSON parameter (one row per array, its values in
    /// <see cref="Columns"/> order) read with <c>json_each</c>. The statement's text never changes, so SQLite parses a
    /// short statement and binds one value, where a multi-row VALUES list of 12 parameters a row cost more to prepare
    /// and bind than to insert (the profile of the IROC feed's audit writer, README "Load").
    /// </summary>
    private static async Task<long> InsertAsJsonAsync(
        DatabaseFacade database, IReadOnlyList<AuditEntry> entries, DateTimeOffset at, long sequence, string previous, CancellationToken cancellationToken)
    {
        var time = (long)SqliteTime.ConvertToProvider(at)!;
        var rows = new object?[entries.Count][];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            sequence++;
            var hash = ComputeHash(sequence, at, entry, previous);
            rows[i] = [sequence, time, entry.UserName, entry.Action, entry.Entity, entry.RecordId, entry.OperationName, entry.RequestId, entry.PiiFields, entry.Details, previous, hash];
            previous = hash;
        }

        var parameter = database.GetDbConnection().CreateCommand().CreateParameter();
        parameter.ParameterName = "@rows";
        parameter.DbType = DbType.String;
        parameter.Value = JsonSerializer.Serialize(rows);
        await database.ExecuteSqlRawAsync(JsonInsertSql, [parameter], cancellationToken);
        return sequence;
    }

    /// <summary>The columns an append writes, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["Sequence", "At", "UserName", "Action", "Entity", "RecordId", "OperationName", "RequestId", "PiiFields", "Details", "PreviousHash", "Hash"];

    // After Columns: static initializers run in textual order.
    private static readonly string JsonInsertSql = new StringBuilder("-- audit\nINSERT INTO \"AuditRecords\" (")
        .AppendJoin(", ", Columns.Select(c => Quote(c, sqlServer: false))).Append(") SELECT ")
        .AppendJoin(", ", Columns.Select((_, i) => $"json_extract(\"value\", '$[{i}]')"))
        .Append(" FROM json_each(@rows) ORDER BY \"key\"").ToString();

    internal static bool IsSqlServer(DatabaseFacade database) =>
        database.ProviderName?.EndsWith(".SqlServer", StringComparison.Ordinal) == true;

    /// <summary>Npgsql's provider (<c>Npgsql.EntityFrameworkCore.PostgreSQL</c>).</summary>
    public static bool IsPostgreSql(DatabaseFacade database) =>
        database.ProviderName?.EndsWith(".PostgreSQL", StringComparison.Ordinal) == true;

    /// <summary>The advisory lock key that serializes appends on PostgreSQL ("SenGraph" in ASCII).</summary>
    public const long PostgreSqlLockKey = 0x53656E4772617068;

    private static string Quote(string name, bool sqlServer) => sqlServer ? $"[{name}]" : $"\"{name}\"";

    /// <summary>The newest record's sequence and hash.</summary>
    public sealed class ChainHead
    {
        public long Sequence { get; set; }

        public string Hash { get; set; } = "";
    }
}
