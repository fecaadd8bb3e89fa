using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.Spear.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer, Migrations/PostgreSql), and their design-time factories.
public sealed class SqliteSpearDbContext(DbContextOptions<SqliteSpearDbContext> options) : SqliteReportDbContext<SpearReport>(options);

public sealed class SqlServerSpearDbContext(DbContextOptions<SqlServerSpearDbContext> options) : SqlServerReportDbContext<SpearReport>(options);

public sealed class PostgreSqlSpearDbContext(DbContextOptions<PostgreSqlSpearDbContext> options) : PostgreSqlReportDbContext<SpearReport>(options);

public sealed class SqliteSpearDesignTimeFactory : SqliteDesignTimeFactory<SqliteSpearDbContext>;

public sealed class SqlServerSpearDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerSpearDbContext>;

public sealed class PostgreSqlSpearDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlSpearDbContext>;
