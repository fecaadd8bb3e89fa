using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.Leara.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer), and their design-time factories.
public sealed class SqliteLearaDbContext(DbContextOptions<SqliteLearaDbContext> options) : SqliteReportDbContext<LearaReport>(options);

public sealed class SqlServerLearaDbContext(DbContextOptions<SqlServerLearaDbContext> options) : SqlServerReportDbContext<LearaReport>(options);

public sealed class SqliteLearaDesignTimeFactory : SqliteDesignTimeFactory<SqliteLearaDbContext>;

public sealed class SqlServerLearaDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerLearaDbContext>;
