using System.Globalization;
using System.Security.Claims;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Workflow;

/// <summary>A recipient the submitter names.</summary>
public sealed record RecipientInput(RecipientKind Kind, string Code);

/// <summary>
/// The executor of the lifecycle steps that touch only the envelope, in the host's database: asking for review,
/// returning, approving and submitting (numbering, routing, queues, the live event), and the recipients' read and
/// acknowledged marks. What each step checks, in which order, and every error it answers are the workflow engine's
/// (<see cref="ReportStep"/>); this class reads what the engine needs (the report as the caller may see it, whether
/// the type's module is loaded and the caller holds its read policy, then its author or review policy as decided by
/// <see cref="AccessControl"/>) and writes only when the engine agrees. Drafting, editing and amending are executed by
/// <see cref="ReportDrafts{TContext, TReport}"/> instead, against the module's own database, because a module's fields
/// live in its own context; the envelope steps need none of them.
/// </summary>
public sealed class ReportWorkflow(
    IDbContextFactory<SenDbContext> databases,
    ReportTypes reportTypes,
    AccessControl access,
    ReportEvents events,
    IModuleEvents moduleEvents,
    TimeProvider clock)
{
    public const int MaxNamedRecipients = 50;
    private const int SubmitAttempts = 3;

    /// <summary>The report after the step, or why the step was refused.</summary>
    public sealed record Outcome(Report? Report, IReadOnlyList<UserError> Errors)
    {
        public static Outcome Failed(params UserError[] errors) => new(null, errors);
    }

    /// <summary>The queue entries a mark changed, or why it was refused.</summary>
    public sealed record QueueOutcome(IReadOnlyList<ReportRecipient> Entries, IReadOnlyList<UserError> Errors);

    public Task<Outcome> RequestReviewAsync(ISchema schema, ClaimsPrincipal user, Guid id, int expectedVersion, CancellationToken cancellationToken) =>
        StepAsync(schema, user, id, expectedVersion, ReportStep.RequestReview, (_, report, _, _) =>
        {
            report.ReturnReason = null;
            return Task.FromResult<IReadOnlyList<UserError>>([]);
        }, cancellationToken);

    public async Task<Outcome> ReturnAsync(ISchema schema, ClaimsPrincipal user, Guid id, int expectedVersion, string? reason, CancellationToken cancellationToken)
    {
        var reasonRule = ReportStep.Return.Reason(reason);
        if (!reasonRule.Succeeded) return new Outcome(null, reasonRule.Errors);
        var trimmed = reasonRule.Value!;
        var outcome = await StepAsync(schema, user, id, expectedVersion, ReportStep.Return, (_, report, viewer, _) =>
        {
            report.ReturnReason = trimmed;
            report.Supervisor = viewer.UserName;
            return Task.FromResult<IReadOnlyList<UserError>>([]);
        }, cancellationToken);
        if (outcome.Report is { } returned)
        {
            // Committed: modules hear of it whether or not the caller is still there.
            await moduleEvents.PublishAsync(new ReportReturnedEvent(returned.Id, returned.Type, returned.Author, returned.Supervisor ?? "", trimmed,
                returned.UpdatedAt), CancellationToken.None);
        }

        return outcome;
    }

    public Task<Outcome> ApproveAsync(ISchema schema, ClaimsPrincipal user, Guid id, int expectedVersion, CancellationToken cancellationToken) =>
        StepAsync(schema, user, id, expectedVersion, ReportStep.Approve, (_, report, viewer, _) =>
        {
            report.Supervisor = viewer.UserName;
            return Task.FromResult<IReadOnlyList<UserError>>([]);
        }, cancellationToken);

    /// <summary>
    /// Submits an APPROVED report, or a DRAFT when neither its type nor its office requires review: numbers
    /// it (<see cref="ReportNumber"/>), queues it for the offices its type routes to and for the recipients
    /// the submitter names, all in one transaction, then tells <c>reportSubmitted</c> subscribers.
    /// </summary>
    public async Task<Outcome> SubmitAsync(
        ISchema schema, ClaimsPrincipal user, Guid id, int expectedVersion, IReadOnlyList<RecipientInput>? namedInput, CancellationToken cancellationToken)
    {
        var recipients = new List<(RecipientRef Ref, RecipientReason Reason)>();
        var named = NamedRecipients.Normalize(namedInput ?? []);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await StepAsync(schema, user, id, expectedVersion, ReportStep.Submit, async (db, report, _, type) =>
                {
                    recipients.Clear();
                    if (named.Count > MaxNamedRecipients)
                        return [UserError.ForField(WorkflowErrorCodes.TooMany, $"Name at most {MaxNamedRecipients} recipients.", "recipients")];
                    var errors = await NamedRecipients.CheckAsync(db, namedInput ?? [], named, cancellationToken);
                    if (errors.Count > 0) return errors;

                    var now = clock.GetUtcNow();
                    report.SubmittedAt = now;
                    report.Number ??= await ReportCounters.NextNumberAsync(db, report.Type, now, cancellationToken);
                    foreach (var office in await ReportRouting.RouteAsync(db.Offices, report.OriginatingOffice, type.Routes, cancellationToken, type.RoutedOfficeKinds))
                        recipients.Add((office, RecipientReason.Routed));
                    foreach (var recipient in named)
                    {
                        if (!recipients.Any(r => r.Ref == recipient)) recipients.Add((recipient, RecipientReason.Named));
                    }
                    db.ReportRecipients.AddRange(recipients.Select(r => new ReportRecipient
                    {
                        Id = RowKeys.New(), ReportId = report.Id, Kind = r.Ref.Kind, Code = r.Ref.Code, Reason = r.Reason, QueuedAt = now,
                    }));
                    return [];
                }, cancellationToken);
                if (outcome.Report is { } submitted)
                {
                    events.Publish(new ReportSubmitted(submitted, [.. recipients.Select(r => r.Ref)]));
                    await moduleEvents.PublishAsync(new ReportSubmittedEvent(submitted.Id, submitted.Type, submitted.Number ?? "", submitted.OriginatingOffice,
                        ReportViewer.From(user).UserName ?? "", submitted.SubmittedAt ?? clock.GetUtcNow(), [.. recipients.Select(r => r.Ref)]), CancellationToken.None);
                }
                return outcome;
            }
            catch (DbUpdateException) when (attempt < SubmitAttempts)
            {
                // A unique value another transaction took first (the counter makes numbers safe): try again.
            }
            catch (DbUpdateException)
            {
                return Outcome.Failed(ReportStep.SubmitContended());
            }
        }
    }

    /// <summary>Marks the report read in the caller's queue entries (their own, and their office's).</summary>
    public Task<QueueOutcome> MarkReadAsync(ISchema schema, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        MarkAsync(schema, user, id, "markReportRead", (entry, now) => entry.ReadAt ??= now, cancellationToken);

    /// <summary>Marks the report acknowledged (and read) in the caller's queue entries.</summary>
    public Task<QueueOutcome> AcknowledgeAsync(ISchema schema, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        MarkAsync(schema, user, id, "acknowledgeReport", (entry, now) =>
        {
            entry.ReadAt ??= now;
            entry.AcknowledgedAt ??= now;
        }, cancellationToken);

    /// <summary>
    /// The caller's queue: entries naming them, or their office, of reports whose type is in <paramref name="readableTypes"/>
    /// (<see cref="AccessControl.ReadableTypesAsync"/>); the others are, to the caller, not there.
    /// </summary>
    public static IQueryable<ReportRecipient> QueueOf(SenDbContext db, ReportViewer viewer, IReadOnlySet<string> readableTypes) =>
        QueuePartsOf(db, viewer, readableTypes).Aggregate((queue, part) => queue.Concat(part));

    /// <summary>
    /// <see cref="QueueOf"/> as its two disjoint parts, the caller's own entries and their office's, for
    /// <c>myQueue</c>'s pages (<see cref="SenGraph.Contracts.Querying.QueryableConnectionExtensions"/>):
    /// each part is one range of the recipients' <c>(Kind, Code, …)</c> indexes, read in order and only as far as the page,
    /// where one <c>OR</c> of the two would sort the whole queue.
    /// </summary>
    public static IReadOnlyList<IQueryable<ReportRecipient>> QueuePartsOf(SenDbContext db, ReportViewer viewer, IReadOnlySet<string> readableTypes)
    {
        if (!viewer.IsAuthenticated || readableTypes.Count == 0) return [db.ReportRecipients.Where(_ => false)];
        var types = readableTypes.ToList();
        IQueryable<ReportRecipient> Part(RecipientKind kind, string code) =>
            db.ReportRecipients.Where(r => r.Kind == kind && r.Code == code && db.Reports.Any(x => x.Id == r.ReportId && types.Contains(x.Type)));
        return [Part(RecipientKind.User, viewer.UserName!), Part(RecipientKind.Office, viewer.Office ?? "")];
    }

    private async Task<QueueOutcome> MarkAsync(
        ISchema schema, ClaimsPrincipal user, Guid id, string field, Action<ReportRecipient, DateTimeOffset> mark, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var readable = await access.ReadableTypesAsync(schema, user);
        var entries = await QueueOf(db, ReportViewer.From(user), readable).Where(r => r.ReportId == id).OrderBy(r => r.QueuedAt).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            // Not in the caller's queues. When the report exists and the caller may not see it at all, that is a denied
            // attempt (listed in the request's AccessDenied record); one they may see but that was not sent to them is not.
            var types = readable.ToList();
            if (AuditScope.Current is { } audit && await db.Reports.AnyAsync(r => r.Id == id, cancellationToken)
                && !await db.Reports.Where(r => types.Contains(r.Type)).VisibleTo(db.ReportRecipients, reportTypes.ViewerOf(schema, user))
                    .AnyAsync(r => r.Id == id, cancellationToken))
                audit.NoteDeniedLookup(field, id);
            return new QueueOutcome([], [UserError.ForField(WorkflowErrorCodes.NotFound, "This report is not in your queue or your office's.", "id")]);
        }
        var now = clock.GetUtcNow();
        foreach (var entry in entries) mark(entry, now);
        await db.SaveChangesAsync(cancellationToken);
        return new QueueOutcome(entries, []);
    }

    private delegate Task<IReadOnlyList<UserError>> Apply(SenDbContext db, Report report, ReportViewer viewer, IReportType type);

    /// <summary>Reads what <paramref name="step"/> needs, asks it (<see cref="ReportStep.Decide"/>), and writes only when it agrees.</summary>
    private async Task<Outcome> StepAsync(
        ISchema schema, ClaimsPrincipal user, Guid id, int expectedVersion, ReportStep step, Apply apply, CancellationToken cancellationToken)
    {
        var viewer = reportTypes.ViewerOf(schema, user);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.VisibleTo(db.ReportRecipients, viewer).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        // Out of scope, of a type the caller may not read, or of a type whose module is not loaded (its read policy
        // cannot be asked): all answered as a report that does not exist.
        if (report is null || !reportTypes.Of(schema).TryGetValue(report.Type, out var type) || !await access.CanAsync(schema, user, type, ReportOperation.Read))
        {
            // One that exists is a denied attempt: listed in the request's AccessDenied record.
            if (AuditScope.Current is { } audit && (report is not null || await db.Reports.AnyAsync(r => r.Id == id, cancellationToken)))
                audit.NoteDeniedLookup(step.Name, id);
            return new Outcome(null, step.Decide(null, null, new ReportStepCaller(viewer.UserName, viewer.Office), expectedVersion).Errors);
        }

        var reviewing = step.Action is ReportAction.Return or ReportAction.Approve;
        var caller = new ReportStepCaller(viewer.UserName, viewer.Office,
            HoldsPolicy: await access.CanAsync(schema, user, type, reviewing ? ReportOperation.Review : ReportOperation.Author));
        // Only submission depends on it: a draft is submitted directly unless the type or the office requires review.
        var reviewMandatory = step.Action == ReportAction.Submit
            && (type.ReviewMandatory || await db.Offices.AnyAsync(o => o.Code == report.OriginatingOffice && o.ReviewMandatory, cancellationToken));
        var decision = step.Decide(report, type.Code, caller, expectedVersion, reviewMandatory);
        if (!decision.Succeeded) return new Outcome(null, decision.Errors);

        var errors = await apply(db, report, viewer, type);
        if (errors.Count > 0) return new Outcome(null, errors);
        report.Status = decision.Value;
        report.Touch(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // A step that allocated a number opened the transaction itself (ReportCounters); it commits with the changes.
            if (db.Database.CurrentTransaction is { } transaction) await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Failed(step.Conflict(null));
        }

        return new Outcome(report, []);
    }
}
