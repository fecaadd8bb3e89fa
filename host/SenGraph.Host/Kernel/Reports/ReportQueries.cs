using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Workflow;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Reports;

/// <summary>
/// The host's report fields, across every report type: <c>node</c>/<c>nodes</c>, <c>reports</c> (what the
/// caller may see), <c>myQueue</c> and the IROC's <c>irocFeed</c>. Filtering, sorting and paging run in SQL
/// on the envelope; each page then costs one query per report type on it for the modules' own fields.
/// Every one of them leaves out, in SQL, the reports outside the caller's scope (<see cref="ReportVisibility"/>)
/// and those of a type whose read policy the caller fails (<see cref="AccessControl.ReadableTypesAsync"/>): to
/// the caller such a report does not exist.
/// </summary>
public sealed class ReportQueries : ObjectGraphType
{
    public const int MaxNodes = 100;

    public ReportQueries(IDbContextFactory<SenDbContext> databases, ReportTypes reportTypes, AccessControl access)
    {
        Field<NodeInterfaceGraphType>("node")
            .Description("The object with this id, if it exists and you may see it; null otherwise.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A report id.")
            .Authorize()
            .ResolveAsync(async c =>
            {
                var found = await VisibleByIdAsync(c, "node", [c.GetArgument<string>("id")]);
                return found.Values.SingleOrDefault();
            });

        Field<NonNullGraphType<ListGraphType<NodeInterfaceGraphType>>>("nodes")
            .Description($"The objects with these ids, in the same order; null for each one that does not exist or you may not see. At most {MaxNodes} ids.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Report ids.")
            .Authorize()
            .ResolveAsync(async c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > MaxNodes)
                    throw new ExecutionError($"At most {MaxNodes} ids may be fetched at once; {ids.Count} were given.") { Code = "TOO_MANY_IDS" };
                var found = await VisibleByIdAsync(c, "nodes", ids);
                return ids.Select(id => IdArgument.ToGuidOrNull(id) is { } guid && found.TryGetValue(guid, out var report) ? report : null).ToList();
            });

        this.ConnectionField<ReportInterfaceGraphType, Report>("reports", o => o.MaxPageSize = 100)
            .Description("Every report you may see, of every type, most recently changed first unless ordered otherwise.")
            .Authorize()
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                var visible = (await ReadableAsync(c, db.Reports.AsNoTracking())).VisibleTo(db.ReportRecipients, reportTypes.ViewerOf(c.Schema, c.User))
                    .OrderByDescending(r => r.UpdatedAt);
                return await TypedAsync(c, await visible.ToConnectionAsync(c));
            });

        this.ConnectionField<QueueItemGraphType, ReportRecipient>("myQueue", o => o.MaxPageSize = 100)
            .Description("Submitted reports routed or sent to you or your office, newest first unless ordered otherwise; "
                + "filter on readAt or acknowledgedAt (eq: null) for what is new.")
            .Authorize()
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                var readable = await access.ReadableTypesAsync(c.Schema, c.User);
                var parts = ReportWorkflow.QueuePartsOf(db, ReportViewer.From(c.User), readable);
                return await parts.Select(part => part.AsNoTracking().OrderByDescending(r => r.QueuedAt)).ToList().ToConnectionAsync(c);
            });

        this.ConnectionField<ReportInterfaceGraphType, Report>("irocFeed", o => o.MaxPageSize = 100)
            .Description("IROC staff: the rolling feed of every submitted report of every type, newest submission first unless ordered otherwise.")
            .AuthorizeWithRoles(DirectoryRoles.IrocStaff)
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                var feed = (await ReadableAsync(c, db.Reports.AsNoTracking())).VisibleTo(db.ReportRecipients, reportTypes.ViewerOf(c.Schema, c.User))
                    .Where(r => r.Status == ReportStatus.Submitted).OrderByDescending(r => r.SubmittedAt!.Value); // never null once submitted; a
                // key that is not nullable gives the cursor's predicate a range to seek (KeysetPredicates.Bound), so a deep page costs what the first does
                return await TypedAsync(c, await feed.ToConnectionAsync(c));
            });

        // The ids that exist but are not visible are noted for the request's AccessDenied record (AuditContext.NoteDeniedLookup).
        async Task<IReadOnlyDictionary<Guid, Report>> VisibleByIdAsync(IResolveFieldContext c, string field, IReadOnlyList<string> ids)
        {
            var guids = ids.Select(id => IdArgument.ToGuid(id)).Where(g => g != Guid.Empty).Distinct().ToList();
            if (guids.Count == 0) return new Dictionary<Guid, Report>();
            await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
            var found = await reportTypes.LoadTypedAsync(c,
                (await ReadableAsync(c, db.Reports)).VisibleTo(db.ReportRecipients, reportTypes.ViewerOf(c.Schema, c.User)).Where(r => guids.Contains(r.Id)));
            var missing = guids.Where(g => !found.ContainsKey(g)).ToList();
            if (missing.Count > 0 && AuditScope.Current is { } audit)
            {
                foreach (var hidden in await db.Reports.AsNoTracking().Where(r => missing.Contains(r.Id)).Select(r => r.Id).ToListAsync(c.CancellationToken))
                    audit.NoteDeniedLookup(field, hidden);
            }

            return found;
        }

        // Only reports of types the caller may read: a type whose module is not loaded has no read policy to ask, and is left out too.
        async Task<IQueryable<Report>> ReadableAsync(IResolveFieldContext c, IQueryable<Report> reports)
        {
            var types = (await access.ReadableTypesAsync(c.Schema, c.User)).ToList();
            return reports.Where(r => types.Contains(r.Type));
        }

        async Task<Connection<Report>> TypedAsync(IResolveFieldContext c, Connection<Report> page)
        {
            // A page that reads only envelope fields is typed from the envelopes just read: no second read of the same rows per type.
            var typed = await reportTypes.TypedAsync(c, page.Nodes);
            return new Connection<Report>([.. page.Edges.Select(e => e with { Node = typed[e.Node.Id] })], page.PageInfo, page.TotalCount);
        }
    }
}

