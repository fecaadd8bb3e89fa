using System.Text.Json.Serialization;

namespace SenGraph.Contracts.Reports;

/// <summary>Where a report stands in the shared lifecycle (see <see cref="ReportLifecycle"/>).</summary>
public enum ReportStatus
{
    /// <summary>Being written; editable by its author.</summary>
    Draft,

    /// <summary>Waiting for a supervisor's review.</summary>
    PendingReview,

    /// <summary>Sent back by the reviewer with a reason; editable by the author again.</summary>
    Returned,

    /// <summary>Approved by the reviewer; ready to be submitted.</summary>
    Approved,

    /// <summary>Submitted and routed; changes only through an amendment.</summary>
    Submitted,
}

/// <summary>
/// The parts a person plays in the reported event that every report type shares, by stored name (GraphQL:
/// CONSTANT_CASE, e.g. <c>SUSPECT</c>). Modules add their own (<see cref="Kit.ReportVocabularyServiceCollectionExtensions.AddPersonRole"/>).
/// </summary>
public static class PersonRole
{
    public const string Suspect = "Suspect";
    public const string Victim = "Victim";
    public const string Witness = "Witness";
    public const string Detainee = "Detainee";
    public const string Subject = "Subject";

    /// <summary>The host's roles, in the order the GraphQL enum lists them.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [Suspect, Victim, Witness, Detainee, Subject];
}

/// <summary>
/// Why a contact is named on a report, the kinds every report type shares, by stored name (GraphQL: CONSTANT_CASE,
/// e.g. <c>REPORTING_PERSONNEL</c>). Modules add their own (<see cref="Kit.ReportVocabularyServiceCollectionExtensions.AddContactKind"/>).
/// </summary>
public static class ContactKind
{
    public const string ReportingPersonnel = "ReportingPersonnel";
    public const string Supervisor = "Supervisor";
    public const string ActionOfficer = "ActionOfficer";
    public const string OtherLawEnforcement = "OtherLawEnforcement";

    /// <summary>The host's kinds, in the order the GraphQL enum lists them.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [ReportingPersonnel, Supervisor, ActionOfficer, OtherLawEnforcement];
}

/// <summary>Sex of a person as recorded (the NCIC codes M, F, U).</summary>
public enum Sex
{
    Male,
    Female,
    Unknown,
}

/// <summary>
/// The envelope every SEN report type shares (PIA 1.1): identity, number, status, the event's time and
/// place, who wrote, reviews and acts on it, and the people, contacts and narratives it names. A module
/// keeps its own fields in a details table, 1:1 with <c>Reports</c> by <c>ReportId</c>.
/// </summary>
public class Report
{
    public Guid Id { get; set; }

    /// <summary>The report-type code of the module that owns the report, e.g. <c>SIR</c>.</summary>
    public required string Type { get; set; }

    /// <summary>
    /// <c>SIR-FY2027-000123</c> (see <see cref="ReportNumber"/>); unique per type among numbered
    /// reports. Null until the workflow numbers the report.
    /// </summary>
    public string? Number { get; set; }

