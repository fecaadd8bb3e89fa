using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;

namespace SenGraph.Host.Kernel.Records;

/// <summary>
/// A legal hold (PIA 3.4): while it is not released, no report it names (<see cref="Reports"/>) or matches (<see cref="MatchType"/>
/// and the incident window <see cref="MatchEventFrom"/>..<see cref="MatchEventTo"/>) is destroyed. Table <c>LegalHolds</c>.
/// </summary>
public sealed class LegalHold
{
    public Guid Id { get; set; }

    /// <summary>Why the records must be kept (litigation, an investigation, a FOIA request, ...).</summary>
    public required string Reason { get; set; }

    /// <summary>The records officer who declared it.</summary>
    public required string DeclaredBy { get; set; }

    public DateTimeOffset DeclaredAt { get; set; }

    /// <summary>Reports of this type only (with the window); null with no window: the hold names its reports by id only.</summary>
    public string? MatchType { get; set; }

    /// <summary>Reports whose incident (eventAt) is on or after this instant.</summary>
    public DateTimeOffset? MatchEventFrom { get; set; }

    /// <summary>Reports whose incident (eventAt) is before this instant.</summary>
    public DateTimeOffset? MatchEventTo { get; set; }

    public string? ReleasedBy { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
    public string? ReleaseReason { get; set; }

    /// <summary>The reports the hold names by id.</summary>
    public List<LegalHoldReport> Reports { get; set; } = [];

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }

    public bool IsActive => ReleasedAt is null;

    /// <summary>Whether the hold matches reports by type and incident window (beyond those it names).</summary>
    public bool HasMatch => MatchType is not null || MatchEventFrom is not null || MatchEventTo is not null;
}

/// <summary>A report a legal hold names by id (table <c>LegalHoldReports</c>).</summary>
public sealed class LegalHoldReport
{
    public Guid LegalHoldId { get; set; }
    public Guid ReportId { get; set; }
}

/// <summary>
/// What is left of a destroyed report (table <c>RecordsTombstones</c>): its number, type and records dates, and who authorised
/// the disposition run that destroyed it. No content and no PII.
/// </summary>
public sealed class RecordsTombstone
{
    public Guid ReportId { get; set; }
    public string? Number { get; set; }
    public required string Type { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateOnly? CutOff { get; set; }
    public DateOnly? TransferOn { get; set; }
    public DateOnly? DestroyOn { get; set; }
    public DateTimeOffset? TransferredAt { get; set; }
    public DateTimeOffset DestroyedAt { get; set; }

    /// <summary>Who authorised the disposition run.</summary>
    public required string AuthorisedBy { get; set; }

    /// <summary>The disposition run (its id, as printed) that destroyed the report.</summary>
    public Guid RunId { get; set; }
}

/// <summary>A search for the reports naming a person (PIA 7.1), kept with its criteria (table <c>PersonSearches</c>).</summary>
public sealed class PersonSearch
{
    public Guid Id { get; set; }
    public required string SearchedBy { get; set; }
    public DateTimeOffset SearchedAt { get; set; }

    /// <summary>Why: the access or correction request the search answers (e.g. a FOIA case number).</summary>
    public required string Purpose { get; set; }

    /// <summary>The criteria, as JSON (names, date of birth, A-number, FIN as given).</summary>
    public required string Criteria { get; set; }

    /// <summary>How many reports it found.</summary>
    public int Found { get; set; }
}

/// <summary>A request to correct a report (PIA 7.2) and its outcome (table <c>CorrectionRequests</c>).</summary>
public sealed class CorrectionRequest
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }

    /// <summary>The report's number when the request was recorded.</summary>
    public string? ReportNumber { get; set; }

    /// <summary>What the individual asks to correct.</summary>
    public required string Request { get; set; }

    /// <summary>The request's reference (e.g. a FOIA or Privacy Act case number).</summary>
    public string? Reference { get; set; }

    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public CorrectionOutcome? Outcome { get; set; }
    public string? OutcomeReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>What came of a correction request.</summary>
[System.ComponentModel.Description("What came of a correction request (PIA 7.2).")]
public enum CorrectionOutcome
{
    [System.ComponentModel.Description("The report was corrected (by an amendment).")]
    Corrected,

    [System.ComponentModel.Description("Refused, e.g. exempt under the Privacy Act to protect an investigation.")]
    Denied,

    [System.ComponentModel.Description("Corrected in part.")]
    PartiallyCorrected,
}

/// <summary>The EF Core mapping of the records tables (host-owned, migrated with SenDbContext).</summary>
public static class RecordsModel
{
    public const int ReasonMaxLength = 1000;
    public const int CriteriaMaxLength = 2000;

    public static ModelBuilder ApplyRecords(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LegalHold>(e =>
        {
            e.ToTable("LegalHolds");
            e.Property(h => h.Reason).HasMaxLength(ReasonMaxLength);
            e.Property(h => h.ReleaseReason).HasMaxLength(ReasonMaxLength);
            e.Property(h => h.DeclaredBy).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Property(h => h.ReleasedBy).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Property(h => h.MatchType).HasMaxLength(ReportLimits.TypeMaxLength);
            e.Property(h => h.Version).IsConcurrencyToken();
            e.Ignore(h => h.IsActive);
            e.Ignore(h => h.HasMatch);
            e.HasIndex(h => h.ReleasedAt);
            e.HasMany(h => h.Reports).WithOne().HasForeignKey(r => r.LegalHoldId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LegalHoldReport>(e =>
        {
            e.ToTable("LegalHoldReports");
            e.HasKey(r => new { r.LegalHoldId, r.ReportId });
            e.HasIndex(r => r.ReportId);
        });
        modelBuilder.Entity<RecordsTombstone>(e =>
        {
            e.ToTable("RecordsTombstones");
            e.HasKey(t => t.ReportId);
            e.Property(t => t.ReportId).ValueGeneratedNever();
            e.Property(t => t.Number).HasMaxLength(ReportLimits.NumberMaxLength);
            e.Property(t => t.Type).HasMaxLength(ReportLimits.TypeMaxLength);
            e.Property(t => t.AuthorisedBy).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.HasIndex(t => new { t.Type, t.Number });
            e.HasIndex(t => t.RunId);
        });
        modelBuilder.Entity<PersonSearch>(e =>
        {
            e.ToTable("PersonSearches");
            e.Property(s => s.SearchedBy).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Property(s => s.Purpose).HasMaxLength(ReasonMaxLength);
            e.Property(s => s.Criteria).HasMaxLength(CriteriaMaxLength);
            e.HasIndex(s => s.SearchedAt);
        });
        modelBuilder.Entity<CorrectionRequest>(e =>
        {
            e.ToTable("CorrectionRequests");
            e.Property(c => c.Request).HasMaxLength(ReportLimits.NarrativeMaxLength);
            e.Property(c => c.Reference).HasMaxLength(100);
            e.Property(c => c.ReportNumber).HasMaxLength(ReportLimits.NumberMaxLength);
            e.Property(c => c.RecordedBy).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Property(c => c.DecidedBy).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Property(c => c.OutcomeReason).HasMaxLength(ReasonMaxLength);
            e.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.ReportId);
        });
        return modelBuilder;
    }
}
