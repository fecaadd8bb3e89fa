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

[Description("A victim's age group (PIA 1.1: limited victim information). An OPPRED needs at least one victim under 18.")]
public enum OppredVictimAgeGroup
{
    [Description("Under 6.")]
    UnderSix,

    [Description("6 to 11.")]
    SixToEleven,

    [Description("12 to 15.")]
    TwelveToFifteen,

    [Description("16 or 17.")]
    SixteenToSeventeen,

    [Description("18 or older.")]
    EighteenOrOlder,

    [Description("Not known.")]
    Unknown,
}

[Description("A victim's sex as recorded.")]
public enum OppredVictimSex
{
    Male,
    Female,
    Unknown,
}

[Description("How the offender is related to a victim.")]
public enum OppredOffenderRelationship
{
    [Description("A parent, step-parent or guardian.")]
    ParentOrGuardian,

    [Description("Another relative.")]
    OtherRelative,

    [Description("A teacher, coach, caregiver or someone else in a position of trust.")]
    PositionOfTrust,

    [Description("An acquaintance.")]
    Acquaintance,

    [Description("Someone the victim met online.")]
    OnlineContact,

    [Description("A stranger.")]
    Stranger,

    [Description("Not known.")]
    Unknown,
}

/// <summary>A victim of an OPPRED, with the PIA's limited victim information and never a name (all of it PII).</summary>
public sealed class OppredVictim : ReportItem
{
    public OppredVictimAgeGroup AgeGroup { get; set; }
    public OppredVictimSex? Sex { get; set; }
    public bool SmugglingOrTraffickingVictim { get; set; }
    public OppredOffenderRelationship? RelationshipToOffender { get; set; }
    public string? CountryOfBirth { get; set; }
    public string? CountryOfCitizenship { get; set; }

    public bool UnderEighteen => AgeGroup is OppredVictimAgeGroup.UnderSix or OppredVictimAgeGroup.SixToEleven
        or OppredVictimAgeGroup.TwelveToFifteen or OppredVictimAgeGroup.SixteenToSeventeen;
}

/// <summary>The criminal history an OPPRED records for a person named on it (PIA 1.1), linked to the person by position (all of it PII).</summary>
public sealed class OppredCriminalHistory : ReportPersonItem
{
    public string? ArrestCity { get; set; }
    public string? ArrestState { get; set; }
    public bool RegisteredSexOffender { get; set; }
    public bool AmberAlertAssociated { get; set; }
    public bool ProtectActCase { get; set; }
    public bool AggravatedFelon { get; set; }
    public bool Fugitive { get; set; }
    public int? PriorArrests { get; set; }
    public int? PriorConvictions { get; set; }
    public string? PriorRecord { get; set; }
}

/// <summary>
/// An Operation Predator Significant Incident Arrest Report (PIA Overview, 1.1): everything a SIR holds, used only when a
/// subject committed a sexually-based crime against a victim under 18, plus that offence, the victims (limited information,
/// never a name: at least one under 18, else <see cref="NoVictimUnder18"/>) and each subject's criminal history. Routed and
/// reviewed like a SIR (review optional for the type; an office can make it mandatory).
/// </summary>
public sealed class OppredReport : Report, IDeclaredReport<OppredReport>
{
    public OppredCategory Category { get; set; }
    public OppredQualifyingOffence QualifyingOffence { get; set; }
    public string? SeizedProperty { get; set; }
    public string? Injuries { get; set; }
    public string? Hospital { get; set; }
    public string? Notes { get; set; }
    public List<OppredVictim> Victims { get; set; } = [];
    public List<OppredCriminalHistory> CriminalHistory { get; set; } = [];

    /// <summary>The error code of an OPPRED without a victim under 18: it does not qualify as an OPPRED.</summary>
    public const string NoVictimUnder18 = "NO_VICTIM_UNDER_18";

    public double? ReportedWithinHours =>
        SubmittedAt is { } submitted && EventAt is { } happened ? Math.Round((submitted - happened).TotalHours, 1) : null;

