using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SenGraph.Modules.Sir.Data;

/// <summary>The SIR module's tables. Resolvers use this type; each provider has its own migrations.</summary>
public class SirDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SirReport> Reports => Set<SirReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var report = modelBuilder.Entity<SirReport>();
        report.ToTable("SirReports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        report.Property(r => r.Title).HasMaxLength(SirRules.TitleMaxLength);
        report.Property(r => r.Narrative).HasMaxLength(SirRules.NarrativeMaxLength);
        report.Property(r => r.EventCity).HasMaxLength(SirRules.CityMaxLength);
        report.Property(r => r.EventState).HasMaxLength(2);
        report.Property(r => r.Author).HasMaxLength(64);
        report.Property(r => r.Office).HasMaxLength(32);
        report.Property(r => r.Version).IsConcurrencyToken();
        report.HasIndex(r => new { r.Author, r.Status });
    }
}

/// <summary>SQLite: date-times are stored as sortable integers so SQL can compare and order them.</summary>
public sealed class SqliteSirDbContext(DbContextOptions<SqliteSirDbContext> options) : SirDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class SqlServerSirDbContext(DbContextOptions<SqlServerSirDbContext> options) : SirDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c> (see README, "Writing a module").</summary>
public sealed class SqliteSirDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSirDbContext>
{
    public SqliteSirDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSirDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerSirDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSirDbContext>
{
    public SqlServerSirDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSirDbContext>().UseSqlServer("Server=design-time;Database=SenGraph").Options);
}
