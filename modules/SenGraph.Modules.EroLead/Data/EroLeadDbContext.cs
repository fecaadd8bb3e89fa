using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.EroLead.Data;

// One context per provider, each with its own migrations (Migrations/Sqlite, Migrations/SqlServer, Migrations/PostgreSql), and their design-time factories.
// Both add the module's own tables (dissemination products, HSI flags) to the kit's mapping.
public sealed class SqliteEroLeadDbContext(DbContextOptions<SqliteEroLeadDbContext> options) : SqliteReportDbContext<EroLeadReport>(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        EroLeadProducts.Configure(modelBuilder);
    }
}

public sealed class SqlServerEroLeadDbContext(DbContextOptions<SqlServerEroLeadDbContext> options) : SqlServerReportDbContext<EroLeadReport>(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        EroLeadProducts.Configure(modelBuilder);
    }
}

public sealed class PostgreSqlEroLeadDbContext(DbContextOptions<PostgreSqlEroLeadDbContext> options) : PostgreSqlReportDbContext<EroLeadReport>(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        EroLeadProducts.Configure(modelBuilder);
    }
}

public sealed class SqliteEroLeadDesignTimeFactory : SqliteDesignTimeFactory<SqliteEroLeadDbContext>;

public sealed class SqlServerEroLeadDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerEroLeadDbContext>;

public sealed class PostgreSqlEroLeadDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlEroLeadDbContext>;
