using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;

namespace SenGraph.Host.Kernel.Sharing;

/// <summary>The envelope fields an MOU may cover. None is PII-marked: titles, narratives, people and contacts never leave ICE.</summary>
public enum ExternalReportField
{
    Number,
    Type,
    EventAt,
    EventCity,
    EventState,
    OriginatingOffice,
    SubmittedAt,
}

/// <summary>A memorandum of understanding with a partner agency (table <c>SharingAgreements</c>): which report types and fields it covers, and when.</summary>
public sealed class SharingAgreement
{
    public Guid Id { get; set; }
    public required string Agency { get; set; }

    /// <summary>The type codes covered, comma-separated.</summary>
    public string ReportTypes { get; set; } = "";

    /// <summary>The <see cref="ExternalReportField"/> names covered, comma-separated.</summary>
    public string Fields { get; set; } = "";

    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? ValidTo { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public IReadOnlyList<string> TypeList => [.. ReportTypes.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    public IReadOnlyList<ExternalReportField> FieldList =>
        [.. Fields.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ExternalReportField>)];

    public bool InForceAt(DateTimeOffset at) => ValidFrom <= at && (ValidTo is null || at < ValidTo);

    public const int MaxAgencyLength = 200;
}

/// <summary>A partner-agency user bound to the one MOU under which they receive reports (table <c>SharingPartners</c>, key user name).</summary>
public sealed class SharingPartner
{
    public required string UserName { get; set; }
    public Guid AgreementId { get; set; }
    public required string BoundBy { get; set; }
    public DateTimeOffset BoundAt { get; set; }
}

/// <summary>One report given to a partner (table <c>ExternalShares</c>, appended only): what, to whom, under which MOU, when.</summary>
public sealed class ExternalShare
{
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public string? ReportNumber { get; set; }
    public required string ReportType { get; set; }
    public required string SharedWith { get; set; }
    public required string Agency { get; set; }
    public Guid AgreementId { get; set; }
    public string Fields { get; set; } = "";
    public DateTimeOffset SharedAt { get; set; }
}

public static class ExternalSharingModel
{
    public static ModelBuilder ApplyExternalSharing(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SharingAgreement>(e =>
        {
            e.ToTable("SharingAgreements");
            e.Property(a => a.Agency).HasMaxLength(SharingAgreement.MaxAgencyLength);
            e.Property(a => a.ReportTypes).HasMaxLength(400);
            e.Property(a => a.Fields).HasMaxLength(400);
            e.Property(a => a.RecordedBy).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Ignore(a => a.TypeList);
            e.Ignore(a => a.FieldList);
        });
        modelBuilder.Entity<SharingPartner>(e =>
        {
            e.ToTable("SharingPartners");
            e.HasKey(p => p.UserName);
            e.Property(p => p.UserName).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Property(p => p.BoundBy).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.HasOne<SharingAgreement>().WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ExternalShare>(e =>
        {
            e.ToTable("ExternalShares");
            e.Property(s => s.ReportNumber).HasMaxLength(64);
            e.Property(s => s.ReportType).HasMaxLength(16);
            e.Property(s => s.SharedWith).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Property(s => s.Agency).HasMaxLength(SharingAgreement.MaxAgencyLength);
            e.Property(s => s.Fields).HasMaxLength(400);
            e.HasIndex(s => s.ReportId);
            e.HasIndex(s => new { s.SharedWith, s.SharedAt });
        });
        return modelBuilder;
    }
}
