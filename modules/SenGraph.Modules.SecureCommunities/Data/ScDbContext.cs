using SenGraph.Contracts.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SenGraph.Contracts.Reports.Kit;

namespace SenGraph.Modules.SecureCommunities.Data;

/// <summary>
/// Secure Communities' tables: imported transmissions and case events (with their Eastern months, so the tables group
/// in SQL on every provider) and deployment readiness (sites, ORIs, tasks, Go decisions).
/// </summary>
public abstract class ScDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ScTransmission> Transmissions => Set<ScTransmission>();
    public DbSet<ScCaseEvent> CaseEvents => Set<ScCaseEvent>();
    public DbSet<ScSite> Sites => Set<ScSite>();
    public DbSet<ScSiteOri> SiteOris => Set<ScSiteOri>();
    public DbSet<ScSiteTask> SiteTasks => Set<ScSiteTask>();
    public DbSet<ScGoDecision> GoDecisions => Set<ScGoDecision>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ScTransmission>(e =>
        {
            e.ToTable("ScTransmissions");
            e.HasKey(t => t.TransmissionId);
            e.Property(t => t.TransmissionId).HasMaxLength(64);
            e.Property(t => t.Ori).HasMaxLength(9);
            e.Property(t => t.State).HasMaxLength(2);
            e.Property(t => t.Site).HasMaxLength(32);
            e.Property(t => t.Result).HasMaxLength(16);
            e.Property(t => t.IarLevel).HasMaxLength(16);
            e.HasIndex(t => new { t.Result, t.SubmittedAt });
            e.HasIndex(t => t.SubmittedMonth);
        });
        modelBuilder.Entity<ScCaseEvent>(e =>
        {
            e.ToTable("ScCaseEvents");
            e.HasKey(x => x.EventId);
            e.Property(x => x.EventId).HasMaxLength(64);
            e.Property(x => x.TransmissionId).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.HasOne<ScTransmission>().WithMany().HasForeignKey(x => x.TransmissionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.TransmissionId, x.Kind, x.OccurredAt });
        });
        modelBuilder.Entity<ScSite>(e =>
        {
            e.ToTable("ScSites");
            e.HasKey(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(32);
            e.Property(s => s.Jurisdiction).HasMaxLength(200);
            e.Property(s => s.State).HasMaxLength(2);
            e.Property(s => s.ActivatedBy).HasMaxLength(200);
            e.Property(s => s.UpdatedBy).HasMaxLength(200);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasMany(s => s.Oris).WithOne().HasForeignKey(o => o.SiteCode).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Tasks).WithOne().HasForeignKey(t => t.SiteCode).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.GoDecisions).WithOne().HasForeignKey(g => g.SiteCode).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ScSiteOri>(e =>
        {
            e.ToTable("ScSiteOris");
            e.HasKey(o => o.Ori);
            e.Property(o => o.Ori).HasMaxLength(9);
            e.Property(o => o.SiteCode).HasMaxLength(32);
            e.Property(o => o.BookingLocation).HasMaxLength(200);
            e.Property(o => o.EvaluationStep).HasMaxLength(32);
        });
        modelBuilder.Entity<ScSiteTask>(e =>
        {
            e.ToTable("ScSiteTasks");
            e.HasKey(t => new { t.SiteCode, t.TaskCode });
            e.Property(t => t.SiteCode).HasMaxLength(32);
            e.Property(t => t.TaskCode).HasMaxLength(16);
            e.Property(t => t.Status).HasMaxLength(16);
            e.Property(t => t.UpdatedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<ScGoDecision>(e =>
        {
            e.ToTable("ScGoDecisions");
            e.HasKey(g => new { g.SiteCode, g.Party });
            e.Property(g => g.SiteCode).HasMaxLength(32);
            e.Property(g => g.Party).HasMaxLength(32);
            e.Property(g => g.Decision).HasMaxLength(16);
            e.Property(g => g.PrimaryContact).HasMaxLength(200);
            e.Property(g => g.SecondaryContact).HasMaxLength(200);
            e.Property(g => g.UpdatedBy).HasMaxLength(200);
        });
    }
}

/// <summary>SQLite: date-times stored as sortable integers so SQL compares and orders them (as the host's tables).</summary>
public sealed class SqliteScDbContext(DbContextOptions<SqliteScDbContext> options) : ScDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class SqlServerScDbContext(DbContextOptions<SqlServerScDbContext> options) : ScDbContext(options);

public sealed class PostgreSqlScDbContext(DbContextOptions<PostgreSqlScDbContext> options) : ScDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimeOffsets();
}

public sealed class SqliteScDesignTimeFactory : SqliteDesignTimeFactory<SqliteScDbContext>;

public sealed class SqlServerScDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerScDbContext>;

public sealed class PostgreSqlScDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlScDbContext>;
