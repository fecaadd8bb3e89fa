using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Reports;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Auditing;

/// <summary>
/// The host's side of the audit trail: appending records that belong to no write of a context (views,
/// logons), grouped with other requests' by the <see cref="AuditWriter"/>, and recording what a GraphQL result shows.
/// </summary>
public sealed class AuditTrail(SenDatabase database, AuditWriter writer, TimeProvider clock, ILogger<AuditTrail> logger)
{
    /// <summary>The error code of a read whose audit record could not be written: its data is withheld.</summary>
    public const string Unavailable = "AUDIT_UNAVAILABLE";

    /// <summary>The <c>Entity</c> of a report view.</summary>
    public const string ReportsEntity = "Reports";

    /// <summary>
    /// Appends <paramref name="entries"/> with concurrent requests' (group commit) and returns once they are
    /// committed. Not cancellable: records handed over are written even if the caller stops waiting.
    /// </summary>
    public Task AppendAsync(IReadOnlyList<AuditEntry> entries) => writer.AppendAsync(entries);

    /// <summary>
    /// Appends the entries <paramref name="build"/> returns, computed inside the append transaction: with
    /// SQLite's immediate transaction and SQL Server's application lock, what it reads from the trail cannot
    /// change before its records are written (the lockout counts failed logons this way).
    /// </summary>
    public async Task AppendAsync(Func<SenDbContext, CancellationToken, Task<IReadOnlyList<AuditEntry>>> build, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // What build reads of the trail (failed logons counted toward a lockout) must not change before its records are
        // appended, whichever process appends meanwhile: the append lock first, not only at the append.
        await AuditChain.LockAsync(db.Database, cancellationToken);
        var entries = await build(db, cancellationToken);
        if (entries.Count == 0) return;
        var last = await AuditChain.AppendAsync(db.Database, entries, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        database.AuditCommits.Note(db.Database.GetDbConnection(), last);
    }

    /// <summary>
    /// Records the views in <paramref name="result"/> (see <see cref="Views"/>) before it is sent. Fail-closed:
    /// when they cannot be written the result is replaced by an <see cref="Unavailable"/> error, so nothing is
    /// shown that the trail does not record.
    /// </summary>
    public async Task<ExecutionResult> RecordViewsAsync(ExecutionResult result, ISchema schema, AuditContext context)
    {
        IReadOnlyList<AuditEntry> views;
        try
        {
            views = Views(result, schema, context);
            if (views.Count == 0) return result;
            await AppendAsync(views);
            return result;
        }
        catch (Exception e)
        {
            logger.LogError(e, "The audit trail could not record the views of operation {OperationName} by {UserName}; the result is withheld.",
                context.OperationName, context.UserName);
            return new ExecutionResult
            {
                Executed = false,
                Errors = [new ExecutionError("The audit trail is unavailable, so nothing can be shown; try again later.") { Code = Unavailable }],
            };
        }
    }

    /// <summary>
    /// What a result shows, as Read records: one per report it returns (any object whose source is a
    /// <see cref="Report"/>: through <c>sir</c>, <c>sirs</c>, <c>reports</c>, <c>node</c>, queues, payloads of
    /// mutations or subscription events), with the PII fields (<see cref="PiiMetadata"/>) it returns for that
    /// report that are not null, as <c>Type.field</c>. Walks the executed result, after null propagation, so
    /// only what is actually sent counts. PII returned outside any report gets a record without a record id.
    /// </summary>
    public static IReadOnlyList<AuditEntry> Views(ExecutionResult result, ISchema schema, AuditContext context)
    {
        if (result.Data is not ExecutionNode root) return [];
        var views = new Dictionary<string, (SortedSet<string> Types, SortedSet<string> Pii)>(StringComparer.Ordinal);
        var order = new List<string>();
        Walk(root, null, null);
        return [.. order.Select(key =>
        {
            var (types, pii) = views[key];
            // A report's key is its id; another audited record's "@Entity@id" (an IROC summary); PII outside both "~Type".
            var (entity, recordId) = key[0] switch
            {
                '~' => (key[1..], (string?)null),
                '@' => (key[1..key.LastIndexOf('@')], key[(key.LastIndexOf('@') + 1)..]),
                _ => (ReportsEntity, key),
            };
            return new AuditEntry(context.UserName, AuditActions.Read, entity, recordId,
                context.OperationName, context.RequestId, pii.Count == 0 ? null : string.Join(",", pii), "type: " + string.Join(",", types));
        })];

        void Walk(ExecutionNode node, string? report, string? parentType)
        {
            if (node is not RootExecutionNode && node.Result is null) return;
            if (node.FieldDefinition is { } field && field.IsPii() && parentType is not null)
                View(report ?? "~" + parentType, null).Pii.Add($"{parentType}.{field.Name}");
            switch (node)
            {
                case ObjectExecutionNode obj:
                    var type = obj.GetObjectGraphType(schema)?.Name;
                    if (obj.Result is Report r && type is not null)
                    {
                        report = r.Id.ToString();
                        View(report, type);
                    }
                    else if (obj.Result is Kernel.Summaries.ReportSummary summary && type is not null)
                    {
                        report = $"@{Kernel.Summaries.ReportSummaryModel.Table}@{summary.Id}";
                        View(report, type);
                    }

                    foreach (var child in obj.SubFields ?? []) Walk(child, report, type);
                    break;
                case ArrayExecutionNode array:
                    foreach (var item in array.Items ?? []) Walk(item, report, parentType);
                    break;
            }
        }

        (SortedSet<string> Types, SortedSet<string> Pii) View(string key, string? reportType)
        {
            if (!views.TryGetValue(key, out var view))
            {
                views[key] = view = (new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
                order.Add(key);
            }

            if (reportType is not null) view.Types.Add(reportType);
            return view;
        }
    }
}

/// <summary>
/// Names the current <see cref="AuditContext"/> after the operation being executed (<c>operationName</c>, or
/// the name in the document), once validation passed and before any resolver runs. The transports put the
/// context in <c>UserContext</c> under <see cref="Key"/> (the ambient one may be another request's, for
/// subscription events).
/// </summary>
public sealed class AuditOperationListener : DocumentExecutionListenerBase
{
    public const string Key = "sengraph:audit";

    public override Task BeforeExecutionAsync(IExecutionContext context)
    {
        if (context.UserContext.TryGetValue(Key, out var value) && value is AuditContext audit)
            audit.OperationName ??= context.Operation.Name?.StringValue;
        return Task.CompletedTask;
    }
}
