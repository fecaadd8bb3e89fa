using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.Leara.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer, Migrations/PostgreSql), and their design-time factories.
public sealed class SqliteLearaDbContext(DbContextOptions<SqliteLearaDbContext> options) : SqliteReportDbContext<LearaReport>(options);

public sealed class SqlServerLearaDbContext(DbContextOptions<SqlServerLearaDbContext> options) : SqlServerReportDbContext<LearaReport>(options);

public sealed class PostgreSqlLearaDbContext(DbContextOptions<PostgreSqlLearaDbContext> options) : PostgreSqlReportDbContext<LearaReport>(options);

public sealed class SqliteLearaDesignTimeFactory : SqliteDesignTimeFactory<SqliteLearaDbContext>;

public sealed class SqlServerLearaDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerLearaDbContext>;

public sealed class PostgreSqlLearaDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlLearaDbContext>;
