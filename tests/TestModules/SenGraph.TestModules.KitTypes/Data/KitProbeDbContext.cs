using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.TestModules.KitTypes.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer, Migrations/PostgreSql), and their design-time factories.
public sealed class SqliteKitProbeDbContext(DbContextOptions<SqliteKitProbeDbContext> options) : SqliteReportDbContext<KitProbeReport>(options);

public sealed class SqlServerKitProbeDbContext(DbContextOptions<SqlServerKitProbeDbContext> options) : SqlServerReportDbContext<KitProbeReport>(options);

public sealed class PostgreSqlKitProbeDbContext(DbContextOptions<PostgreSqlKitProbeDbContext> options) : PostgreSqlReportDbContext<KitProbeReport>(options);

public sealed class SqliteKitProbeDesignTimeFactory : SqliteDesignTimeFactory<SqliteKitProbeDbContext>;

public sealed class SqlServerKitProbeDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerKitProbeDbContext>;

public sealed class PostgreSqlKitProbeDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlKitProbeDbContext>;
