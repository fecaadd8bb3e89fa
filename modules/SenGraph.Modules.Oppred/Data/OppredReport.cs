using System.ComponentModel;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.Oppred.Data;

[Description("What kind of significant incident an OPPRED reports (the SIR's categories).")]
public enum OppredCategory
{
    SignificantArrest,
    AssaultOnEmployee,
    FirearmDischargeInvolvingEmployee,
    SignificantSeizure,
    Other,
}

[Description("The sexually-based crime against a victim under 18 that makes an incident an Operation Predator case (PIA Overview).")]
public enum OppredQualifyingOffence
{
    [Description("Sexual abuse or assault of a minor.")]
    SexualAbuseOfMinor,

    [Description("Producing, distributing, receiving or possessing child sexual abuse material.")]
    ChildSexualAbuseMaterial,

    [Description("Enticing or coercing a minor into sexual activity, online or in person.")]
    EnticementOfMinor,

    [Description("Sex trafficking of a minor.")]
    SexTraffickingOfMinor,

    [Description("Travel to engage in illicit sexual conduct with a minor (child sex tourism).")]
    ChildSexTourism,

    [Description("Another sexually-based crime against a minor; describe it in the notes.")]
    OtherSexualOffenceAgainstMinor,
}

/// <summary>
/// An Operation Predator Significant Incident Arrest Report (PIA Overview, 1.1): everything a SIR holds, used only when a
/// subject committed a sexually-based crime against a victim under 18, plus that offence. Routed and reviewed like a SIR
/// (review optional for the type; an office can make it mandatory).
/// </summary>
public sealed class OppredReport : Report, IDeclaredReport<OppredReport>
{
    public OppredCategory Category { get; set; }
    public OppredQualifyingOffence QualifyingOffence { get; set; }
    public string? SeizedProperty { get; set; }
    public string? Injuries { get; set; }
    public string? Hospital { get; set; }
    public string? Notes { get; set; }

    public double? ReportedWithinHours =>
        SubmittedAt is { } submitted && EventAt is { } happened ? Math.Round((submitted - happened).TotalHours, 1) : null;

    public static void Declare(ReportTypeDefinition<OppredReport> type)
    {
        type.Named("OPPRED", "Oppred", "Operation Predator Significant Incident Arrest Report",
                "An Operation PREDATOR Significant Incident Arrest Report: a SIR used only when a subject committed a sexually-based crime "
                + "against a victim under 18, with the subjects' criminal history and limited victim information (never a victim's name).")
            .Routed(ReportRoutes.FieldOfficesAndIroc)
            .Paged(100)
            .Policies(
                authors: [DirectoryRoles.Agent, DirectoryRoles.Supervisor],
                reviewers: [DirectoryRoles.Supervisor],
                readers: [DirectoryRoles.Agent, DirectoryRoles.Supervisor, DirectoryRoles.OfficeManager, DirectoryRoles.IrocStaff,
                    DirectoryRoles.HeadquartersAgent, DirectoryRoles.HsiIntelligence, DirectoryRoles.ProfessionalResponsibility]);
        type.Field(r => r.Category, "What kind of incident it was.").Required("A category is required.").Indexed();
        type.Field(r => r.QualifyingOffence, "The sexually-based crime against a victim under 18 the subject committed, which makes this an OPPRED.")
            .Required("State the qualifying offence: an OPPRED is only for a sexually-based crime against a victim under 18.").Indexed();
        type.Field(r => r.SeizedProperty, "Description of seized property.").MaxLength(4_000, "The seized property description");
        type.Field(r => r.Injuries, "Description of injuries sustained.").MaxLength(4_000, "The injuries description").Pii();
        type.Field(r => r.Hospital, "The hospital an injured person was taken to.").MaxLength(200).Pii()
            .InputDescription("The hospital an injured person was taken to, at most 200 characters; needs injuries.");
        type.Field(r => r.Notes, "The author's notes.").MaxLength(20_000).NotFilterable().NotSortable()
            .InputDescription("Notes, at most 20,000 characters.");
        type.Computed(r => r.ReportedWithinHours, "Hours from the event to the submission, to one decimal; null before submission or when the event time is unknown.");
        type.Rule(r => r.Hospital is not null && r.Injuries is null
            ? UserError.ForField("REQUIRED", "Describe the injuries when naming the hospital an injured person was taken to.", "injuries")
            : null);
        type.Rule(r => r.QualifyingOffence == OppredQualifyingOffence.OtherSexualOffenceAgainstMinor && r.Notes is null
            ? UserError.ForField("REQUIRED", "Describe the offence in the notes when the qualifying offence is OTHER_SEXUAL_OFFENCE_AGAINST_MINOR.", "notes")
            : null);
    }
}
