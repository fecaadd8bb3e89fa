using System.ComponentModel;
using System.Text.RegularExpressions;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.Leara.Data;

[Description("The level of government of the agency that asked ICE for assistance.")]
public enum LearaAgencyLevel
{
    State,
    County,
    Municipal,
    Tribal,
    OtherFederal,
}

[Description("The ICE program asked for assistance: OI or DRO (the memo's), or their successors HSI and ERO.")]
public enum LearaProgram
{
    Oi,
    Dro,
    Hsi,
    Ero,
}

[Description("How ICE answered a request for assistance.")]
public enum LearaOutcome
{
    /// <summary>ICE personnel assisted (responded, took custody, lodged a detainer, ran checks, ...).</summary>
    AssistanceProvided,

    /// <summary>Passed to another program, office or agency better placed to help.</summary>
    Referred,

    /// <summary>ICE could not or would not assist.</summary>
    Declined,

    /// <summary>The request needed no response (information only, withdrawn, resolved before ICE acted).</summary>
    NoResponseNeeded,
}

/// <summary>
/// A Law Enforcement Agency Request for Assistance (memo of 9 November 2007, effective 31 October 2007; PIA 1.1): one
/// for every call for assistance from a state, county, municipal, tribal or other federal agency or officer. The
/// requesting party, who received it, who it was forwarded to and the duty officer are the report's contacts; the
/// request and the disposition are narratives that may name a subject or victim. A LEARA is "response completed" when
/// its completion date is set.
/// </summary>
public sealed partial class LearaReport : Report, IDeclaredReport<LearaReport>
{
    /// <summary>The contact kind of the ICE officer a request was forwarded to (declared by the module).</summary>
    public const string ForwardedTo = "ForwardedTo";

    /// <summary>The contact kind of the duty officer for a request (declared by the module).</summary>
    public const string DutyOfficer = "DutyOfficer";

