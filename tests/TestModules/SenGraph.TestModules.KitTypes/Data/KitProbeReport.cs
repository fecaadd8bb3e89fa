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

[Description("How old a victim is, roughly.")]
public enum KitProbeAgeGroup
{
    Child,
    Adult,
    Unknown,
}

/// <summary>A victim of a KitProbe report, described without a name (as OPPRED's victims).</summary>
public sealed class KitProbeVictim : ReportItem
{
    public KitProbeAgeGroup AgeGroup { get; set; }
    public bool TraffickingVictim { get; set; }
    public string? Relationship { get; set; }
}

/// <summary>Fields a KitProbe report records per person named on it (as the seeds' criminal-history fields).</summary>
public sealed class KitProbePersonHistory : ReportPersonItem
{
    public string? MothersMaidenName { get; set; }
    public DateOnly? EntryDate { get; set; }
    public bool Fugitive { get; set; }
    public int? PriorArrests { get; set; }
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
    public string? Disposition { get; set; }
    public DateOnly? RespondedOn { get; set; }
    public List<KitProbeVictim> Victims { get; set; } = [];
    public List<KitProbePersonHistory> PersonHistory { get; set; } = [];

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
                    DirectoryRoles.HeadquartersAgent, DirectoryRoles.PublicAffairsOfficer]);
        type.Field(r => r.Outcome, "How the event ended.").Required().Indexed();
        type.Field(r => r.FollowUp, "What follow-up is needed, and by whom.").MaxLength(2_000).Pii();
        type.Field(r => r.FollowUpRequired, "Whether someone has to act on the report.");
        type.Field(r => r.Disposition, "What was done with the report, and by whom.").MaxLength(500);
        type.Field(r => r.RespondedOn, "When the response to the report was completed.");
        // Like a LEARA (PIA 3.2): counted from a date the type declares.
#if V1_1
        // Version 1.1.0 changes the schedule: an upgrade recomputes the stored dates of every KPROBE report.
        type.Retention(r => r.RespondedOn, destroyAfterYears: 7, transferAfterYears: 3);
#else
        type.Retention(r => r.RespondedOn, destroyAfterYears: 5, transferAfterYears: null);
#endif
        // Like a LEARA's disposition: updated by whoever acts on the report, not only its author.
        type.DesignatedUpdate("Disposition", "Records what was done with a kit probe report.",
            new DesignatedUpdaters { ActionOfficer = true, NamedRecipients = true, ContactKinds = ["RequestingParty"], Roles = [DirectoryRoles.IrocStaff] },
            r => r.Disposition);
        type.Collection(r => r.Victims, "Victims, described without a name.", c =>
        {
            c.Field(v => v.AgeGroup, "How old the victim is, roughly.").Required();
            c.Field(v => v.TraffickingVictim, "Whether the victim was trafficked.");
            c.Field(v => v.Relationship, "The victim's relationship to the suspect.").MaxLength(100);
        }).AtMost(5);
        type.PersonDetails(r => r.PersonHistory, "History of people named on the report.", c =>
        {
            c.Field(h => h.MothersMaidenName, "The person's mother's maiden name.").MaxLength(100).Pii();
            c.Field(h => h.EntryDate, "When the person entered the United States.");
            c.Field(h => h.Fugitive, "Whether the person is a fugitive.");
            c.Field(h => h.PriorArrests, "How many times the person was arrested before.");
        });
        type.Rule(r => r.FollowUpRequired && r.FollowUp is null
            ? UserError.ForField("REQUIRED", "Describe the follow-up when one is required.", "followUp")
            : null);
    }
}
