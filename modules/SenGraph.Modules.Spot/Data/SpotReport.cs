using System.ComponentModel;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.Spot.Data;

[Description("What a SPOT report conveys (PIA Overview: imminent threats or critical incidents).")]
public enum SpotNature
{
    [Description("A threat that may materialise soon.")]
    ImminentThreat,

    [Description("A critical incident under way or just happened.")]
    CriticalIncident,
}

/// <summary>
/// A SPOT report (PIA Overview, 1.1, 1.2): rapidly conveys an imminent threat or a critical incident from the field to
/// headquarters. Its subject and summary may name a suspect (PII); the reporting officer, supervisor and government points
/// of contact are the envelope's contacts; the ICE office that authorised it is a field. Routed to every headquarters office
/// on submission (and live to subscribers), readable by every SEN user who may read reports at all.
/// </summary>
public sealed class SpotReport : Report, IDeclaredReport<SpotReport>
{
    public SpotNature Nature { get; set; }
    public string? Subject { get; set; }
    public string? Summary { get; set; }
    public string? AuthorizingOffice { get; set; }

    public static void Declare(ReportTypeDefinition<SpotReport> type)
    {
        type.Named("SPOT", "Spot", "SPOT report",
                "A SPOT report: information on an imminent threat or a critical incident, conveyed rapidly from the field to headquarters; "
                + "read by every SEN user who may read reports.")
            .Routed(ReportRoutes.Headquarters)
            .SubmittedReadBy(SubmittedReaders.Everyone)
            .Paged(100)
            // PIA 3.2 gives SPOT reports no retention schedule: kept until NARA approves one (shown as unscheduled on modules { reportTypes { retention } }).
            .Unscheduled()
            .SharedExternally()   // 2009 memo: uncoded reports may go to MOU partners
            .Policies(
                authors: [DirectoryRoles.Agent, DirectoryRoles.Supervisor],
                reviewers: [DirectoryRoles.Supervisor],
                readers: [DirectoryRoles.Agent, DirectoryRoles.Supervisor, DirectoryRoles.OfficeManager, DirectoryRoles.IrocStaff,
                    DirectoryRoles.HeadquartersAgent, DirectoryRoles.HsiIntelligence, DirectoryRoles.ProfessionalResponsibility]);
        type.Field(r => r.Nature, "Whether it is an imminent threat or a critical incident.").Required("Say whether it is an imminent threat or a critical incident.").Indexed();
        type.Field(r => r.Subject, "The subject; may name a suspect or other identifying information.").Required("A subject is required.")
            .MaxLength(500, "The subject").Pii();
        type.Field(r => r.Summary, "The summary; may name a suspect or other identifying information.").Required("A summary is required.")
            .MaxLength(20_000, "The summary").Pii();
        type.Field(r => r.AuthorizingOffice, "The code of the ICE office that authorised the report, e.g. SAC-NYC.")
            .Required("Name the ICE office that authorised the report.").MaxLength(32, "The authorising office").Indexed();
        type.Rule(r => r.AuthorizingOffice is { } office && !DirectoryRules.IsOfficeCode(office)
            ? UserError.ForField("INVALID_OFFICE_CODE", "The authorising office must be an ICE office code in upper case, such as SAC-NYC.", "authorizingOffice")
            : null);
    }
}