/// <summary>GraphQL <c>QueueItem</c>: a report in a recipient's queue.</summary>
public sealed class QueueItemGraphType : ObjectGraphType<ReportRecipient>
{
    public QueueItemGraphType(ReportTypes reportTypes, IDbContextFactory<SenDbContext> databases)
    {
        Name = "QueueItem";
        Description = "A submitted report in your queue (sent to you) or your office's, with whether it was read and acknowledged.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Identifier of the queue entry.").Resolve(c => c.Source.Id).NotFilterable().NotSortable();
        Field<NonNullGraphType<RecipientKindGraphType>>("kind").Description("USER when the report was sent to you, OFFICE when to your office.")
            .Resolve(c => c.Source.Kind).MapsTo(r => r.Kind);
        Field<NonNullGraphType<RecipientReasonGraphType>>("reason").Description("Routed by the report type's rules, or named by the submitter.")
            .Resolve(c => c.Source.Reason).MapsTo(r => r.Reason);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("queuedAt").Description("When the report reached the queue.")
            .Resolve(c => c.Source.QueuedAt).MapsTo(r => r.QueuedAt);
        Field<DateTimeOffsetGraphType>("readAt").Description("When it was read (by you, or for an office entry by anyone in your office); null while unread.")
            .Resolve(c => c.Source.ReadAt).MapsTo(r => r.ReadAt);
        Field<DateTimeOffsetGraphType>("acknowledgedAt").Description("When it was acknowledged; null until then.")
            .Resolve(c => c.Source.AcknowledgedAt).MapsTo(r => r.AcknowledgedAt);
        Field<NonNullGraphType<ReportInterfaceGraphType>>("report").Description("The report.")
            .Resolve(c =>
            {
                // One batch per shape: a request reading report { … on Sir { … } } in one alias and only envelope fields in another
                // must not get the envelope-only entity where the module's fields are asked for.
                var envelopeOnly = ReportSelection.OnlyEnvelopeFields(c);
                return c.LoadBatch<Guid, Report>(envelopeOnly ? "SenGraph.Queue.report.envelope" : "SenGraph.Queue.report", c.Source.ReportId, async (ids, ct) =>
                {
                    await using var db = await databases.CreateDbContextAsync(ct);
                    var envelopes = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
                    return (await reportTypes.TypedAsync(c.Schema, envelopes, ct, envelopeOnly)).ToDictionary();
                });
            });
    }
}

/// <summary>
/// GraphQL <c>UnavailableReport</c>: a report whose module is not loaded; only the envelope is readable. Such reports are
/// left out of every path (their type's read policy cannot be asked), so it shows only when a module goes away while a
/// request or a subscription runs; it also keeps <c>Report</c> implemented when no report module is loaded.
/// </summary>
public sealed class UnavailableReportGraphType : ObjectGraphType<Report>
{
    public UnavailableReportGraphType()
    {
        Name = "UnavailableReport";
        Description = "A report whose type's module is not loaded right now (disabled or failed): its envelope is readable, its own fields are not. "
            + "Such reports are normally left out, since who may read them cannot be decided; this shows only when a module goes away while a request or subscription runs.";
        Interface<NodeInterfaceGraphType>();
        Interface<ReportInterfaceGraphType>();
        this.AddReportEnvelopeFields(r => r);
        IsTypeOf = source => source?.GetType() == typeof(Report);
    }
}
