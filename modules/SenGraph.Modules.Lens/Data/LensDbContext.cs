using SenGraph.Contracts.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Modules.Lens.Notifications;

namespace SenGraph.Modules.Lens.Data;

/// <summary>
/// LENS's tables: the state ORI directory, the qualifying offense codes (seeded with
/// <see cref="QualifyingOffenses.Defaults"/>), custody releases with their convictions, and the outbox. Registered
/// with the kit's <c>AddModuleDatabase</c> (audited saves, its own migrations history table per provider).
/// </summary>
public abstract class LensDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<LensStateOri> StateOris => Set<LensStateOri>();

    public DbSet<LensQualifyingOffense> QualifyingOffenses => Set<LensQualifyingOffense>();

    public DbSet<LensRelease> Releases => Set<LensRelease>();

    public DbSet<LensConviction> Convictions => Set<LensConviction>();

    public DbSet<LensMessage> Messages => Set<LensMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LensStateOri>(e =>
        {
            e.ToTable("LensStateOris");
            e.HasKey(o => o.State);
            e.Property(o => o.State).HasMaxLength(2);
            e.Property(o => o.Ori).HasMaxLength(9);
            e.Property(o => o.Bureau).HasMaxLength(200);
            e.Property(o => o.UpdatedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<LensQualifyingOffense>(e =>
        {
            e.ToTable("LensQualifyingOffenses");
            e.HasKey(o => o.FromCode);
            e.Property(o => o.FromCode).HasMaxLength(4);
            e.Property(o => o.ToCode).HasMaxLength(4);
            e.Property(o => o.Category).HasMaxLength(100);
            e.HasData(Notifications.QualifyingOffenses.Defaults.Ranges.Select(r => new LensQualifyingOffense { FromCode = r.From, ToCode = r.To, Category = r.Category }));
        });
        modelBuilder.Entity<LensRelease>(e =>
        {
            e.ToTable("LensReleases");
            e.HasKey(r => r.Id);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.ReleasingFacility).HasMaxLength(LensLimits.Facility);
            e.Property(r => r.ReleasingState).HasMaxLength(2);
            e.Property(r => r.LastName).HasMaxLength(LensLimits.Name);
            e.Property(r => r.FirstName).HasMaxLength(LensLimits.Name);
            e.Property(r => r.MiddleName).HasMaxLength(LensLimits.Name);
            e.Property(r => r.Sex).HasMaxLength(1);
            e.Property(r => r.FbiNumber).HasMaxLength(9);
            e.Property(r => r.ResidenceStreet).HasMaxLength(LensLimits.Street);
            e.Property(r => r.ResidenceCity).HasMaxLength(LensLimits.City);
            e.Property(r => r.ResidenceState).HasMaxLength(2);
            e.Property(r => r.ResidencePostalCode).HasMaxLength(10);
            e.Property(r => r.NoMessageReason).HasMaxLength(500);
            e.Property(r => r.StatesWithoutOri).HasMaxLength(200);
            e.Property(r => r.CancelReason).HasMaxLength(LensLimits.Reason);
            e.Property(r => r.RecordedBy).HasMaxLength(200);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasMany(r => r.Convictions).WithOne().HasForeignKey(c => c.ReleaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => r.ReleaseDate);
            e.HasIndex(r => r.UpdatedAt);
        });
        modelBuilder.Entity<LensConviction>(e =>
        {
            e.ToTable("LensConvictions");
            e.HasKey(c => c.Id);
            e.Property(c => c.NcicCode).HasMaxLength(4);
            e.Property(c => c.Description).HasMaxLength(LensLimits.Conviction);
            e.Property(c => c.Court).HasMaxLength(LensLimits.Conviction);
            e.Property(c => c.Sentence).HasMaxLength(LensLimits.Conviction);
        });
        modelBuilder.Entity<LensMessage>(e =>
        {
            e.ToTable("LensMessages");
            e.HasKey(m => m.Id);
            e.Ignore(m => m.IdempotencyKey);
            e.Property(m => m.Recipient).HasConversion<string>().HasMaxLength(32);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(m => m.DestinationOri).HasMaxLength(9);
            e.Property(m => m.DestinationState).HasMaxLength(2);
            e.Property(m => m.LastError).HasMaxLength(LensLimits.Error);
            e.Property(m => m.LeaseOwner).HasMaxLength(200);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasOne<LensRelease>().WithMany().HasForeignKey(m => m.ReleaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasIndex(m => m.ReleaseId);
        });
    }
}

/// <summary>Sizes of LENS's text columns (and of the inputs that fill them).</summary>
public static class LensLimits
{
    public const int Name = 100, Facility = 200, Street = 200, City = 100, Conviction = 500, Reason = 1000, Error = 2000;
}

/// <summary>SQLite: date-times stored as sortable integers so SQL compares and orders them (as the host's tables).</summary>
public sealed class SqliteLensDbContext(DbContextOptions<SqliteLensDbContext> options) : LensDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class SqlServerLensDbContext(DbContextOptions<SqlServerLensDbContext> options) : LensDbContext(options);

public sealed class PostgreSqlLensDbContext(DbContextOptions<PostgreSqlLensDbContext> options) : LensDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimeOffsets();
}

public sealed class SqliteLensDesignTimeFactory : SqliteDesignTimeFactory<SqliteLensDbContext>;

public sealed class SqlServerLensDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerLensDbContext>;

public sealed class PostgreSqlLensDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlLensDbContext>;
