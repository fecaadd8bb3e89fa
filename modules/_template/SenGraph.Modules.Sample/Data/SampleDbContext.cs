using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.Sample.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer), and their design-time factories.
public sealed class SqliteSampleDbContext(DbContextOptions<SqliteSampleDbContext> options) : SqliteReportDbContext<SampleReport>(options);

public sealed class SqlServerSampleDbContext(DbContextOptions<SqlServerSampleDbContext> options) : SqlServerReportDbContext<SampleReport>(options);

public sealed class SqliteSampleDesignTimeFactory : SqliteDesignTimeFactory<SqliteSampleDbContext>;

public sealed class SqlServerSampleDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerSampleDbContext>;
