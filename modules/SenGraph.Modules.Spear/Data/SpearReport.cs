using System.ComponentModel;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.Spear.Data;

[Description("What a SPEAR proposes (PIA Overview): an enforcement action, or a non-enforcement activity involving field staff.")]
public enum SpearActivityKind
{
    [Description("A planned search.")]
    Search,

    [Description("A planned arrest.")]
    Arrest,

    [Description("A planned seizure.")]
    Seizure,

    [Description("A meeting involving field staff (non-enforcement).")]
    Meeting,

    [Description("A training involving field staff (non-enforcement).")]
    Training,

    [Description("A conference involving field staff (non-enforcement).")]
    Conference,
}

/// <summary>
/// A Significant Prospective Enforcement Activity Report (PIA Overview, 1.1): a planned search, arrest or seizure, or a
/// non-enforcement meeting, training or conference, with its suspects (the envelope's people), program case information
/// and contacts. Every SPEAR is reviewed by a supervisor before submission and goes to the field office (the SAC line and
/// the area's FOD) and the IROC. One proposed activity per report: the PIA speaks of "a description of the proposed
/// enforcement activity" (1.1) and of SPEARs reporting "anticipated enforcement actions" one report at a time (Overview),
/// never of several activities in one SPEAR, so the activity's fields stay on the report rather than in a kit Collection.
/// Never cited in IROC summaries (<c>NotSummarised</c>).
/// <para>
/// Operationally sensitive (PIA 2.1: "most of these operations are sensitive and inadvertent leakage of information may
/// compromise the effectiveness of the operations or the safety of ICE personnel"), so only roles with an operational need
/// read it (PIA 8.1, "without exposing data to those without a need to know"): the field (agents, supervisors, office
/// managers, in their scope), the IROC (which "reviews SPEARs which keep them informed of prospective events") and
/// headquarters agents (SPEARs inform "field and headquarters managers"). HSI intelligence and OPR do not: neither plans
/// nor oversees an operation before it happens, and OPR investigates what has happened.
/// </para>
/// </summary>
public sealed class SpearReport : Report, IDeclaredReport<SpearReport>
{
    /// <summary>The roles with an operational need to read SPEARs at all.</summary>
    public static readonly string[] OperationalReaders =
    [
        DirectoryRoles.Agent, DirectoryRoles.Supervisor, DirectoryRoles.OfficeManager, DirectoryRoles.IrocStaff, DirectoryRoles.HeadquartersAgent,
    ];

    public SpearActivityKind ActivityKind { get; set; }
    public DateTimeOffset PlannedAt { get; set; }
    public string? ActivityLocation { get; set; }
    public string? ActivityDescription { get; set; }
    public string? Program { get; set; }
    public string? ProgramCaseNumber { get; set; }

    public bool Enforcement => ActivityKind is SpearActivityKind.Search or SpearActivityKind.Arrest or SpearActivityKind.Seizure;

    public static void Declare(ReportTypeDefinition<SpearReport> type)
    {
        type.Named("SPEAR", "Spear", "Significant Prospective Enforcement Activity Report",
                "A Significant Prospective Enforcement Activity Report: a planned search, arrest or seizure, or a meeting, training or conference "
                + "involving field staff. Operationally sensitive: read only by roles with an operational need, never summarised or counted finer than the area.")
            // PIA 3.2: 75 years after the fiscal year of the incident. A SPEAR's incident is the activity it plans: its eventAt is
            // empty until something happens, so the planned start (required) triggers the schedule.
            .Retention(r => r.PlannedAt, destroyAfterYears: 75, transferAfterYears: 25)
            .Routed(ReportRoutes.SpecialAgentInCharge | ReportRoutes.FieldOfficeDirector | ReportRoutes.Iroc, reviewMandatory: true)
            .SubmittedReadBy(SubmittedReaders.OnlyRoles(DirectoryRoles.IrocStaff, DirectoryRoles.HeadquartersAgent))
            .NotSummarised()
            .Paged(100)
            // Counted by its operational readers and Statistics Analysts (not Public Affairs: prospective operations), by area only.
            .CountedBy(DirectoryRoles.StatisticsAnalyst)
            .CountedByAreaOnly()
            .Policies(
                authors: [DirectoryRoles.Agent, DirectoryRoles.Supervisor],
                reviewers: [DirectoryRoles.Supervisor],
                readers: OperationalReaders);
        type.Field(r => r.ActivityKind, "What is planned.").Required("Say what kind of activity is planned.").Indexed();
        type.Field(r => r.PlannedAt, "When the activity is planned to start.").Required("The planned date and time are required.").Indexed();
        type.Field(r => r.ActivityLocation, "Where the activity will take place; for a search or an arrest often a person's address.")
            .MaxLength(300, "The activity location").Pii();
        type.Field(r => r.ActivityDescription, "Description of the proposed activity.").MaxLength(20_000, "The activity description")
            .NotFilterable().NotSortable().InputDescription("Description of the proposed activity, at most 20,000 characters.");
        type.Field(r => r.Program, "The ICE program the activity belongs to (program case information).").MaxLength(100);
        type.Field(r => r.ProgramCaseNumber, "The program's case number (program case information).").MaxLength(64, "The program case number").Indexed();
        type.Computed(r => r.Enforcement, "Whether the activity is an enforcement action (search, arrest, seizure) rather than a meeting, training or conference.");
        type.Rule(r => r.Enforcement && r.ActivityLocation is null
            ? UserError.ForField("REQUIRED", "Say where a planned search, arrest or seizure will take place.", "activityLocation")
            : null);
    }
}
