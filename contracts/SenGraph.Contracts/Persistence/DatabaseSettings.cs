namespace SenGraph.Contracts.Persistence;

/// <summary>The relational databases SenGraph stores in.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite file: the zero set-up default.</summary>
    Sqlite,

    /// <summary>Microsoft SQL Server: production.</summary>
    SqlServer,

    /// <summary>PostgreSQL (Npgsql): production, and the server database the tests run on.</summary>
    PostgreSql,
}

/// <summary>Where modules store their tables.</summary>
/// <param name="Provider">The configured provider (<c>Database:Provider</c>).</param>
/// <param name="ConnectionString">The resolved connection string (<c>ConnectionStrings:SenGraph</c>).</param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);
