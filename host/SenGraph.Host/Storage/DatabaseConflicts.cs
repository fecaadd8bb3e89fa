using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Host.Storage;

/// <summary>
/// Database errors caused by another transaction rather than by a fault: a unique value taken first, a row
/// changed meanwhile, a lock not granted in time, a deadlock victim. The client may simply try again, so
/// they answer <see cref="Code"/>, never an internal error.
/// </summary>
public static class DatabaseConflicts
{
    public const string Code = WorkflowErrorCodes.Conflict;

    public const string Message = "A concurrent change got in the way and nothing was changed; reload and try again.";

    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteConstraint = 19;
    private const int SqlServerDeadlock = 1205, SqlServerLockTimeout = 1222, SqlServerUniqueIndex = 2601, SqlServerUniqueConstraint = 2627;

    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked
            || sqlite.SqliteErrorCode == SqliteConstraint && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        SqlException sql => sql.Number is SqlServerDeadlock or SqlServerLockTimeout or SqlServerUniqueIndex or SqlServerUniqueConstraint,
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable,
        _ => exception.InnerException is { } inner && IsConflict(inner),
    };
}
