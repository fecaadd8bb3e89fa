using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Kernel.Records;

/// <summary>
/// Records management for records officers (<c>legalHolds</c>, <c>recordsDue</c>, <c>recordsTombstones</c>) and privacy officers
/// (<c>reportsNamingPerson</c>, <c>correctionRequests</c>).
/// </summary>
public sealed class RecordsQueries : ObjectGraphType
{
    public const int MaxDueReports = 200;

    public RecordsQueries(SenDatabase database, PersonSearches searches)
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LegalHoldGraphType>>>>("legalHolds")
            .Description("Legal holds, newest first: the active ones, or all with activeOnly: false. Records Officers only.")
            .Argument<BooleanGraphType>("activeOnly", a => { a.DefaultValue = true; a.Description = "Only holds not yet released (default)."; })
            .AuthorizeWithRoles(DirectoryRoles.RecordsOfficer)
            .ResolveAsync(async c =>
            {
                await using var db = database.CreateDbContext();
                var holds = db.LegalHolds.AsNoTracking().Include(h => h.Reports).AsQueryable();
                if (c.GetArgument("activeOnly", true)) holds = holds.Where(h => h.ReleasedAt == null);
                return (await holds.ToListAsync(c.CancellationToken)).OrderByDescending(h => h.DeclaredAt).ToList();
            });

        Field<NonNullGraphType<RecordsDueGraphType>>("recordsDue")
            .Description("What a disposition run on asOf would transfer and destroy, per type, and the first reports due (at most 200). Records Officers only.")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("asOf", "The day to ask about.")
            .Argument<IntGraphType>("first", a => { a.DefaultValue = 50; a.Description = "How many due reports to list (at most 200)."; })
            .AuthorizeWithRoles(DirectoryRoles.RecordsOfficer)
            .ResolveAsync(async c =>
            {
                var asOf = c.GetArgument<DateOnly>("asOf");
                var first = Math.Clamp(c.GetArgument("first", 50), 0, MaxDueReports);
                await using var db = database.CreateDbContext();
                var holds = await RecordsDisposition.ActiveHoldsAsync(db, c.CancellationToken);
                var transfer = await RecordsDisposition.DueForTransfer(db, asOf).GroupBy(r => r.Type).Select(g => new { g.Key, Count = g.Count() })
                    .ToDictionaryAsync(g => g.Key, g => g.Count, c.CancellationToken);
                var destroy = await RecordsDisposition.DueForDestruction(db, asOf).GroupBy(r => r.Type).Select(g => new { g.Key, Count = g.Count() })
                    .ToDictionaryAsync(g => g.Key, g => g.Count, c.CancellationToken);
                var free = await RecordsDisposition.NotHeld(db, RecordsDisposition.DueForDestruction(db, asOf), holds).GroupBy(r => r.Type)
                    .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, c.CancellationToken);
                var byType = transfer.Keys.Union(destroy.Keys).Order(StringComparer.Ordinal)
                    .Select(t => new RecordsDueCount(t, transfer.GetValueOrDefault(t), destroy.GetValueOrDefault(t), destroy.GetValueOrDefault(t) - free.GetValueOrDefault(t)))
                    .ToList();
                var destroyDue = await RecordsDisposition.DueForDestruction(db, asOf).AsNoTracking().OrderBy(r => r.RetentionDestroyOn).ThenBy(r => r.Id)
                    .Take(first).ToListAsync(c.CancellationToken);
                var freeIds = (await RecordsDisposition.NotHeld(db, db.Reports, holds).Where(r => destroyDue.Select(d => d.Id).Contains(r.Id)).Select(r => r.Id)
                    .ToListAsync(c.CancellationToken)).ToHashSet();
                var reports = destroyDue.Select(r => new RecordsDueReport(r, !freeIds.Contains(r.Id))).ToList();
                if (reports.Count < first)
                {
                    var transferDue = await RecordsDisposition.DueForTransfer(db, asOf).AsNoTracking()
                        .Where(r => r.RetentionDestroyOn == null || r.RetentionDestroyOn > asOf)
                        .OrderBy(r => r.RetentionTransferOn).ThenBy(r => r.Id).Take(first - reports.Count).ToListAsync(c.CancellationToken);
                    reports.AddRange(transferDue.Select(r => new RecordsDueReport(r, false)));
                }
                return new RecordsDue(asOf, byType, reports);
            });

        this.ConnectionField<RecordsTombstoneGraphType, RecordsTombstone>("recordsTombstones", o => o.TieBreaker(t => t.ReportId))
            .Description("What is left of destroyed reports, most recently destroyed first unless ordered otherwise. Records Officers only.")
            .AuthorizeWithRoles(DirectoryRoles.RecordsOfficer)
            .ResolveAsync(async c =>
            {
                await using var db = database.CreateDbContext();
                return await db.RecordsTombstones.AsNoTracking().OrderByDescending(t => t.DestroyedAt).ToConnectionAsync(c);
            });

        Field<NonNullGraphType<PersonSearchResultGraphType>>("reportsNamingPerson")
            .Description("Every report, of every type, naming a person (PIA 7.1), by last name, date of birth, A-number or FIN, with an export for the "
                + "response. Every search is recorded and audited with its criteria and purpose. Privacy Officers only.")
            .Argument<NonNullGraphType<PersonSearchInputGraphType>>("search", "Who to look for, and why.")
            .AuthorizeWithRoles(DirectoryRoles.PrivacyOfficer)
            .ResolveAsync(async c => await searches.SearchAsync(c.User!, c.Schema, c.GetArgument<PersonSearchInput>("search"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CorrectionRequestGraphType>>>>("correctionRequests")
            .Description("Correction requests (PIA 7.2), newest first: those about one report, or all open ones. Privacy Officers only.")
            .Argument<IdGraphType>("reportId", "Only those about this report (decided ones too).")
            .AuthorizeWithRoles(DirectoryRoles.PrivacyOfficer)
            .ResolveAsync(async c =>
            {
                await using var db = database.CreateDbContext();
                var requests = db.CorrectionRequests.AsNoTracking();
                requests = c.GetArgument<object?>("reportId") is { } id
                    ? requests.Where(r => r.ReportId == IdArgument.ToGuid(id))
                    : requests.Where(r => r.Outcome == null);
                return (await requests.ToListAsync(c.CancellationToken)).OrderByDescending(r => r.RecordedAt).ToList();
            });
    }
}

/// <summary><c>declareLegalHold</c>, <c>releaseLegalHold</c> (records officers), <c>recordCorrectionRequest</c>, <c>decideCorrectionRequest</c> (privacy officers).</summary>
public sealed class RecordsMutations : ObjectGraphType
{
    public RecordsMutations(LegalHolds holds, CorrectionRequests corrections)
    {
        Field<NonNullGraphType<LegalHoldPayloadGraphType>>("declareLegalHold")
            .Description("Suspends the destruction of the reports named or matched until the hold is released. Records Officers only.")
            .Argument<NonNullGraphType<DeclareLegalHoldInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.RecordsOfficer)
            .ResolveAsync(async c =>
            {
                var outcome = await holds.DeclareAsync(c.User!, c.GetArgument<DeclareLegalHoldInput>("input"), c.CancellationToken);
                return new LegalHoldPayload(outcome.Succeeded ? outcome.Value : null, outcome.Errors);
            });

        Field<NonNullGraphType<LegalHoldPayloadGraphType>>("releaseLegalHold")
            .Description("Releases a legal hold, with the reason: the reports it kept are destroyed by the next disposition run if due. Records Officers only.")
            .Argument<NonNullGraphType<ReleaseLegalHoldInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.RecordsOfficer)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var outcome = await holds.ReleaseAsync(c.User!, IdArgument.ToGuid(input["id"]), (int)input["expectedVersion"]!,
                    input.GetValueOrDefault("reason") as string, c.CancellationToken);
                return new LegalHoldPayload(outcome.Succeeded ? outcome.Value : null, outcome.Errors);
            });

        Field<NonNullGraphType<CorrectionRequestPayloadGraphType>>("recordCorrectionRequest")
            .Description("Records an individual's request to correct a report (PIA 7.2). Privacy Officers only.")
            .Argument<NonNullGraphType<RecordCorrectionRequestInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.PrivacyOfficer)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var outcome = await corrections.RecordAsync(c.User!, IdArgument.ToGuid(input["reportId"]),
                    input.GetValueOrDefault("request") as string, input.GetValueOrDefault("reference") as string, c.CancellationToken);
                return new CorrectionRequestPayload(outcome.Succeeded ? outcome.Value : null, outcome.Errors);
            });

        Field<NonNullGraphType<CorrectionRequestPayloadGraphType>>("decideCorrectionRequest")
            .Description("Records the outcome of a correction request (a correction itself is an amendment of the report by its author). Privacy Officers only.")
            .Argument<NonNullGraphType<DecideCorrectionRequestInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.PrivacyOfficer)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var outcome = await corrections.DecideAsync(c.User!, IdArgument.ToGuid(input["id"]), (int)input["expectedVersion"]!,
                    (CorrectionOutcome)input["outcome"]!, input.GetValueOrDefault("reason") as string, c.CancellationToken);
                return new CorrectionRequestPayload(outcome.Succeeded ? outcome.Value : null, outcome.Errors);
            });
    }
}

