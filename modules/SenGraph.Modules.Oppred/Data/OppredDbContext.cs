using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.Oppred.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer, Migrations/PostgreSql), and their design-time factories.
public sealed class SqliteOppredDbContext(DbContextOptions<SqliteOppredDbContext> options) : SqliteReportDbContext<OppredReport>(options);

public sealed class SqlServerOppredDbContext(DbContextOptions<SqlServerOppredDbContext> options) : SqlServerReportDbContext<OppredReport>(options);

public sealed class PostgreSqlOppredDbContext(DbContextOptions<PostgreSqlOppredDbContext> options) : PostgreSqlReportDbContext<OppredReport>(options);

public sealed class SqliteOppredDesignTimeFactory : SqliteDesignTimeFactory<SqliteOppredDbContext>;

public sealed class SqlServerOppredDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerOppredDbContext>;

public sealed class PostgreSqlOppredDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlOppredDbContext>;
