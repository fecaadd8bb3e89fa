using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.Sir.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer, Migrations/PostgreSql).
public sealed class SqliteSirDbContext(DbContextOptions<SqliteSirDbContext> options) : SqliteReportDbContext<SirReport>(options);

public sealed class SqlServerSirDbContext(DbContextOptions<SqlServerSirDbContext> options) : SqlServerReportDbContext<SirReport>(options);

public sealed class PostgreSqlSirDbContext(DbContextOptions<PostgreSqlSirDbContext> options) : PostgreSqlReportDbContext<SirReport>(options);

public sealed class SqliteSirDesignTimeFactory : SqliteDesignTimeFactory<SqliteSirDbContext>;

public sealed class SqlServerSirDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerSirDbContext>;

public sealed class PostgreSqlSirDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlSirDbContext>;
