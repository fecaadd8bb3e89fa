using System.Collections.Concurrent;
using Npgsql;

namespace SenGraph.Tests.Infrastructure;

/// <summary>
/// Which database the tests' hosts store in: a throwaway SQLite file by default; with the environment variable
/// <see cref="Variable"/> set to a PostgreSQL connection string (a server the tests may create databases on), every
/// <see cref="TestHost"/> and <see cref="RunningHost"/> that does not choose its own connection string gets a fresh
/// PostgreSQL database of its own instead. The one place the provider is chosen for the tests.
/// </summary>
public static class TestDatabase
{
    /// <summary>The environment variable naming the PostgreSQL server (e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres</c>).</summary>
    public const string Variable = "SENGRAPH_TEST_POSTGRES";

    /// <summary>The trait of the tests that exercise the database and run again on PostgreSQL in CI (<c>--filter Database=true</c>).</summary>
    public const string Trait = "Database";

    /// <summary>The trait of the tests that run on PostgreSQL only (<see cref="PostgreSqlFactAttribute"/>): CI's SQLite pass leaves them out.</summary>
    public const string PostgreSqlOnlyTrait = "PostgreSqlOnly";

    /// <summary>The server's connection string, or null when the tests run on SQLite only.</summary>
    public static string? PostgreSqlServer => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Whether hosts store in PostgreSQL in this run.</summary>
    public static bool IsPostgreSql => PostgreSqlServer is not null;

    private static readonly ConcurrentDictionary<string, Lazy<string>> Databases = new(StringComparer.Ordinal);

    /// <summary>
    /// The settings for a host's database: <c>Database:Provider</c> and <c>ConnectionStrings:SenGraph</c>, either the
    /// SQLite file <paramref name="sqliteFile"/> or the PostgreSQL database standing for that file: created empty the
    /// first time, shared after (hosts that would share the file share the database, as several processes or a restart do).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Settings(string sqliteFile) =>
        PostgreSqlServer is null
            ? new Dictionary<string, string> { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:SenGraph"] = $"Data Source={sqliteFile}" }
            : new Dictionary<string, string>
            {
                ["Database:Provider"] = "PostgreSql",
                ["ConnectionStrings:SenGraph"] = Databases.GetOrAdd(Path.GetFullPath(sqliteFile), _ => new Lazy<string>(() => CreatePostgreSqlDatabase())).Value,
            };

    /// <summary>Creates an empty database on the <see cref="PostgreSqlServer"/> and returns its connection string.</summary>
    public static string CreatePostgreSqlDatabase(string prefix = "sengraph_test")
    {
        var server = PostgreSqlServer ?? throw new InvalidOperationException($"{Variable} is not set.");
        var name = $"{prefix}_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}

/// <summary>A fact that needs a PostgreSQL server (<see cref="TestDatabase.Variable"/>): skipped, with the reason, without one.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!TestDatabase.IsPostgreSql)
            Skip = $"Needs a PostgreSQL server: set {TestDatabase.Variable} to its connection string (.ci/run starts one).";
    }
}