    public ReportStatus Status { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset? EventAt { get; set; }
    public string? EventCity { get; set; }

    /// <summary>USPS code of the US state or territory where the event happened.</summary>
    public string? EventState { get; set; }

    /// <summary>Code of the office the report comes from, e.g. <c>SAC-NYC</c>.</summary>
    public required string OriginatingOffice { get; set; }

    /// <summary>User name of the author.</summary>
    public required string Author { get; set; }

    /// <summary>User name of the reviewing supervisor.</summary>
    public string? Supervisor { get; set; }

    /// <summary>User name of the action officer.</summary>
    public string? ActionOfficer { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Why the reviewer returned the report; set while it is <see cref="ReportStatus.Returned"/>.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>Identifier of the official case record the report relates to, if any.</summary>
    public string? CaseReference { get; set; }

    /// <summary>0 until the first amendment of the submitted report; +1 per amendment.</summary>
    public int Revision { get; set; }

    /// <summary>Optimistic concurrency token: incremented on every change (<see cref="Touch"/>).</summary>
    public int Version { get; set; }

    /// <summary>The <see cref="Workflow.RetentionSchedule.Key"/> of the schedule the retention dates were computed under (null: not yet).</summary>
    public string? RetentionKey { get; set; }

    /// <summary>The last day of the agency fiscal year of the retention trigger (PIA 3.2); null while unscheduled or not triggered.</summary>
    public DateOnly? RetentionCutOff { get; set; }

    /// <summary>The first day the report is due for transfer to the Federal Records Center; null: never or not yet known.</summary>
    public DateOnly? RetentionTransferOn { get; set; }

    /// <summary>The first day the report is due for destruction; null: never or not yet known.</summary>
    public DateOnly? RetentionDestroyOn { get; set; }

    /// <summary>When a disposition run marked the report transferred to the Federal Records Center.</summary>
    public DateTimeOffset? TransferredAt { get; set; }

    public List<ReportPerson> People { get; set; } = [];
    public List<ReportContact> Contacts { get; set; } = [];
    public List<ReportNarrative> Narratives { get; set; } = [];

    [JsonIgnore]
    public List<ReportRevision> Revisions { get; set; } = [];

    /// <summary>
    /// True for a report read back from a <see cref="ReportRevision"/> snapshot (not stored): its people,
    /// contacts and narratives are the ones in the snapshot, not the current ones.
    /// </summary>
    [JsonIgnore]
    public bool IsRevisionSnapshot { get; set; }

    /// <summary>Records a change: <see cref="UpdatedAt"/> becomes <paramref name="now"/>, <see cref="Version"/> increments.</summary>
    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A person named on a report. Names and identifiers are PII.</summary>
public class ReportPerson
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }

    /// <summary>Position in the report's list of people, from 0.</summary>
    public int Position { get; set; }

    /// <summary>A <see cref="PersonRole"/> or one a loaded module declares.</summary>
    public string Role { get; set; } = PersonRole.Subject;
    public string? FirstName { get; set; }
    public string? MiddleName { get; set; }

    /// <summary>Family name; a single name (mononym) goes here too.</summary>
    public string? LastName { get; set; }

    /// <summary>
    /// <see cref="LastName"/> in upper case (invariant), kept by the kit when the person is saved: what a search by name
    /// (a privacy officer's, PIA 7.1) compares, through an index, on every provider.
    /// </summary>
    public string? LastNameKey { get; set; }

    /// <summary>The person's name is not known (an unidentified suspect or victim); then no last name is required.</summary>
    public bool NameUnknown { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    /// <summary>Age in years at the time of the event (or as estimated), when the date of birth is unknown or alongside it.</summary>
    public int? Age { get; set; }

    public Sex? Sex { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    public string? CountryOfBirth { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    public string? CountryOfCitizenship { get; set; }

    public string? AddressStreet { get; set; }
    public string? AddressCity { get; set; }

    /// <summary>USPS code when the address is in the United States; a region name otherwise.</summary>
    public string? AddressState { get; set; }

    public string? AddressPostalCode { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code; null means the United States.</summary>
    public string? AddressCountry { get; set; }

    /// <summary>Alien Registration Number, normalized: <c>A</c> and 9 digits (see <see cref="PersonIdentifiers.TryNormalizeANumber"/>).</summary>
    public string? ANumber { get; set; }

    /// <summary>IDENT Fingerprint Identification Number (see <see cref="PersonIdentifiers.TryNormalizeFin"/>).</summary>
    public string? Fin { get; set; }

    /// <summary>FBI number / Universal Control Number (see <see cref="PersonIdentifiers.TryNormalizeFbiNumber"/>).</summary>
    public string? FbiNumber { get; set; }

    /// <summary>Immigration status as reported (free text).</summary>
    public string? ImmigrationStatus { get; set; }

    /// <summary>True when any address part is recorded.</summary>
    public bool HasAddress =>
        AddressStreet is not null || AddressCity is not null || AddressState is not null || AddressPostalCode is not null || AddressCountry is not null;
}

/// <summary>Contact information of someone involved in handling the event (PIA 1.1).</summary>
public class ReportContact
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }

    /// <summary>Position in the report's list of contacts, from 0.</summary>
    public int Position { get; set; }

    /// <summary>A <see cref="ContactKind"/> or one a loaded module declares.</summary>
    public string Kind { get; set; } = ContactKind.ReportingPersonnel;
    public required string Name { get; set; }
    public string? Agency { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

/// <summary>One section of free text (the incident, seized property, injuries, ...), in order.</summary>
public class ReportNarrative
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }

    /// <summary>Position among the report's narratives, from 0.</summary>
    public int Position { get; set; }

    public string? Heading { get; set; }
    public required string Text { get; set; }
}

/// <summary>A submitted version of a report, kept when it is amended so every earlier version stays readable.</summary>
public class ReportRevision
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }

    /// <summary>The <see cref="Report.Revision"/> this snapshot was (0 for the original submission).</summary>
    public int Revision { get; set; }

    /// <summary>The report (envelope and module details) as it was, as JSON.</summary>
    public required string SnapshotJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>User name of who amended the report.</summary>
    public required string CreatedBy { get; set; }

    /// <summary>Why the report was amended.</summary>
    public string? Reason { get; set; }
}
