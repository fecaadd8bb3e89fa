using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.EroTav.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer, Migrations/PostgreSql), and their design-time factories.
public sealed class SqliteEroTavDbContext(DbContextOptions<SqliteEroTavDbContext> options) : SqliteReportDbContext<EroTavReport>(options);

public sealed class SqlServerEroTavDbContext(DbContextOptions<SqlServerEroTavDbContext> options) : SqlServerReportDbContext<EroTavReport>(options);

public sealed class PostgreSqlEroTavDbContext(DbContextOptions<PostgreSqlEroTavDbContext> options) : PostgreSqlReportDbContext<EroTavReport>(options);

public sealed class SqliteEroTavDesignTimeFactory : SqliteDesignTimeFactory<SqliteEroTavDbContext>;

public sealed class SqlServerEroTavDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerEroTavDbContext>;

public sealed class PostgreSqlEroTavDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlEroTavDbContext>;
