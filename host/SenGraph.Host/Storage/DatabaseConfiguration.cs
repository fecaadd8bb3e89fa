using Microsoft.Data.Sqlite;
using SenGraph.Contracts.Persistence;

namespace SenGraph.Host.Storage;

/// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:SenGraph</c>.</summary>
public static class DatabaseConfiguration
{
    public const string DefaultSqliteFile = "data/sengraph.db";

    public static DatabaseSettings Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var providerName = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerName) && !Enum.TryParse(providerName, ignoreCase: true, out provider))
            throw new InvalidOperationException(
                $"Database:Provider '{providerName}' is not supported; use {string.Join(" or ", Enum.GetNames<DatabaseProvider>())}.");

        var connectionString = configuration.GetConnectionString("SenGraph");
        return provider switch
        {
            DatabaseProvider.Sqlite => new DatabaseSettings(provider, SqliteConnectionString(connectionString, environment.ContentRootPath)),
            DatabaseProvider.SqlServer or DatabaseProvider.PostgreSql when string.IsNullOrWhiteSpace(connectionString) =>
                throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:SenGraph is not set."),
            DatabaseProvider.PostgreSql => new DatabaseSettings(provider, PostgreSqlConnectionString(connectionString!)),
            _ => new DatabaseSettings(provider, connectionString!),
        };
    }

    /// <summary>A PostgreSQL connection string Npgsql can read (keywords such as Host, Port, Database, Username).</summary>
    private static string PostgreSqlConnectionString(string configured)
    {
        try
        {
            return new Npgsql.NpgsqlConnectionStringBuilder(configured).ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new InvalidOperationException($"ConnectionStrings:SenGraph is not a valid PostgreSQL connection string: {e.Message}", e);
        }
    }

    /// <summary>
    /// The SQLite file defaults to data/sengraph.db; a relative path is taken from the content root
    /// (not the working directory), and its folder is created. Pooling and busy timeout: <see cref="SqliteTuning"/>.
    /// </summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"ConnectionStrings:SenGraph is not a valid SQLite connection string: {e.Message}", e);
        }

        SqliteTuning.Apply(builder);
        var isFile = builder.Mode != SqliteOpenMode.Memory && builder.DataSource is not ("" or ":memory:");
        if (isFile)
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
