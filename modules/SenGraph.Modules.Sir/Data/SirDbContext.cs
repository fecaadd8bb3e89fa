using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.Sir.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer).
public sealed class SqliteSirDbContext(DbContextOptions<SqliteSirDbContext> options) : SqliteReportDbContext<SirReport>(options);

public sealed class SqlServerSirDbContext(DbContextOptions<SqlServerSirDbContext> options) : SqlServerReportDbContext<SirReport>(options);

public sealed class SqliteSirDesignTimeFactory : SqliteDesignTimeFactory<SqliteSirDbContext>;

public sealed class SqlServerSirDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerSirDbContext>;
