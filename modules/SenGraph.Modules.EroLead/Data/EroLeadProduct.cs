using Microsoft.EntityFrameworkCore;

namespace SenGraph.Modules.EroLead.Data;

/// <summary>
/// A dissemination product (PIA 2.1, 2.4, 4.3): an ERO LEAD as an outside agency may read it, derived when the
/// Intelligence Operations Unit authorises it and kept as it was then. It holds only what carries no PII: the
/// kind and source of the intelligence, the lead's city and state, and a text the analyst redacted, or
/// <see cref="EroLeadProducts.WithheldText"/>. Names, dates of birth, identifiers, addresses, the title and the
/// narratives of the lead never reach it.
/// </summary>
public sealed class EroLeadProduct
{
    public Guid Id { get; set; }

    /// <summary>The lead it was derived from (never shown to the recipient).</summary>
    public Guid ReportId { get; set; }

    /// <summary>The code of the partner agency's office it is addressed to (an office of kind PARTNER).</summary>
    public required string Agency { get; set; }

    public required string AuthorisedBy { get; set; }
    public DateTimeOffset AuthorisedAt { get; set; }

    /// <summary>A title made of the lead's kind and place, never the lead's own title (which may name a suspect).</summary>
    public required string Title { get; set; }

    public EroLeadSubject Subject { get; set; }
    public EroLeadSource Source { get; set; }
    public string? LeadCity { get; set; }
    public string? LeadState { get; set; }

    /// <summary>The analyst's redacted text, or <see cref="EroLeadProducts.WithheldText"/>.</summary>
    public required string Text { get; set; }

    /// <summary>Whether an IOU analyst supplied <see cref="Text"/>.</summary>
    public bool TextByAnalyst { get; set; }
}

/// <summary>The Intelligence Operations Unit's flag of a lead for HSI: routes the lead to every HSI Field Intelligence Group, once.</summary>
public sealed class EroLeadHsiFlag
{
    public Guid ReportId { get; set; }
    public required string FlaggedBy { get; set; }
    public DateTimeOffset FlaggedAt { get; set; }
    public required string Reason { get; set; }
}

/// <summary>Deriving products from leads, and the module's tables.</summary>
public static class EroLeadProducts
{
    public const int TextMaxLength = 20_000;

    /// <summary>What a product says in place of the lead's free text when no analyst supplied a redacted one.</summary>
    public const string WithheldText = "[Narrative withheld: it may contain personal information. Ask the ERO Intelligence Operations Unit.]";

    /// <summary>
    /// The product of <paramref name="lead"/> for <paramref name="agency"/>: built field by field from what carries no
    /// PII (an allow-list), so a field added to the lead later never reaches a product unless it is added here.
    /// </summary>
    public static EroLeadProduct Derive(EroLeadReport lead, string agency, string authorisedBy, DateTimeOffset now, string? analystText) => new()
    {
        Id = Guid.NewGuid(),
        ReportId = lead.Id,
        Agency = agency,
        AuthorisedBy = authorisedBy,
        AuthorisedAt = now,
        Title = $"{Words(lead.Subject.ToString())} lead, {lead.Source switch { EroLeadSource.Other => "other source", var s => Words(s.ToString()) }}"
            + (lead.EventState is { } state ? $", {lead.EventCity ?? "city not given"}, {state}" : ""),
        Subject = lead.Subject,
        Source = lead.Source,
        LeadCity = lead.EventCity,
        LeadState = lead.EventState,
        Text = analystText ?? WithheldText,
        TextByAnalyst = analystText is not null,
    };

    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>The module's own tables, beside the kit's details table.</summary>
    public static void Configure(ModelBuilder model)
    {
        var product = model.Entity<EroLeadProduct>();
        product.ToTable("EroLeadProducts");
        product.HasKey(p => p.Id);
        product.Property(p => p.Agency).HasMaxLength(32);
        product.Property(p => p.AuthorisedBy).HasMaxLength(64);
        product.Property(p => p.Title).HasMaxLength(300);
        product.Property(p => p.Subject).HasConversion<string>().HasMaxLength(64);
        product.Property(p => p.Source).HasConversion<string>().HasMaxLength(64);
        product.Property(p => p.LeadCity).HasMaxLength(100);
        product.Property(p => p.LeadState).HasMaxLength(2);
        product.Property(p => p.Text).HasMaxLength(TextMaxLength);
        product.HasOne<EroLeadReport>().WithMany().HasForeignKey(p => p.ReportId);
        product.HasIndex(p => new { p.Agency, p.AuthorisedAt });
        product.HasIndex(p => p.ReportId);

        var flag = model.Entity<EroLeadHsiFlag>();
        flag.ToTable("EroLeadHsiFlags");
        flag.HasKey(f => f.ReportId);
        flag.Property(f => f.FlaggedBy).HasMaxLength(64);
        flag.Property(f => f.Reason).HasMaxLength(2_000);
        flag.HasOne<EroLeadReport>().WithOne().HasForeignKey<EroLeadHsiFlag>(f => f.ReportId);
    }
}
