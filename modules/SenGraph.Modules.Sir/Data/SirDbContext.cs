using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Modules.Sir.Data;

/// <summary>
/// The SIR module's view of the database: the host's envelope and directory tables (not migrated here)
/// and its own <c>SirDetails</c> table. Resolvers use this type; each provider has its own migrations.
/// </summary>
public class SirDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SirReport> Sirs => Set<SirReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyReportType<SirReport>("SirDetails");
        var sir = modelBuilder.Entity<SirReport>();
        sir.Property(r => r.Category).HasConversion<string>().HasMaxLength(64);
        sir.Property(r => r.SeizedProperty).HasMaxLength(SirFields.DescriptionMaxLength);
        sir.Property(r => r.Injuries).HasMaxLength(SirFields.DescriptionMaxLength);
        sir.Property(r => r.Hospital).HasMaxLength(SirFields.HospitalMaxLength);
        sir.Property(r => r.Notes).HasMaxLength(SirFields.NotesMaxLength);
        sir.Ignore(r => r.ReportedWithinHours);
        sir.Ignore(r => r.WithinPolicyDeadline);
        sir.HasIndex(r => r.Category);
    }
}

/// <summary>SQLite: date-times are stored as sortable integers so SQL can compare and order them (as the host's tables).</summary>
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
