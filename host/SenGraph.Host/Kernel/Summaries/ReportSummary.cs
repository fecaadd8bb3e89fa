using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;

namespace SenGraph.Host.Kernel.Summaries;

/// <summary>
/// An IROC summary (PIA Overview: "the analysts review the reports from the field, determine their significance, summarize
/// relevant reports, and send their summaries to the appropriate recipients ... The summaries usually include a reference to
/// the original SEN report"): written by IROC staff about one or more submitted reports they may read, edited while a draft,
/// then sent to named users or offices, in whose summary queue it appears (table <c>ReportSummaries</c>).
/// </summary>
public sealed class ReportSummary
{
    public Guid Id { get; set; }

    /// <summary>May name a suspect (PII).</summary>
    public required string Title { get; set; }

    /// <summary>The summary itself; may name a suspect or victim (PII).</summary>
    public required string Text { get; set; }

    /// <summary>User name of the IROC analyst who wrote it; only they edit and send it.</summary>
    public required string Author { get; set; }

    public ReportSummaryStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Optimistic concurrency token: changes with every change.</summary>
    public int Version { get; set; }

    /// <summary>The reports it summarises, in order.</summary>
    public List<ReportSummaryReport> Reports { get; set; } = [];

    /// <summary>Who it was sent to (none while a draft).</summary>
    public List<ReportSummaryRecipient> Recipients { get; set; } = [];
}

/// <summary>A report a summary cites: its id, and its type code and number as they were when cited (the reference every reader sees).</summary>
public sealed class ReportSummaryReport
{
    public Guid Id { get; set; }
    public Guid SummaryId { get; set; }
    public int Position { get; set; }
    public Guid ReportId { get; set; }
    public required string ReportType { get; set; }
    public string? ReportNumber { get; set; }
}

/// <summary>A user or office a summary was sent to, with when it arrived and when it was read.</summary>
public sealed class ReportSummaryRecipient
{
    public Guid Id { get; set; }
    public Guid SummaryId { get; set; }
    public RecipientKind Kind { get; set; }

    /// <summary>A user name or an office code.</summary>
    public required string Code { get; set; }

    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

[Description("Where an IROC summary stands.")]
public enum ReportSummaryStatus
{
    [Description("Being written: only its author sees and edits it.")]
    Draft,

    [Description("Sent to its recipients; no longer edited.")]
    Sent,
}

public static class ReportSummaryModel
{
    /// <summary>The table, and the audit's <c>Entity</c> of a summary's views.</summary>
    public const string Table = "ReportSummaries";

    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 20_000;
    public const int MaxReports = 20;
    public const int MaxRecipients = 50;

    public static ModelBuilder ApplyReportSummaries(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReportSummary>(e =>
        {
            e.ToTable(Table);
            e.Property(s => s.Title).HasMaxLength(TitleMaxLength);
            e.Property(s => s.Text).HasMaxLength(TextMaxLength);
            e.Property(s => s.Author).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.HasIndex(s => s.Author);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasMany(s => s.Reports).WithOne().HasForeignKey(r => r.SummaryId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Recipients).WithOne().HasForeignKey(r => r.SummaryId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ReportSummaryReport>(e =>
        {
            e.ToTable("ReportSummaryReports");
            e.Property(r => r.ReportType).HasMaxLength(ReportLimits.TypeMaxLength);
            e.Property(r => r.ReportNumber).HasMaxLength(ReportLimits.NumberMaxLength);
            e.HasIndex(r => new { r.SummaryId, r.Position }).IsUnique();
            e.HasIndex(r => r.ReportId);
        });
        modelBuilder.Entity<ReportSummaryRecipient>(e =>
        {
            e.ToTable("ReportSummaryRecipients");
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Code).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.HasIndex(r => new { r.Kind, r.Code });
        });
        return modelBuilder;
    }
}