    public string RequestingAgency { get; set; } = "";
    public LearaAgencyLevel AgencyLevel { get; set; }
    public string? AgencyState { get; set; }
    public string? AgencyOri { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public LearaProgram Program { get; set; }
    public string Request { get; set; } = "";
    public LearaOutcome? Outcome { get; set; }
    public string? Disposition { get; set; }
    public DateOnly? ResponseCompletedOn { get; set; }

    public bool ResponseCompleted => ResponseCompletedOn is not null;

    public int? DaysToResponse => ResponseCompletedOn is { } done
        ? done.DayNumber - ReceivedOn.DayNumber
        : null;

    /// <summary>Agency levels that are in a state, so the state is required.</summary>
    private static bool InAState(LearaAgencyLevel level) => level is LearaAgencyLevel.State or LearaAgencyLevel.County or LearaAgencyLevel.Municipal;

    public static void Declare(ReportTypeDefinition<LearaReport> type)
    {
        type.Named("LEARA", "Leara", "Law Enforcement Agency Request for Assistance",
                "A Law Enforcement Agency Request for Assistance: a call for ICE assistance from a state, county, municipal, tribal or "
                + "other federal agency or officer, and its disposition.")
            .Retention(r => r.ResponseCompletedOn, destroyAfterYears: 15, transferAfterYears: 10)   // PIA 3.2: no dates until the response is completed
            .Routed(ReportRoutes.SpecialAgentInCharge | ReportRoutes.FieldOfficeDirector)
            .CountedByCategory(r => r.AgencyLevel)
            .Policies(
                // "Field and headquarters agents and officers": the Agent role in any office, field or headquarters.
                authors: [DirectoryRoles.Agent, DirectoryRoles.Supervisor],
                reviewers: [DirectoryRoles.Supervisor],
                readers: [DirectoryRoles.Agent, DirectoryRoles.Supervisor, DirectoryRoles.OfficeManager, DirectoryRoles.IrocStaff,
                    DirectoryRoles.HeadquartersAgent, DirectoryRoles.ProfessionalResponsibility]);
        type.Field(r => r.RequestingAgency, "The name of the agency that asked for assistance.").Required("The requesting agency is required.")
            .MaxLength(200, "The requesting agency").Indexed();
        type.Field(r => r.AgencyLevel, "The requesting agency's level of government.").Required("The agency level is required.").Indexed();
        type.Field(r => r.AgencyState, "The requesting agency's state (USPS code, e.g. NY); required for state, county and municipal agencies.")
            .MaxLength(2, "The agency state").Indexed();
        type.Field(r => r.AgencyOri, "The requesting agency's ORI when known: its state's two-letter code, then seven letters or digits (e.g. NY0303000).")
            .MaxLength(9, "The ORI");
        type.Field(r => r.ReceivedOn, "The date ICE received the request.").Required("The date the request was received is required.").Indexed();
        type.Field(r => r.Program, "The ICE program asked for assistance.").Required("The program asked is required.").Indexed();
        type.Field(r => r.Request, "What was asked; may name a subject or victim.").Required("Describe the request.").MaxLength(20_000, "The request").Pii();
        type.Field(r => r.Outcome, "How ICE answered; null while the request is being acted on.").Indexed();
        type.Field(r => r.Disposition, "What was done about the request; may name a subject or victim.").MaxLength(20_000, "The disposition").Pii();
        type.Field(r => r.ResponseCompletedOn, "The date the response was completed; its fiscal year starts the LEARA's retention.").Indexed();
        // Memo and PIA 1.1: the disposition is recorded as the request is acted on, by the officer it was forwarded to or the
        // duty officer as well as the author (contacts of those kinds naming the user); each update is a revision with who, when and why.
        type.DesignatedUpdate("Disposition", "Records how a LEARA was answered (outcome, disposition, date the response was completed).",
                new DesignatedUpdaters { ContactKinds = [ForwardedTo, DutyOfficer] },
                r => r.Outcome, r => r.Disposition, r => r.ResponseCompletedOn)
            .CheckingRules();
        type.Computed(r => r.ResponseCompleted, "Whether the response is completed (its completion date is set).");
        type.Computed(r => r.DaysToResponse, "Days from the request to the completed response; null until completed.");

        type.Rule(r => r.AgencyState is { } state && !UsStates.IsCode(state)
            ? UserError.ForField("INVALID_STATE", $"'{state}' is not a US state or territory code (e.g. NY).", "agencyState")
            : null);
        type.Rule(r => r.AgencyState is null && InAState(r.AgencyLevel)
            ? UserError.ForField("REQUIRED", "The agency state is required for a state, county or municipal agency.", "agencyState")
            : null);
        type.Rule(r => r.AgencyOri is { } ori && !(OriShape().IsMatch(ori) && UsStates.IsCode(ori[..2]))
            ? UserError.ForField("INVALID_ORI", $"'{ori}' is not an ORI: a state's two-letter code, then seven letters or digits (e.g. NY0303000).", "agencyOri")
            : null);
        type.Rule(r => r.AgencyOri is { Length: 9 } ori && r.AgencyState is { } state && UsStates.IsCode(state) && OriShape().IsMatch(ori) && ori[..2] != state
            ? UserError.ForField("INVALID_ORI", $"The ORI '{ori}' is of {ori[..2]}, not of the agency's state {state}.", "agencyOri")
            : null);
        type.Rule(r => r.ResponseCompletedOn is not null && r.Outcome is null
            ? UserError.ForField("REQUIRED", "Give the outcome when the response is completed.", "outcome")
            : null);
        type.Rule(r => r.ResponseCompletedOn is { } done && r.ReceivedOn != default && done < r.ReceivedOn
            ? UserError.ForField("INVALID_DATE", "The response cannot be completed before the request was received.", "responseCompletedOn")
            : null);
    }

    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{7}$")]
    private static partial Regex OriShape();
}
