using System.ComponentModel;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.Sample.Data;

[Description("How the Sample report's event ended.")]
public enum SampleOutcome
{
    Resolved,
    Ongoing,
    Referred,
}

/// <summary>
/// A Sample report: the shared envelope (title, event time and place, people, contacts, narratives, ...)
/// plus the fields declared below, stored in its own details table. Change the fields, then regenerate
/// the migrations (modules/README.md).
/// </summary>
public sealed class SampleReport : Report, IDeclaredReport<SampleReport>
{
    public SampleOutcome Outcome { get; set; }
    public string? FollowUp { get; set; }
    public bool FollowUpRequired { get; set; }

    public static void Declare(ReportTypeDefinition<SampleReport> type)
    {
        // Code (2-16 upper-case letters or digits): in numbers (SAMPLE-FY2027-000001) and, in lower case, the policies (.author, .reviewer, .reader).
        type.Named("SAMPLE", "Sample", "Sample report", "A Sample report: an event reported on the shared workflow.")
            .Routed(ReportRoutes.Iroc)
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
