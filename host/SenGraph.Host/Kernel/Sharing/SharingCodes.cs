using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;

namespace SenGraph.Host.Kernel.Sharing;

/// <summary>
/// The eight categories of information never shared outside ICE (the 2009 information-sharing memo, "Non-shared OI Data").
/// A report coded with any of them never leaves the agency, whatever an MOU covers.
/// </summary>
public enum NeverSharedCategory
{
    [Description("Reports resulting from Title III wire intercepts.")]
    TitleIiiIntercept,

    [Description("Reports of certified undercover operations.")]
    CertifiedUndercoverOperation,

    [Description("Reports citing information obtained under the Bank Secrecy Act.")]
    BankSecrecyAct,

    [Description("Reports citing confidential informants or sources of information.")]
    ConfidentialSource,

    [Description("Grand jury material (Federal Rule of Criminal Procedure 6(e)).")]
    GrandJuryMaterial,

    [Description("Reports including information covered by the third agency rule.")]
    ThirdAgencyRule,

    [Description("Reports citing information obtained under the Trade Secrets Act.")]
    TradeSecretsAct,

    [Description("Reports relating to asylum claims.")]
    AsylumClaim,
}

/// <summary>One never-shared code a report carries now (table <c>ReportSharingCodes</c>, key report + code).</summary>
public sealed class ReportSharingCode
{
    public Guid ReportId { get; set; }
    public NeverSharedCategory Code { get; set; }
}

/// <summary>
/// One coding of a report, kept for good (table <c>ReportSharingCodings</c>): which codes it set, who set them, when and why.
/// Revision 1 is the first coding; each later one supersedes the one before.
/// </summary>
public sealed class ReportSharingCoding
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public int Revision { get; set; }

    /// <summary>The codes set, comma-separated stored names, in enum order (empty: none).</summary>
    public string Codes { get; set; } = "";

    public required string CodedBy { get; set; }
    public DateTimeOffset CodedAt { get; set; }
    public required string Reason { get; set; }

    public IReadOnlyList<NeverSharedCategory> CodeList =>
        [.. Codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<NeverSharedCategory>)];

    public const int MaxReasonLength = 2_000;
}

public static class SharingModel
{
    /// <summary>The external-sharing date floor of the memo: only records created on or after 1 January 2000 are shared.</summary>
    public static readonly DateTimeOffset SharedFrom = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ModelBuilder ApplySharing(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReportSharingCode>(e =>
        {
            e.ToTable("ReportSharingCodes");
            e.HasKey(c => new { c.ReportId, c.Code });
            e.Property(c => c.Code).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(c => c.Code);
        });
        modelBuilder.Entity<ReportSharingCoding>(e =>
        {
            e.ToTable("ReportSharingCodings");
            e.Property(c => c.Codes).HasMaxLength(400);
            e.Property(c => c.CodedBy).HasMaxLength(DirectoryRules.UserNameMaxLength);
            e.Property(c => c.Reason).HasMaxLength(ReportSharingCoding.MaxReasonLength);
            e.Ignore(c => c.CodeList);
            e.HasIndex(c => new { c.ReportId, c.Revision }).IsUnique();
        });
        return modelBuilder;
    }
}
