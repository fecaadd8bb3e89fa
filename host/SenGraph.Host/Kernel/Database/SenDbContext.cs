using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SenGraph.Contracts.Agency;
using SenGraph.Host.Auditing;
using SenGraph.Host.Kernel.Records;
using SenGraph.Host.Kernel.SavedQueries;
using SenGraph.Host.Kernel.Sharing;
using SenGraph.Host.Kernel.Summaries;
using SenGraph.Host.Kernel.Workflow;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Database;

/// <summary>
/// The host's own tables: the directory (organisations, offices, users and roles), report
/// recipients and the audit trail. Services use this type; each provider has its own migrations, recorded in
/// <see cref="HistoryTable"/>. Report modules map the same tables without migrating them.
/// </summary>
public class SenDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The host's migrations history table (modules have <c>__Migrations_&lt;id&gt;</c>).</summary>
    public const string HistoryTable = "__Migrations_host";

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Office> Offices => Set<Office>();

    public DbSet<DirectoryUser> Users => Set<DirectoryUser>();

    public DbSet<DirectoryUserRole> UserRoles => Set<DirectoryUserRole>();

    public DbSet<ReportRecipient> ReportRecipients => Set<ReportRecipient>();

    /// <summary>Every acknowledgement of the Rules of Behavior (kept, never updated).</summary>
    public DbSet<RulesOfBehaviorAcknowledgement> RulesOfBehaviorAcknowledgements => Set<RulesOfBehaviorAcknowledgement>();

    /// <summary>Report envelopes of every type (the modules' details tables are theirs).</summary>
    public DbSet<Report> Reports => Set<Report>();

    public DbSet<LegalHold> LegalHolds => Set<LegalHold>();

    public DbSet<RecordsTombstone> RecordsTombstones => Set<RecordsTombstone>();

    public DbSet<PersonSearch> PersonSearches => Set<PersonSearch>();

    public DbSet<CorrectionRequest> CorrectionRequests => Set<CorrectionRequest>();

    /// <summary>The audit trail: read here, appended only by <c>AuditChain</c> (see <c>Auditing/</c>).</summary>
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    /// <summary>
    /// The host owns (and migrates) the agency directory and the report envelope; report modules map the
    /// same tables with excludeFromMigrations: true next to their own details tables.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder
            .ApplyDirectory(excludeFromMigrations: false)
            .ApplyReportEnvelope(excludeFromMigrations: false)
            .ApplyAuditTrail()
            .ApplyReportCounters()
            .ApplySavedQueries()
            .ApplyReportSummaries()
            .ApplySharing()
            .ApplyRecords()
            .ApplyExternalSharing();
        modelBuilder.Entity<RulesOfBehaviorAcknowledgement>(e =>
        {
            e.ToTable("RulesOfBehaviorAcknowledgements");
            e.Property(a => a.UserName).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Property(a => a.RulesVersion).HasMaxLength(RulesOfBehaviorAcknowledgement.MaxVersionLength);
            e.HasIndex(a => new { a.UserName, a.RulesVersion, a.AcknowledgedAt });
        });
    }
}

/// <summary>SQLite: date-times are stored as sortable integers so SQL can compare and order them (as in modules).</summary>
public sealed class SqliteSenDbContext(DbContextOptions<SqliteSenDbContext> options) : SenDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class SqlServerSenDbContext(DbContextOptions<SqlServerSenDbContext> options) : SenDbContext(options);

/// <summary>PostgreSQL: date-times are <c>timestamp with time zone</c>, written in UTC.</summary>
public sealed class PostgreSqlSenDbContext(DbContextOptions<PostgreSqlSenDbContext> options) : SenDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimeOffsets();
}

/// <summary>For <c>dotnet ef migrations add</c> (see README, "Writing a module"; run in host/SenGraph.Host).</summary>
public sealed class SqliteWorkflowDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSenDbContext>
{
    public SqliteSenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSenDbContext>()
            .UseSqlite("Data Source=design-time.db", x => x.MigrationsHistoryTable(SenDbContext.HistoryTable)).Options);
}

public sealed class SqlServerWorkflowDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerSenDbContext>
{
    public SqlServerSenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerSenDbContext>()
            .UseSqlServer("Server=design-time;Database=SenGraph", x => x.MigrationsHistoryTable(SenDbContext.HistoryTable)).Options);
}

public sealed class PostgreSqlWorkflowDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlSenDbContext>
{
    public PostgreSqlSenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlSenDbContext>()
            .UseNpgsql("Host=design-time;Database=sengraph", x => x.MigrationsHistoryTable(SenDbContext.HistoryTable)).Options);
}