public sealed class ReleaseLegalHoldInputGraphType : InputObjectGraphType
{
    public ReleaseLegalHoldInputGraphType()
    {
        Name = "ReleaseLegalHoldInput";
        Description = "A hold to release.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The hold.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The version you read (CONFLICT if it changed since).");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why it is released, at most 1,000 characters.");
    }
}

public sealed class RecordCorrectionRequestInputGraphType : InputObjectGraphType
{
    public RecordCorrectionRequestInputGraphType()
    {
        Name = "RecordCorrectionRequestInput";
        Description = "An individual's request to correct a report.";
        Field<NonNullGraphType<IdGraphType>>("reportId").Description("The report (e.g. found by reportsNamingPerson).");
        Field<NonNullGraphType<StringGraphType>>("request").Description("What the individual asks to correct, at most 20,000 characters.").Pii();
        Field<StringGraphType>("reference").Description("The request's reference, e.g. a Privacy Act case number.");
    }
}

public sealed class DecideCorrectionRequestInputGraphType : InputObjectGraphType
{
    public DecideCorrectionRequestInputGraphType()
    {
        Name = "DecideCorrectionRequestInput";
        Description = "The outcome of a correction request.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The request.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The version you read (CONFLICT if it changed since).");
        Field<NonNullGraphType<CorrectionOutcomeGraphType>>("outcome").Description("What came of it.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, at most 1,000 characters.");
    }
}
