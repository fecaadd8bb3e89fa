using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;

namespace SenGraph.Host.Kernel.SavedQueries;

/// <summary>A named, described GraphQL operation an analyst saved, shared with roles or offices (table <c>SavedQueries</c>).</summary>
public sealed class SavedQuery
{
    public Guid Id { get; set; }

    /// <summary>As its owner wrote it; unique without regard to case (<see cref="NameKey"/>).</summary>
    public required string Name { get; set; }

    /// <summary>The name in lower case: what makes it unique and what runs look up.</summary>
    public required string NameKey { get; set; }

    public string? Description { get; set; }

    /// <summary>The GraphQL document, as saved.</summary>
    public required string Document { get; set; }

    /// <summary>The user who saved it; only they change or delete it.</summary>
    public required string Owner { get; set; }

    public List<SavedQueryShare> Shares { get; set; } = [];

    /// <summary>Whether the document was valid against the schema when last checked (on save and on every schema change).</summary>
    public SavedQueryStatus Status { get; set; }

    /// <summary>Why the document is <see cref="SavedQueryStatus.Broken"/>: the validation messages, one a line.</summary>
    public string? Problems { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>One role or office a saved query is shared with.</summary>
public sealed class SavedQueryShare
{
    public Guid Id { get; set; }
    public Guid SavedQueryId { get; set; }
    public SavedQueryShareKind Kind { get; set; }

    /// <summary>A role name or an office code.</summary>
    public required string Value { get; set; }
}

public enum SavedQueryShareKind
{
    Role,
    Office,
}

[Description("Whether a saved query's document is valid against the schema served now.")]
public enum SavedQueryStatus
{
    [Description("Valid against the current schema.")]
    Valid,

    [Description("Invalid against the current schema, e.g. a module it used was removed or changed: see problems.")]
    Broken,
}

public static class SavedQueryModel
{
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 1000;
    public const int MaxShares = 50;

    public static ModelBuilder ApplySavedQueries(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SavedQuery>(e =>
        {
            e.ToTable("SavedQueries");
            e.Property(q => q.Name).HasMaxLength(MaxNameLength);
            e.Property(q => q.NameKey).HasMaxLength(MaxNameLength);
            e.HasIndex(q => q.NameKey).IsUnique();
            e.Property(q => q.Description).HasMaxLength(MaxDescriptionLength);
            e.Property(q => q.Owner).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.HasIndex(q => q.Owner);
            e.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(q => q.Version).IsConcurrencyToken();
            e.HasMany(q => q.Shares).WithOne().HasForeignKey(s => s.SavedQueryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SavedQueryShare>(e =>
        {
            e.ToTable("SavedQueryShares");
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Value).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.HasIndex(s => new { s.Kind, s.Value });
        });
        return modelBuilder;
    }
}
