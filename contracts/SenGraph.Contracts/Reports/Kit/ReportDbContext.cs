using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Contracts.Reports.Kit;

/// <summary>
/// A declared report type's view of the database: the host's envelope and directory tables (not migrated
/// here) and the type's details table, mapped from its declaration. Resolvers use this type; a module
/// derives one context per provider (one line each) so that each keeps its own migrations:
/// <code>public sealed class SqliteSirDbContext(DbContextOptions&lt;SqliteSirDbContext&gt; o) : SqliteReportDbContext&lt;SirReport&gt;(o);</code>
/// </summary>
public abstract class ReportDbContext<TReport>(DbContextOptions options) : DbContext(options)
    where TReport : Report, IDeclaredReport<TReport>
{
    /// <summary>Enums are stored by name.</summary>
    private const int EnumColumnMaxLength = 64;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var type = ReportTypeDefinition<TReport>.Declare();
        modelBuilder.ApplyReportType<TReport>(type.DetailsTable);
        var details = modelBuilder.Entity<TReport>();
        foreach (var field in type.Fields)
        {
            if (field.IsComputed) details.Ignore(field.Property.Name);
            else MapColumn(details, field);
        }
        foreach (var collection in type.Collections)
        {
            // One table per list, its rows deleted with the report (and when an update replaces the list).
            var items = modelBuilder.Entity(collection.ItemType);
            items.ToTable(collection.Table ?? type.GraphQLName + collection.Property.Name);
            items.HasKey(nameof(ReportItem.Id));
            items.Property(nameof(ReportItem.Id)).ValueGeneratedNever();
            items.HasIndex(nameof(ReportItem.ReportId), nameof(ReportItem.Position)).IsUnique();
            details.HasMany(collection.ItemType, collection.Property.Name).WithOne()
                .HasForeignKey(nameof(ReportItem.ReportId)).IsRequired().OnDelete(DeleteBehavior.Cascade);
            foreach (var field in collection.ItemFields) MapColumn(items, field);
        }
    }

    /// <summary>Every report of the type saved here gets its retention dates from the type's schedule (<see cref="RetentionDates"/>).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ApplyRetention();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ApplyRetention();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void ApplyRetention()
    {
        var options = DeclaredOptions.Value;
        foreach (var entry in ChangeTracker.Entries<TReport>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified) ReportStorageRules.ApplyRetention(options, entry.Entity);
        }
        foreach (var entry in ChangeTracker.Entries<ReportPerson>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified) ReportStorageRules.ApplySearchKey(entry.Entity);
        }
    }

    private static readonly Lazy<ReportTypeOptions> DeclaredOptions = new(() => ReportTypeDefinition<TReport>.Declare().ToOptions());

    private static void MapColumn(EntityTypeBuilder entity, IReportFieldColumn field)
    {
        var column = entity.Property(field.Property.Name);
        if (field.ValueType.IsEnum) column.HasConversion(typeof(string)).HasMaxLength(EnumColumnMaxLength);
        if (field.MaxCharacters is { } max) column.HasMaxLength(max);
        if (field.IsRequired && !field.ValueType.IsValueType) column.IsRequired();
        if (field.IsIndexed) entity.HasIndex(field.Property.Name);
    }
}

/// <summary>SQLite: date-times are stored as sortable integers so SQL can compare and order them (as the host's tables).</summary>
public abstract class SqliteReportDbContext<TReport>(DbContextOptions options) : ReportDbContext<TReport>(options)
    where TReport : Report, IDeclaredReport<TReport>
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public abstract class SqlServerReportDbContext<TReport>(DbContextOptions options) : ReportDbContext<TReport>(options)
    where TReport : Report, IDeclaredReport<TReport>;

/// <summary>PostgreSQL: date-times are <c>timestamp with time zone</c> (always written in UTC).</summary>
public abstract class PostgreSqlReportDbContext<TReport>(DbContextOptions options) : ReportDbContext<TReport>(options)
    where TReport : Report, IDeclaredReport<TReport>
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseUtcDateTimeOffsets();
}

/// <summary>For <c>dotnet ef migrations add</c>: <c>public sealed class SqliteSirDesignTime : SqliteDesignTimeFactory&lt;SqliteSirDbContext&gt;;</c></summary>
public abstract class SqliteDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=design-time.db").Options)!;
}

/// <summary>For <c>dotnet ef migrations add</c>: <c>public sealed class SqlServerSirDesignTime : SqlServerDesignTimeFactory&lt;SqlServerSirDbContext&gt;;</c></summary>
public abstract class SqlServerDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseSqlServer("Server=design-time;Database=SenGraph").Options)!;
}

/// <summary>For <c>dotnet ef migrations add</c>: <c>public sealed class PostgreSqlSirDesignTime : PostgreSqlDesignTimeFactory&lt;PostgreSqlSirDbContext&gt;;</c></summary>
public abstract class PostgreSqlDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext), new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=design-time;Database=sengraph").Options)!;
}
