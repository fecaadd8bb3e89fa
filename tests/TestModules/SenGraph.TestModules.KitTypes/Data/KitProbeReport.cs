using System.ComponentModel;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.TestModules.KitTypes.Data;

[Description("How the KitProbe report's event ended.")]
public enum KitProbeOutcome
{
    Resolved,
    Ongoing,
    Referred,
}

/// <summary>
/// A KitProbe report: the shared envelope (title, event time and place, people, contacts, narratives, ...)
/// plus the fields declared below, stored in its own details table. Change the fields, then regenerate
/// the migrations (modules/README.md).
/// </summary>
public sealed class KitProbeReport : Report, IDeclaredReport<KitProbeReport>
{
    public KitProbeOutcome Outcome { get; set; }
    public string? FollowUp { get; set; }
    public bool FollowUpRequired { get; set; }

    /// <summary>The office kind the module declares (ERO's Intelligence Operations Unit, as the ERO LEAD module will).</summary>
    public const string IntelligenceOperationsUnit = "IOU";

    public static void Declare(ReportTypeDefinition<KitProbeReport> type)
    {
        // Like a SPOT: read by every user who may read the type, routed to headquarters at once; and to the IOU, like an ERO LEAD.
        type.Named("KPROBE", "KitProbe", "Kit probe report", "A kit probe report: exercises the kit's extension points.")
            .Routed(ReportRoutes.Headquarters)
            .RoutedToOfficesOf(IntelligenceOperationsUnit)
            .SubmittedReadBy(SubmittedReaders.Everyone)
            .Policies(
                authors: [DirectoryRoles.Agent, DirectoryRoles.Supervisor],
                reviewers: [DirectoryRoles.Supervisor],
                readers: [DirectoryRoles.Agent, DirectoryRoles.Supervisor, DirectoryRoles.OfficeManager, DirectoryRoles.IrocStaff,
                    DirectoryRoles.HeadquartersAgent]);
        type.Field(r => r.Outcome, "How the event ended.").Required().Indexed();
        type.Field(r => r.FollowUp, "What follow-up is needed, and by whom.").MaxLength(2_000).Pii();
        type.Field(r => r.FollowUpRequired, "Whether someone has to act on the report.");
        type.Rule(r => r.FollowUpRequired && r.FollowUp is null
            ? UserError.ForField("REQUIRED", "Describe the follow-up when one is required.", "followUp")
            : null);
    }
}
