using GraphQL.Types;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Querying;

namespace SenGraph.Host.Kernel.Records;

public sealed class LegalHoldGraphType : ObjectGraphType<LegalHold>
{
    public LegalHoldGraphType()
    {
        Name = "LegalHold";
        Description = "A legal hold (PIA 3.4): while active, no report it names or matches is destroyed by a disposition run.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Identifier of the hold.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why the records must be kept.").Resolve(c => c.Source.Reason);
        Field<NonNullGraphType<StringGraphType>>("declaredBy").Description("The records officer who declared it.").Resolve(c => c.Source.DeclaredBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("declaredAt").Description("When it was declared.").Resolve(c => c.Source.DeclaredAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("reportIds").Description("The reports it names by id.")
            .Resolve(c => c.Source.Reports.Select(r => r.ReportId).Order().ToList());
        Field<StringGraphType>("matchType").Description("It also holds every report of this type (within the incident window, if any).").Resolve(c => c.Source.MatchType);
        Field<DateTimeOffsetGraphType>("matchEventFrom").Description("It also holds reports whose incident (eventAt) is on or after this.").Resolve(c => c.Source.MatchEventFrom);
        Field<DateTimeOffsetGraphType>("matchEventTo").Description("... and before this.").Resolve(c => c.Source.MatchEventTo);
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("True until it is released.").Resolve(c => c.Source.IsActive);
        Field<StringGraphType>("releasedBy").Description("Who released it.").Resolve(c => c.Source.ReleasedBy);
        Field<DateTimeOffsetGraphType>("releasedAt").Description("When it was released.").Resolve(c => c.Source.ReleasedAt);
        Field<StringGraphType>("releaseReason").Description("Why it was released.").Resolve(c => c.Source.ReleaseReason);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Send it back as expectedVersion to release the hold.").Resolve(c => c.Source.Version);
    }
}

public sealed class RecordsTombstoneGraphType : ObjectGraphType<RecordsTombstone>
{
    public RecordsTombstoneGraphType()
    {
        Name = "RecordsTombstone";
        Description = "What is left of a report a disposition run destroyed (PIA 3.2): its number, type and records dates, and who authorised the run. No content, no PII.";
        Field(t => t.ReportId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The destroyed report's id.");
        Field(t => t.Number, nullable: true).Description("Its number; null if it was never numbered.");
        Field(t => t.Type).Description("Its report-type code.");
        Field(t => t.CreatedAt).Description("When it was created.");
        Field(t => t.SubmittedAt, nullable: true).Description("When it was submitted.");
        Field<DateOnlyGraphType>("cutOff").Description("Its cut-off (end of the fiscal year of its trigger).").Resolve(c => c.Source.CutOff).NotFilterable().NotSortable();
        Field<DateOnlyGraphType>("transferOn").Description("When it was due for transfer.").Resolve(c => c.Source.TransferOn).NotFilterable().NotSortable();
        Field<DateOnlyGraphType>("destroyOn").Description("When it was due for destruction.").Resolve(c => c.Source.DestroyOn).NotFilterable().NotSortable();
        Field(t => t.TransferredAt, nullable: true).Description("When it was marked transferred.");
        Field(t => t.DestroyedAt).Description("When it was destroyed.");
        Field(t => t.AuthorisedBy).Description("Who authorised the disposition run.");
        Field(t => t.RunId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The disposition run that destroyed it.");
    }
}

/// <summary>One report type's share of what is due.</summary>
public sealed record RecordsDueCount(string Type, int DueForTransfer, int DueForDestruction, int Held);

/// <summary>A report due for transfer or destruction.</summary>
public sealed record RecordsDueReport(Report Report, bool Held);

public sealed record RecordsDue(DateOnly AsOf, IReadOnlyList<RecordsDueCount> ByType, IReadOnlyList<RecordsDueReport> Reports);

public sealed class RecordsDueGraphType : ObjectGraphType<RecordsDue>
{
    public RecordsDueGraphType()
    {
        Name = "RecordsDue";
        Description = "What a disposition run on asOf would transfer and destroy (PIA 3.2), and what legal holds keep.";
        Field<NonNullGraphType<DateOnlyGraphType>>("asOf").Description("The day asked about.").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordsDueCountGraphType>>>>("byType").Description("Counts per report type.").Resolve(c => c.Source.ByType);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordsDueReportGraphType>>>>("reports")
            .Description("The first reports due (destruction first, then transfer), oldest destruction day first.").Resolve(c => c.Source.Reports);
    }
}

public sealed class RecordsDueCountGraphType : ObjectGraphType<RecordsDueCount>
{
    public RecordsDueCountGraphType()
    {
        Name = "RecordsDueCount";
        Description = "One report type's reports due on the day.";
        Field<NonNullGraphType<StringGraphType>>("type").Description("Report-type code.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IntGraphType>>("dueForTransfer").Description("Due for transfer and not yet marked transferred.").Resolve(c => c.Source.DueForTransfer);
        Field<NonNullGraphType<IntGraphType>>("dueForDestruction").Description("Past their destruction day, held or not.").Resolve(c => c.Source.DueForDestruction);
        Field<NonNullGraphType<IntGraphType>>("held").Description("Of those, kept by an active legal hold.").Resolve(c => c.Source.Held);
    }
}

public sealed class RecordsDueReportGraphType : ObjectGraphType<RecordsDueReport>
{
    public RecordsDueReportGraphType()
    {
        Name = "RecordsDueReport";
        Description = "A report due for transfer or destruction: its identity and records dates only (no content).";
        Field<NonNullGraphType<IdGraphType>>("reportId").Description("The report's id.").Resolve(c => c.Source.Report.Id);
        Field<StringGraphType>("number").Description("Its number.").Resolve(c => c.Source.Report.Number);
        Field<NonNullGraphType<StringGraphType>>("type").Description("Its report-type code.").Resolve(c => c.Source.Report.Type);
        Field<NonNullGraphType<ReportRetentionGraphType>>("retention").Description("Its records dates.").Resolve(c => c.Source.Report);
        Field<NonNullGraphType<BooleanGraphType>>("held").Description("Whether an active legal hold keeps it from destruction.").Resolve(c => c.Source.Held);
    }
}

public sealed class DeclareLegalHoldInputGraphType : InputObjectGraphType<DeclareLegalHoldInput>
{
    public DeclareLegalHoldInputGraphType()
    {
        Name = "DeclareLegalHoldInput";
        Description = "What to hold: reports by id, or a match (a type and/or an incident window), or both.";
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why the records must be kept, at most 1,000 characters.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("reportIds").Description("Reports to hold, by id (at most 1,000).");
        Field<StringGraphType>("matchType").Description("Hold every report of this type code, e.g. SIR.");
        Field<DateTimeOffsetGraphType>("matchEventFrom").Description("Hold reports whose incident (eventAt) is on or after this.");
        Field<DateTimeOffsetGraphType>("matchEventTo").Description("Hold reports whose incident (eventAt) is before this.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new DeclareLegalHoldInput(
        Get(value, "reason") as string,
        (Get(value, "reportIds") as IEnumerable<object?>)?.Select(id => IdArgument.ToGuid(id)).ToList(),
        Get(value, "matchType") as string,
        Get(value, "matchEventFrom") as DateTimeOffset?,
        Get(value, "matchEventTo") as DateTimeOffset?);

    internal static object? Get(IDictionary<string, object?> value, string name) => value.TryGetValue(name, out var v) ? v : null;
}

public sealed class PersonSearchInputGraphType : InputObjectGraphType<PersonSearchInput>
{
    public PersonSearchInputGraphType()
    {
        Name = "PersonSearchInput";
        Description = "Who to look for (every criterion given must match the same person) and why. At least one of lastName, dateOfBirth, aNumber, fin.";
        Field<NonNullGraphType<StringGraphType>>("purpose").Description("The access or correction request the search answers, e.g. a FOIA case number.");
        Field<StringGraphType>("lastName").Description("Last name, any case.").Pii();
        Field<StringGraphType>("firstName").Description("First name, any case (with lastName).").Pii();
        Field<DateOnlyGraphType>("dateOfBirth").Description("Date of birth.").Pii();
        Field<StringGraphType>("aNumber").Description("A-number, e.g. A012345678.").Pii();
        Field<StringGraphType>("fin").Description("IDENT Fingerprint Identification Number.").Pii();
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new PersonSearchInput(
        DeclareLegalHoldInputGraphType.Get(value, "purpose") as string, DeclareLegalHoldInputGraphType.Get(value, "lastName") as string, DeclareLegalHoldInputGraphType.Get(value, "firstName") as string,
        DeclareLegalHoldInputGraphType.Get(value, "dateOfBirth") as DateOnly?, DeclareLegalHoldInputGraphType.Get(value, "aNumber") as string, DeclareLegalHoldInputGraphType.Get(value, "fin") as string);
}

public sealed class PersonSearchGraphType : ObjectGraphType<PersonSearch>
{
    public PersonSearchGraphType()
    {
        Name = "PersonSearch";
        Description = "A search for the reports naming a person, as recorded (and audited) with its criteria.";
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Identifier of the search.");
        Field(s => s.SearchedBy).Description("Who searched.");
        Field(s => s.SearchedAt).Description("When.");
        Field(s => s.Purpose).Description("Why: the request it answers.");
        Field<NonNullGraphType<StringGraphType>>("criteria").Description("The criteria, as JSON.").Resolve(c => c.Source.Criteria).Pii();
        Field(s => s.Found).Description("How many reports it found.");
    }
}

public sealed class PersonMatchGraphType : ObjectGraphType<PersonMatch>
{
    public PersonMatchGraphType()
    {
        Name = "PersonMatch";
        Description = "A report naming the person searched for, and the person as the report names them.";
        Field<NonNullGraphType<IdGraphType>>("reportId").Description("The report's id.").Resolve(c => c.Source.ReportId);
        Field<NonNullGraphType<StringGraphType>>("type").Description("Its report-type code.").Resolve(c => c.Source.Type);
        Field<StringGraphType>("number").Description("Its number.").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<StringGraphType>>("title").Description("Its title.").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<ReportStatusGraphType>>("status").Description("Its status.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When it was created.").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<ReportPersonGraphType>>("person").Description("The person as the report names them.").Resolve(c => c.Source.Person);
    }
}

public sealed class PersonSearchErrorGraphType() : UserErrorGraphType("PersonSearchError");

public sealed class PersonSearchResultGraphType : ObjectGraphType<PersonSearchResult>
{
    public PersonSearchResultGraphType()
    {
        Name = "PersonSearchResult";
        Description = "The reports of every type naming the person (at most 1,000 people named), the search as recorded, and the export for the response.";
        Field<PersonSearchGraphType>("search").Description("The search as recorded; null when there are errors.").Resolve(c => c.Source.Search);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonMatchGraphType>>>>("matches").Description("Each person found, with their report, oldest report first.").Resolve(c => c.Source.Matches);
        Field<StringGraphType>("export").Description("The reports found, in full, as JSON for the response (PIA 7.1); null when there are errors.").Resolve(c => c.Source.Export).Pii();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonSearchErrorGraphType>>>>("errors").Description("Empty on success: INVALID_SEARCH.").Resolve(c => c.Source.Errors);
    }
}

public sealed class CorrectionOutcomeGraphType : EnumerationGraphType<CorrectionOutcome>
{
    public CorrectionOutcomeGraphType() => Name = "CorrectionOutcome";
}

public sealed class CorrectionRequestGraphType : ObjectGraphType<CorrectionRequest>
{
    public CorrectionRequestGraphType()
    {
        Name = "CorrectionRequest";
        Description = "An individual's request to correct a report (PIA 7.2) and its outcome.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Identifier of the request.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("reportId").Description("The report to correct.").Resolve(c => c.Source.ReportId);
        Field<StringGraphType>("reportNumber").Description("Its number when the request was recorded.").Resolve(c => c.Source.ReportNumber);
        Field<NonNullGraphType<StringGraphType>>("request").Description("What the individual asks to correct.").Resolve(c => c.Source.Request).Pii();
        Field<StringGraphType>("reference").Description("The request's reference, e.g. a Privacy Act case number.").Resolve(c => c.Source.Reference);
        Field<NonNullGraphType<StringGraphType>>("recordedBy").Description("Who recorded it.").Resolve(c => c.Source.RecordedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("recordedAt").Description("When.").Resolve(c => c.Source.RecordedAt);
        Field<CorrectionOutcomeGraphType>("outcome").Description("What came of it; null while open.").Resolve(c => c.Source.Outcome);
        Field<StringGraphType>("outcomeReason").Description("Why.").Resolve(c => c.Source.OutcomeReason);
        Field<StringGraphType>("decidedBy").Description("Who decided.").Resolve(c => c.Source.DecidedBy);
        Field<DateTimeOffsetGraphType>("decidedAt").Description("When.").Resolve(c => c.Source.DecidedAt);
        Field<NonNullGraphType<IntGraphType>>("version").Description("Send it back as expectedVersion to decide.").Resolve(c => c.Source.Version);
    }
}

public sealed record LegalHoldPayload(LegalHold? LegalHold, IReadOnlyList<UserError> Errors);

public sealed record CorrectionRequestPayload(CorrectionRequest? CorrectionRequest, IReadOnlyList<UserError> Errors);

public sealed class LegalHoldErrorGraphType() : UserErrorGraphType("LegalHoldError");

public sealed class CorrectionRequestErrorGraphType() : UserErrorGraphType("CorrectionRequestError");

public sealed class LegalHoldPayloadGraphType : ObjectGraphType<LegalHoldPayload>
{
    public LegalHoldPayloadGraphType()
    {
        Name = "LegalHoldPayload";
        Description = "The hold, or why nothing changed.";
        Field<LegalHoldGraphType>("legalHold").Description("As stored; null when there are errors.").Resolve(c => c.Source.LegalHold);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LegalHoldErrorGraphType>>>>("errors")
            .Description("Empty on success: INVALID_HOLD, NOT_FOUND, ILLEGAL_TRANSITION (already released), CONFLICT.").Resolve(c => c.Source.Errors);
    }
}

public sealed class CorrectionRequestPayloadGraphType : ObjectGraphType<CorrectionRequestPayload>
{
    public CorrectionRequestPayloadGraphType()
    {
        Name = "CorrectionRequestPayload";
        Description = "The correction request, or why nothing changed.";
        Field<CorrectionRequestGraphType>("correctionRequest").Description("As stored; null when there are errors.").Resolve(c => c.Source.CorrectionRequest);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CorrectionRequestErrorGraphType>>>>("errors")
            .Description("Empty on success: INVALID_CORRECTION, NOT_FOUND, ILLEGAL_TRANSITION (already decided), CONFLICT.").Resolve(c => c.Source.Errors);
    }
}
