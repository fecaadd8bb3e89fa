using System.ComponentModel;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Modules.EroLead.Data;

[Description("The kind of intelligence an ERO LEAD carries.")]
public enum EroLeadSubject
{
    Narcotics,
    Weapons,
    Gangs,
    Fugitive,
    HumanSmuggling,
    Other,
}

[Description("The form the intelligence of an ERO LEAD came in.")]
public enum EroLeadSource
{
    StaffObservation,
    Surveillance,
    Interview,
    SeizedProperty,
    Informant,
    Other,
}

/// <summary>What an ERO LEAD records of a person it concerns beyond the envelope's fields (PIA 1.1): all personal data.</summary>
public sealed class EroLeadPersonDetails : ReportPersonItem
{
    public string? MothersMaidenName { get; set; }
    public string? CitizenshipStatus { get; set; }
    public DateOnly? EntryDate { get; set; }
    public string? ArrestCity { get; set; }
    public string? ArrestState { get; set; }
    public bool? RegisteredSexOffender { get; set; }
    public bool? AmberAlert { get; set; }
    public bool? ProtectAct { get; set; }
    public bool? AggravatedFelon { get; set; }
    public bool? Fugitive { get; set; }
    public string? PriorArrestsAndConvictions { get; set; }
}

/// <summary>
/// An ERO intelligence report (PIA 1.1, 2.1, 4.1): what ERO personnel gathered that may have law enforcement
/// intelligence value. The title may name a suspect; the city and state of the lead are the envelope's event city
/// and state; the person, business or organisation it concerns is a person of the envelope (role <c>SUBJECT</c>, or
/// <c>ORGANISATION</c> with the name in <c>lastName</c>); the reporting personnel and their supervisor are contacts;
/// the narrative is the envelope's. Routed to the field office (FOD) and to every office of ERO's Intelligence
/// Operations Unit (<see cref="EroLeadRoles.IntelligenceOperationsUnit"/>), which analyses every lead, may flag one
/// for HSI and authorises its dissemination as a PII-free product (<see cref="EroLeadProduct"/>).
/// </summary>
public sealed class EroLeadReport : Report, IDeclaredReport<EroLeadReport>
{
    public EroLeadSubject Subject { get; set; }
    public EroLeadSource Source { get; set; }
    public List<EroLeadPersonDetails> PersonDetails { get; set; } = [];

    public static void Declare(ReportTypeDefinition<EroLeadReport> type)
    {
        type.Named("EROLEAD", "EroLead", "ERO intelligence report",
                "An ERO intelligence report (ERO LEAD): information ERO personnel gathered that may have law enforcement intelligence value. "
                + "Analysed by ERO's Intelligence Operations Unit, which may flag it for HSI and disseminate it without PII.", shortName: "ERO LEAD")
            .Retention(RetentionTrigger.Creation, destroyAfterYears: 25, transferAfterYears: 10)   // PIA 3.2
            .SharedExternallyAsProduct()   // PIA 2.4, 5.1: partners receive only the PII-free products the IOU authorised for them
            .Routed(ReportRoutes.FieldOfficeDirector)
            .RoutedToOfficesOf(EroLeadRoles.IntelligenceOperationsUnit)
            // HSI intelligence reads a lead once the IOU flags it (it is then a recipient), not before.
            .SubmittedReadBy(SubmittedReaders.OnlyRoles(DirectoryRoles.IrocStaff, DirectoryRoles.HeadquartersAgent, DirectoryRoles.ProfessionalResponsibility))
            .Policies(
                authors: [DirectoryRoles.Agent, DirectoryRoles.Supervisor],
                reviewers: [DirectoryRoles.Supervisor],
                readers: [DirectoryRoles.Agent, DirectoryRoles.Supervisor, DirectoryRoles.OfficeManager, DirectoryRoles.IrocStaff,
                    DirectoryRoles.HeadquartersAgent, DirectoryRoles.HsiIntelligence, DirectoryRoles.ProfessionalResponsibility, EroLeadRoles.IouAnalyst]);
        type.Field(r => r.Subject, "What kind of intelligence the lead carries.").Required("The subject category is required.").Indexed();
        type.Field(r => r.Source, "What form the intelligence came in.").Required("The source is required.").Indexed();
        type.PersonDetails(r => r.PersonDetails, "What the lead records of the people it concerns beyond their names and identifiers: "
            + "criminal history, citizenship and entry (PIA 1.1).", c =>
        {
            c.Field(p => p.MothersMaidenName, "The person's mother's maiden name.").MaxLength(100).Pii();
            c.Field(p => p.CitizenshipStatus, "The person's citizenship status as reported.").MaxLength(100).Pii();
            c.Field(p => p.EntryDate, "When the person entered the United States.").Pii();
            c.Field(p => p.ArrestCity, "The city where the person was arrested.").MaxLength(100).Pii();
            c.Field(p => p.ArrestState, "The state where the person was arrested (USPS code).").MaxLength(2).Pii();
            c.Field(p => p.RegisteredSexOffender, "Whether the person is a registered sex offender.").Pii();
            c.Field(p => p.AmberAlert, "Whether the person is associated with an Amber Alert.").Pii();
            c.Field(p => p.ProtectAct, "Whether the person is relevant to a PROTECT Act case.").Pii();
            c.Field(p => p.AggravatedFelon, "Whether the person is an aggravated felon.").Pii();
            c.Field(p => p.Fugitive, "Whether the person is a fugitive.").Pii();
            c.Field(p => p.PriorArrestsAndConvictions, "The person's prior arrests and convictions.").MaxLength(4_000).Pii();
        });
    }
}

/// <summary>The module's office kind, roles and policies.</summary>
public static class EroLeadRoles
{
    /// <summary>The office kind of ERO's Intelligence Operations Unit: every office of it receives every ERO LEAD.</summary>
    public const string IntelligenceOperationsUnit = "IOU";

    /// <summary>The office kind of an outside agency's desk that receives dissemination products (CBP, U.S. Marshals, DHS I&amp;A, ...).</summary>
    public const string PartnerAgency = "PARTNER";

    /// <summary>An analyst of the Intelligence Operations Unit: analyses leads, flags them for HSI, authorises dissemination.</summary>
    public const string IouAnalyst = "IOU Analyst";

    /// <summary>Personnel of an outside agency: reads the dissemination products addressed to their agency's desk, nothing else.</summary>
    public const string PartnerLiaison = "Partner Agency Liaison";

    /// <summary>Flag leads for HSI and authorise dissemination.</summary>
    public const string AnalystPolicy = "erolead.iou";

    /// <summary>Read dissemination products.</summary>
    public const string ProductsPolicy = "erolead.products";
}
