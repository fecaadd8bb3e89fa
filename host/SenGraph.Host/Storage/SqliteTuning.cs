using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SenGraph.Host.Storage;

/// <summary>
/// SQLite set up for a server with many concurrent requests:
/// <list type="bullet">
/// <item><b>WAL</b> (<c>journal_mode=WAL</c>, kept in the file): readers never wait for the writer, nor the writer for them.</item>
/// <item><b>synchronous=FULL</b> (SQLite's default, which we keep): every commit is synced to disk before it returns, so a
/// committed record (an audit record a response waits for) survives a process kill and a power loss alike. NORMAL would
/// survive a kill but could lose the last commits on power loss; the audit's group commit makes FULL's sync one per batch.</item>
/// <item><b>Busy timeout</b> 30 s (<c>Default Timeout</c>): a transaction waits that long for the write lock before failing.</item>
/// <item><b>Pooling</b> on: connections (and their prepared state) are reused across requests.</item>
/// </list>
/// </summary>
public static class SqliteTuning
{
    public const int BusyTimeoutSeconds = 30;

    /// <summary>Pooling and the busy timeout, unless the connection string sets them itself.</summary>
    public static void Apply(SqliteConnectionStringBuilder builder)
    {
        if (!builder.ContainsKey("Pooling")) builder.Pooling = true;
        if (!builder.ContainsKey("Default Timeout")) builder.DefaultTimeout = BusyTimeoutSeconds;
    }

    /// <summary>Switches the database file to WAL (once; the mode is stored in the file). Nothing for an in-memory database.</summary>
    public static async Task UseWriteAheadLogAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL";
            var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken));
            if (mode is not ("wal" or "memory"))
                throw new InvalidOperationException($"SQLite refused write-ahead logging (journal mode '{mode}').");
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
