using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SenGraph.Contracts.Agency;

/// <summary>
/// The EF Core mapping of the directory (organisations, offices, users and their roles) and of
/// report recipients. The host's database context (SenDbContext) owns the tables and their migrations; a report
/// module maps them too, with <c>excludeFromMigrations: true</c>, to read or write them in its own
/// transaction.
/// </summary>
public static class DirectoryModel
{
    public const string OrganisationsTable = "Organisations";
    public const string OfficesTable = "Offices";
    public const string UsersTable = "Users";
    public const string UserRolesTable = "UserRoles";
    public const string ReportRecipientsTable = "ReportRecipients";

    /// <summary>Maps the directory and recipient entities.</summary>
    /// <param name="modelBuilder">The context's model builder.</param>
    /// <param name="excludeFromMigrations">True in a module's context: the host migrates these tables.</param>
    public static ModelBuilder ApplyDirectory(this ModelBuilder modelBuilder, bool excludeFromMigrations)
    {
        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable(OrganisationsTable, t => Exclude(t, excludeFromMigrations));
            e.HasKey(o => o.Code);
            e.Property(o => o.Code).HasMaxLength(DirectoryRules.OrganisationCodeMaxLength);
            e.Property(o => o.Name).HasMaxLength(DirectoryRules.NameMaxLength);
        });

        modelBuilder.Entity<Office>(e =>
        {
            e.ToTable(OfficesTable, t => Exclude(t, excludeFromMigrations));
            e.HasKey(o => o.Code);
            e.Property(o => o.Code).HasMaxLength(DirectoryRules.OfficeCodeMaxLength);
            e.Property(o => o.Name).HasMaxLength(DirectoryRules.NameMaxLength);
            e.Property(o => o.Kind).HasMaxLength(OfficeKind.CodeMaxLength);
            e.Property(o => o.OrganisationCode).HasMaxLength(DirectoryRules.OrganisationCodeMaxLength);
            e.Property(o => o.ParentCode).HasMaxLength(DirectoryRules.OfficeCodeMaxLength);
            e.Property(o => o.Area).HasMaxLength(DirectoryRules.AreaMaxLength);
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Office>().WithMany().HasForeignKey(o => o.ParentCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(o => new { o.Area, o.Kind });
            e.HasIndex(o => o.Kind);
        });

        modelBuilder.Entity<DirectoryUser>(e =>
        {
            e.ToTable(UsersTable, t => Exclude(t, excludeFromMigrations));
            e.HasKey(u => u.UserName);
            e.Property(u => u.UserName).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Property(u => u.DisplayName).HasMaxLength(DirectoryRules.NameMaxLength);
            e.Property(u => u.OfficeCode).HasMaxLength(DirectoryRules.OfficeCodeMaxLength);
            e.HasOne<Office>().WithMany().HasForeignKey(u => u.OfficeCode).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserName).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(u => u.OfficeCode);
        });

        modelBuilder.Entity<DirectoryUserRole>(e =>
        {
            e.ToTable(UserRolesTable, t => Exclude(t, excludeFromMigrations));
            e.HasKey(r => new { r.UserName, r.Role });
            e.Property(r => r.UserName).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Property(r => r.Role).HasMaxLength(DirectoryRules.RoleMaxLength);
            e.HasIndex(r => r.Role);
        });

        modelBuilder.Entity<ReportRecipient>(e =>
        {
            e.ToTable(ReportRecipientsTable, t => Exclude(t, excludeFromMigrations));
            e.HasKey(r => r.Id);
            e.Property(r => r.Kind).HasConversion(UpperCase<RecipientKind>()).HasMaxLength(8);
            e.Property(r => r.Code).HasMaxLength(Math.Max(DirectoryRules.OfficeCodeMaxLength, DirectoryRules.UserNameMaxLength));
            e.Property(r => r.Reason).HasConversion(UpperCase<RecipientReason>()).HasMaxLength(8);
            e.HasIndex(r => new { r.ReportId, r.Kind, r.Code }).IsUnique();
            e.HasIndex(r => new { r.Kind, r.Code, r.AcknowledgedAt });
            e.HasIndex(r => new { r.Kind, r.Code, r.QueuedAt, r.Id }); // myQueue's keyset pages, newest first
            e.HasIndex(r => new { r.Kind, r.Code, r.ReadAt, r.QueuedAt, r.Id }); // the same for unread entries (readAt: { eq: null }), and their count
        });

        return modelBuilder;
    }

    /// <summary>Enums are stored as their GraphQL names (<c>SAC</c>, <c>OFFICE</c>, <c>ROUTED</c>), readable in SQL.</summary>
    private static ValueConverter<TEnum, string> UpperCase<TEnum>()
        where TEnum : struct, Enum =>
        new(v => v.ToString().ToUpperInvariant(), s => Enum.Parse<TEnum>(s, true));

    private static void Exclude<TEntity>(TableBuilder<TEntity> table, bool exclude)
        where TEntity : class
    {
        if (exclude) table.ExcludeFromMigrations();
    }
}
