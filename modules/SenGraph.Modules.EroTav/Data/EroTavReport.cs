using System.ComponentModel;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.EroTav.Data;

[Description("The kind of law enforcement agency that asked to interview an ERO detainee.")]
public enum EroTavAgencyType
{
    Federal,
    State,
    Local,
    Tribal,
    Foreign,
    International,
}

/// <summary>
/// An ERO Third Agency Visit report (PIA 1.1): another agency's personnel asked to interview an ERO detainee. The
/// detainee is a person of the envelope (role <c>DETAINEE</c>: name, A-number, FIN); the requesting agency's
/// personnel are contacts of kind <c>REQUESTING_OFFICIAL</c>, the reporting ICE personnel <c>REPORTING_PERSONNEL</c>
/// and ERO's point of contact <c>ERO_POINT_OF_CONTACT</c>; the narrative is the envelope's. Routed to the field
/// office and the IROC, which checks that visits by non-ICE personnel are appropriate.
/// </summary>
public sealed class EroTavReport : Report, IDeclaredReport<EroTavReport>
{
    public string RequestingAgency { get; set; } = "";
    public EroTavAgencyType AgencyType { get; set; }
    public DateOnly VisitDate { get; set; }
    public string? Facility { get; set; }

    public static void Declare(ReportTypeDefinition<EroTavReport> type)
    {
        type.Named("EROTAV", "EroTav", "ERO Third Agency Visit report",
                "An ERO Third Agency Visit report: personnel of a federal, state, local, tribal, foreign or international law "
                + "enforcement agency interviewed an ERO detainee.", shortName: "ERO TAV")
            .Retention(RetentionTrigger.Creation, destroyAfterYears: 25, transferAfterYears: 10)   // PIA 3.2
            .Routed(ReportRoutes.FieldOfficeDirector | ReportRoutes.Iroc)
            .Policies(
                authors: [DirectoryRoles.Agent, DirectoryRoles.Supervisor],
                reviewers: [DirectoryRoles.Supervisor],
                readers: [DirectoryRoles.Agent, DirectoryRoles.Supervisor, DirectoryRoles.OfficeManager, DirectoryRoles.IrocStaff,
                    DirectoryRoles.HeadquartersAgent, DirectoryRoles.ProfessionalResponsibility]);
        type.Field(r => r.RequestingAgency, "The name of the agency whose personnel asked for the interview.")
            .Required("The requesting agency is required.").MaxLength(200, "The requesting agency").Indexed();
        type.Field(r => r.AgencyType, "The kind of agency that asked for the interview.").Required("The agency type is required.").Indexed();
        type.Field(r => r.VisitDate, "The date of the visit.").Required("The visit date is required.").Indexed();
        type.Field(r => r.Facility, "The detention facility where the interview took place.").MaxLength(200, "The facility");
        // A visit is reported after it took place: not before 1900, not later than tomorrow (UTC, for time zones ahead).
        type.Rule(r => r.VisitDate.Year < 1900 ? UserError.ForField("INVALID_DATE", "The visit date is before 1900.", "visitDate")
            : r.VisitDate > DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1) ? UserError.ForField("IN_FUTURE", "The visit date is in the future.", "visitDate")
            : null);
    }
}
