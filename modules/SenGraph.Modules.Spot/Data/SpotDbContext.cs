using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.Spot.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer, Migrations/PostgreSql), and their design-time factories.
public sealed class SqliteSpotDbContext(DbContextOptions<SqliteSpotDbContext> options) : SqliteReportDbContext<SpotReport>(options);

public sealed class SqlServerSpotDbContext(DbContextOptions<SqlServerSpotDbContext> options) : SqlServerReportDbContext<SpotReport>(options);

public sealed class PostgreSqlSpotDbContext(DbContextOptions<PostgreSqlSpotDbContext> options) : PostgreSqlReportDbContext<SpotReport>(options);

public sealed class SqliteSpotDesignTimeFactory : SqliteDesignTimeFactory<SqliteSpotDbContext>;

public sealed class SqlServerSpotDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerSpotDbContext>;

public sealed class PostgreSqlSpotDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlSpotDbContext>;