    public static void Declare(ReportTypeDefinition<OppredReport> type)
    {
        type.Named("OPPRED", "Oppred", "Operation Predator Significant Incident Arrest Report",
                "An Operation PREDATOR Significant Incident Arrest Report: a SIR used only when a subject committed a sexually-based crime "
                + "against a victim under 18, with the subjects' criminal history and limited victim information (never a victim's name).")
            .Retention(RetentionTrigger.IncidentDate, destroyAfterYears: 75, transferAfterYears: 25)   // PIA 3.2
            .Routed(ReportRoutes.FieldOfficesAndIroc)
            .Paged(100)
            .CountedByCategory(r => r.Category)
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
        type.Collection(r => r.Victims, "The victims, with the PIA's limited victim information and never a name (PII). At least one is under 18.", c =>
        {
            c.Field(v => v.AgeGroup, "The victim's age group.").Required("A victim's age group is required.").Pii();
            c.Field(v => v.Sex, "The victim's sex.").Pii();
            c.Field(v => v.SmugglingOrTraffickingVictim, "Whether the victim was a victim of smuggling or trafficking.").Pii();
            c.Field(v => v.RelationshipToOffender, "How the offender is related to the victim.").Pii();
            c.Field(v => v.CountryOfBirth, "ISO 3166-1 alpha-3 code of the victim's country of birth.").MaxLength(3).Pii();
            c.Field(v => v.CountryOfCitizenship, "ISO 3166-1 alpha-3 code of the victim's country of citizenship.").MaxLength(3).Pii();
        }).AtMost(50);
        type.PersonDetails(r => r.CriminalHistory, "The criminal history of people named on the report (PIA 1.1), one entry per person (PII).", c =>
        {
            c.Field(h => h.ArrestCity, "City of the arrest.").MaxLength(100).Pii();
            c.Field(h => h.ArrestState, "USPS code of the state of the arrest.").MaxLength(2).Pii();
            c.Field(h => h.RegisteredSexOffender, "Whether the person is a registered sex offender.").Pii();
            c.Field(h => h.AmberAlertAssociated, "Whether the person is associated with an Amber Alert.").Pii();
            c.Field(h => h.ProtectActCase, "Whether the case is relevant under the PROTECT Act.").Pii();
            c.Field(h => h.AggravatedFelon, "Whether the person is an aggravated felon.").Pii();
            c.Field(h => h.Fugitive, "Whether the person is a fugitive.").Pii();
            c.Field(h => h.PriorArrests, "How many times the person was arrested before.").Pii();
            c.Field(h => h.PriorConvictions, "How many times the person was convicted before.").Pii();
            c.Field(h => h.PriorRecord, "Prior arrests and convictions, described.").MaxLength(4_000, "The prior record").Pii();
        });
        type.Computed(r => r.ReportedWithinHours, "Hours from the event to the submission, to one decimal; null before submission or when the event time is unknown.");
        type.Rule(r => r.Hospital is not null && r.Injuries is null
            ? UserError.ForField("REQUIRED", "Describe the injuries when naming the hospital an injured person was taken to.", "injuries")
            : null);
        type.Rule(r => r.Victims.Any(v => v.UnderEighteen)
            ? null
            : UserError.ForField(NoVictimUnder18,
                "An OPPRED is only for a sexually-based crime against a victim under 18: list at least one victim under 18 in victims (else write a SIR).",
                "victims"));
        type.Rule(r => r.Victims.Select((v, i) => (v, i)).FirstOrDefault(x => x.v.CountryOfBirth is { } c && !Countries.IsAlpha3(c)) is ({ } bad, var at)
            ? UserError.ForField("INVALID_COUNTRY", $"'{bad.CountryOfBirth}' is not an ISO 3166-1 alpha-3 country code.", "victims", at.ToString(), "countryOfBirth")
            : null);
        type.Rule(r => r.Victims.Select((v, i) => (v, i)).FirstOrDefault(x => x.v.CountryOfCitizenship is { } c && !Countries.IsAlpha3(c)) is ({ } bad, var at)
            ? UserError.ForField("INVALID_COUNTRY", $"'{bad.CountryOfCitizenship}' is not an ISO 3166-1 alpha-3 country code.", "victims", at.ToString(), "countryOfCitizenship")
            : null);
        type.Rule(r => r.CriminalHistory.Select((h, i) => (h, i)).FirstOrDefault(x => x.h.ArrestState is { } s && !UsStates.IsCode(s)) is ({ } bad, var at)
            ? UserError.ForField("INVALID_STATE", $"'{bad.ArrestState}' is not a USPS state or territory code.", "criminalHistory", at.ToString(), "arrestState")
            : null);
        type.Rule(r => r.CriminalHistory.Select((h, i) => (h, i)).FirstOrDefault(x => x.h.PriorArrests < 0 || x.h.PriorConvictions < 0) is ({ } bad, var at)
            ? UserError.ForField("OUT_OF_RANGE", "Prior arrests and convictions cannot be negative.", "criminalHistory", at.ToString(), bad.PriorArrests < 0 ? "priorArrests" : "priorConvictions")
            : null);
        type.Rule(r => r.QualifyingOffence == OppredQualifyingOffence.OtherSexualOffenceAgainstMinor && r.Notes is null
            ? UserError.ForField("REQUIRED", "Describe the offence in the notes when the qualifying offence is OTHER_SEXUAL_OFFENCE_AGAINST_MINOR.", "notes")
            : null);
    }
}
