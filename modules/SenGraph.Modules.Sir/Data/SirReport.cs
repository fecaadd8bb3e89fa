using System.ComponentModel;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.Sir.Data;

[Description("What kind of significant incident a SIR reports.")]
public enum SirCategory
{
    SignificantArrest,
    AssaultOnEmployee,
    FirearmDischargeInvolvingEmployee,
    SignificantSeizure,
    Other,
}

/// <summary>
/// A Significant Incident Report: the shared envelope (table <c>Reports</c>) plus the SIR's own fields
/// (table <c>SirDetails</c>). Review is optional for the type (an office can make it mandatory); on submission
/// a SIR goes to the submitter's SAC or RAC, the area's FOD and FIG, and the IROC.
/// </summary>
public sealed class SirReport : Report, IDeclaredReport<SirReport>
{
    /// <summary>The deadline policy sets for reporting a significant arrest.</summary>
    public static readonly TimeSpan SignificantArrestDeadline = TimeSpan.FromHours(24);

    public SirCategory Category { get; set; }
    public string? SeizedProperty { get; set; }
    public string? Injuries { get; set; }
    public string? Hospital { get; set; }
    public string? Notes { get; set; }

    public double? ReportedWithinHours =>
        SubmittedAt is { } submitted && EventAt is { } happened ? Math.Round((submitted - happened).TotalHours, 1) : null;

    public bool? WithinPolicyDeadline =>
        Category == SirCategory.SignificantArrest && SubmittedAt is { } submitted && EventAt is { } happened
            ? submitted - happened <= SignificantArrestDeadline
            : null;

    public static void Declare(ReportTypeDefinition<SirReport> type)
    {
        type.Named("SIR", "Sir", "Significant Incident Report",
                "A Significant Incident Report: an event that already happened and involved or affected field staff "
                + "(significant arrests, assaults on employees, firearm discharges involving employees, significant seizures).")
            .Routed(ReportRoutes.FieldOfficesAndIroc)
            .Retention(RetentionTrigger.IncidentDate, destroyAfterYears: 75, transferAfterYears: 25)   // PIA 3.2
            .Paged(100)
            .CountedByCategory(r => r.Category)
            .SharedExternally()   // 2009 memo: uncoded reports may go to MOU partners
            .Policies(
                authors: [DirectoryRoles.Agent, DirectoryRoles.Supervisor],
                reviewers: [DirectoryRoles.Supervisor],
                // Statistics analysts and public affairs get aggregates only.
                readers: [DirectoryRoles.Agent, DirectoryRoles.Supervisor, DirectoryRoles.OfficeManager, DirectoryRoles.IrocStaff,
                    DirectoryRoles.HeadquartersAgent, DirectoryRoles.HsiIntelligence, DirectoryRoles.ProfessionalResponsibility]);
        type.Field(r => r.Category, "What kind of incident it was.").Required("A category is required.").Indexed();
        type.Field(r => r.SeizedProperty, "Description of seized property.").MaxLength(4_000, "The seized property description");
        type.Field(r => r.Injuries, "Description of injuries sustained.").MaxLength(4_000, "The injuries description").Pii();
        type.Field(r => r.Hospital, "The hospital an injured person was taken to.").MaxLength(200).Pii()
            .InputDescription("The hospital an injured person was taken to, at most 200 characters; needs injuries.");
        type.Field(r => r.Notes, "The author's notes.").MaxLength(20_000).NotFilterable().NotSortable()
            .InputDescription("Notes, at most 20,000 characters.");
        type.Computed(r => r.ReportedWithinHours, "Hours from the event to the submission, to one decimal (policy wants a significant arrest "
            + "reported within 24); null before submission or when the event time is unknown.");
        type.Computed(r => r.WithinPolicyDeadline,
            "For a significant arrest: whether it was submitted within 24 hours of the arrest. Null for other categories and before submission.");
        type.Rule(r => r.Hospital is not null && r.Injuries is null
            ? UserError.ForField("REQUIRED", "Describe the injuries when naming the hospital an injured person was taken to.", "injuries")
            : null);
    }
}
