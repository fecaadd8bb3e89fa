using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.Sample.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer, Migrations/PostgreSql), and their design-time factories.
public sealed class SqliteSampleDbContext(DbContextOptions<SqliteSampleDbContext> options) : SqliteReportDbContext<SampleReport>(options);

public sealed class SqlServerSampleDbContext(DbContextOptions<SqlServerSampleDbContext> options) : SqlServerReportDbContext<SampleReport>(options);

public sealed class PostgreSqlSampleDbContext(DbContextOptions<PostgreSqlSampleDbContext> options) : PostgreSqlReportDbContext<SampleReport>(options);

public sealed class SqliteSampleDesignTimeFactory : SqliteDesignTimeFactory<SqliteSampleDbContext>;

public sealed class SqlServerSampleDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerSampleDbContext>;

public sealed class PostgreSqlSampleDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlSampleDbContext>;
