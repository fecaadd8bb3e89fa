using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SenGraph.Modules.Sample.Data;

/// <summary>The module's tables. Resolvers use this type; each provider has its own migrations.</summary>
public class SampleDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SampleReport> Reports => Set<SampleReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var report = modelBuilder.Entity<SampleReport>();
        report.ToTable("SampleReports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Title).HasMaxLength(SampleReport.TitleMaxLength);
        report.Property(r => r.Narrative).HasMaxLength(SampleReport.NarrativeMaxLength);
        report.Property(r => r.Author).HasMaxLength(64);
        report.Property(r => r.Office).HasMaxLength(32);
        report.HasIndex(r => new { r.Author, r.CreatedAt });
    }
}

/// <summary>SQLite: date-times are stored as sortable integers so SQL can compare and order them.</summary>
public sealed class SqliteSampleDbContext(DbContextOptions<SqliteSampleDbContext> options) : SampleDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class SqlServerSampleDbContext(DbContextOptions<SqlServerSampleDbContext> options) : SampleDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c> (see README, "Writing a module").</summary>
public sealed class SqliteSampleDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSampleDbContext>
{
    public SqliteSampleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSampleDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerSampleDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSampleDbContext>
{
    public SqlServerSampleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSampleDbContext>().UseSqlServer("Server=design-time;Database=SenGraph").Options);
}
