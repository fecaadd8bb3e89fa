using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Schema;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// The executor of the lifecycle steps that write a module's fields: drafting, editing, amending and designated updates
/// of reports of one type, in the module's own database, because a module's fields live in its own context (the envelope
/// steps, review and submission, are executed by the host's <c>ReportWorkflow</c> against the host's database). What each
/// step checks, in which order, and every error it answers are the workflow engine's (<see cref="ReportStep"/>); this
/// class validates the fields, reads the report, asks the engine and writes envelope and details together in one
/// <c>SaveChanges</c> only when it agrees. Envelope and details are validated together, every error reported at once.
/// </summary>
/// <remarks>
/// An amendment is published to every module as a <see cref="Modules.Events.ReportAmendedEvent"/> once stored.
/// Over 300 lines on purpose: drafting, editing, designated updates and amending share one validation, one way of
/// keeping a revision and one way of writing envelope and details together; split, each would repeat them.
/// </remarks>
public sealed class ReportDrafts<TContext, TReport>(
    IDbContextFactory<TContext> databases, ReportType<TContext, TReport> type, TimeProvider clock, Modules.Events.IModuleEvents? moduleEvents = null)
    where TContext : DbContext
    where TReport : Report
{
    /// <summary>Kept for modules built against contracts 1.6: use <see cref="WorkflowErrorCodes.NotFound"/>.</summary>
    public const string NotFound = WorkflowErrorCodes.NotFound;

    /// <summary>Kept for modules built against contracts 1.6: use <see cref="WorkflowErrorCodes.Conflict"/>.</summary>
    public const string Conflict = WorkflowErrorCodes.Conflict;

    /// <summary>Kept for modules built against contracts 1.6: use <see cref="WorkflowErrorCodes.NotAuthorized"/>.</summary>
    public const string NotAuthorized = WorkflowErrorCodes.NotAuthorized;

    /// <summary>The reports of this type the viewer may see (<see cref="ReportVisibility"/>), for queries.</summary>
    public IQueryable<TReport> Visible(TContext db, ReportViewer viewer) => VisibleTracked(db, viewer).AsNoTracking();

    private IQueryable<TReport> VisibleTracked(TContext db, ReportViewer viewer) =>
        db.Set<TReport>().Where(r => r.Type == type.Code).VisibleTo(db.Set<ReportRecipient>(), viewer.ReadingInFull([type]));

    /// <summary>
    /// One report the viewer may see, or null (whether it does not exist or is out of scope). A report of this type that
    /// exists but is out of scope is noted in the request's audit (<see cref="Auditing.AuditContext.NoteDeniedLookup"/>) as
    /// asked for through <paramref name="field"/>.
    /// </summary>
    public async Task<TReport?> FindAsync(ReportViewer viewer, Guid id, string field, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var report = await Visible(db, viewer).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null) await NoteIfHiddenAsync(db, field, id, cancellationToken);
        return report;
    }

    /// <summary>As <see cref="FindAsync(ReportViewer, Guid, string, CancellationToken)"/>, naming the lookup by the type's code.</summary>
    public Task<TReport?> FindAsync(ReportViewer viewer, Guid id, CancellationToken cancellationToken) => FindAsync(viewer, id, type.Code, cancellationToken);

    /// <summary>
    /// Notes in the current audit scope that <paramref name="field"/> asked for <paramref name="id"/>, a report of this type
    /// that exists but was answered as absent; an id that names no such report is not a denied access.
    /// </summary>
    private async Task NoteIfHiddenAsync(TContext db, string field, Guid id, CancellationToken cancellationToken)
    {
        if (Auditing.AuditScope.Current is not { } audit) return;
        if (await db.Set<TReport>().AsNoTracking().AnyAsync(r => r.Id == id && r.Type == type.Code, cancellationToken)) audit.NoteDeniedLookup(field, id);
    }

    /// <summary>A new DRAFT by the viewer, in the viewer's office.</summary>
    public async Task<ReportOutcome<TReport>> CreateAsync(
        ReportViewer viewer, ReportEnvelopeInput envelope, ReportDetails<TReport> details, CancellationToken cancellationToken)
    {
        if (viewer.Office is null)
            return ReportOutcome<TReport>.Failed(new UserError(WorkflowErrorCodes.NoOffice, "Your token names no office; a report belongs to an office.", ["input"]));
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (input, errors) = await ValidateAsync(db, envelope, details, now, cancellationToken);
        if (errors.Count == 0 && await SupervisorElsewhereAsync(db, input.Supervisor, viewer.Office, cancellationToken) is { } elsewhere) errors.Add(elsewhere);
        if (errors.Count > 0) return new ReportOutcome<TReport>(null, errors);

        var report = NewDraft(viewer.Office, viewer.UserName!, input, details, now);
        db.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return new ReportOutcome<TReport>(report, []);
    }

    /// <summary>
    /// A new DRAFT by the viewer as <see cref="CreateAsync"/> would store it, built in memory and not stored, for bulk
    /// writers (<c>seed generate</c>): the envelope and module fields are validated as a user's are, but the people it
    /// names (supervisor, action officer) are not looked up in the directory, so the caller names only known users.
    /// </summary>
    public ReportOutcome<TReport> Build(ReportViewer viewer, ReportEnvelopeInput envelope, ReportDetails<TReport> details, DateTimeOffset now)
    {
        if (viewer.Office is null || viewer.UserName is null)
            return ReportOutcome<TReport>.Failed(new UserError(WorkflowErrorCodes.NoOffice, "A report belongs to an office and an author.", ["input"]));
        var validation = ReportEnvelopeValidator.Validate(envelope, now);
        var errors = validation.Errors.Concat(details.Errors).ToList();
        if (errors.Count > 0) return new ReportOutcome<TReport>(null, errors);
        return new ReportOutcome<TReport>(NewDraft(viewer.Office, viewer.UserName, WithPeopleNormalized(validation.Input), details, now), []);
    }

    /// <summary>
    /// Amends <paramref name="report"/>, built by <see cref="Build"/> and not yet stored, as <see cref="AmendAsync"/> would:
    /// the report as it was becomes a <see cref="ReportRevision"/> in <see cref="Report.Revisions"/>, the revision number
    /// increments and the new fields apply. Errors leave the report as it was.
    /// </summary>
    public IReadOnlyList<UserError> AmendBuilt(TReport report, string reason, ReportEnvelopeInput envelope, ReportDetails<TReport> details, DateTimeOffset now)
    {
        var validation = ReportEnvelopeValidator.Validate(envelope, now);
        var errors = validation.Errors.Concat(details.Errors).ToList();
        if (errors.Count > 0) return errors;
        report.Revisions.Add(NextRevision(report, report.Author, reason, now));
        WithPeopleNormalized(validation.Input).ApplyTo(report);
        details.Apply(report);
        report.Touch(now);
        return [];
    }

    private static ReportEnvelopeInput WithPeopleNormalized(ReportEnvelopeInput input) => input with
    {
        Supervisor = input.Supervisor is { } s ? DirectoryRules.NormalizeUserName(s) : null,
        ActionOfficer = input.ActionOfficer is { } a ? DirectoryRules.NormalizeUserName(a) : null,
    };

    private TReport NewDraft(string office, string author, ReportEnvelopeInput input, ReportDetails<TReport> details, DateTimeOffset now)
    {
        var report = Activator.CreateInstance<TReport>();
        report.Id = RowKeys.New();
        report.Type = type.Code;
        report.Status = ReportStatus.Draft;
        report.OriginatingOffice = office;
        report.Author = author;
        report.CreatedAt = now;
        report.UpdatedAt = now;
        report.Version = 1;
        input.ApplyTo(report);
        details.Apply(report);
        return report;
    }

    /// <summary>Replaces the fields of a DRAFT or RETURNED report of the viewer's, if it is still at <paramref name="expectedVersion"/>.</summary>
    public Task<ReportOutcome<TReport>> UpdateAsync(
        ReportViewer viewer, Guid id, int expectedVersion, ReportEnvelopeInput envelope, ReportDetails<TReport> details, CancellationToken cancellationToken) =>
        ChangeAsync(viewer, id, expectedVersion, envelope, details, ReportStep.Edit, reason: null, cancellationToken);

    /// <summary>
    /// Changes a SUBMITTED report of the viewer's: the report as it was is kept as a <see cref="ReportRevision"/>
    /// (readable through <c>revisions</c>), <see cref="Report.Revision"/> increments, and every recipient's
    /// queue entry becomes unread again.
    /// </summary>
    public Task<ReportOutcome<TReport>> AmendAsync(
        ReportViewer viewer, Guid id, int expectedVersion, string reason, ReportEnvelopeInput envelope, ReportDetails<TReport> details, CancellationToken cancellationToken) =>
        ChangeAsync(viewer, id, expectedVersion, envelope, details, ReportStep.Amend, reason, cancellationToken);

    /// <summary>
    /// Changes some fields of a SUBMITTED report on behalf of its author or one of its <paramref name="updaters"/> (who must
    /// see it): like an amendment, the report as it was is kept as a <see cref="ReportRevision"/> with who, when and why,
    /// and <see cref="Report.Revision"/> increments; the envelope is not touched and recipients' queues are left as they are.
    /// </summary>
    /// <param name="viewer">Who updates.</param>
    /// <param name="id">The report.</param>
    /// <param name="expectedVersion">The version the change was based on; another is a <c>CONFLICT</c>.</param>
    /// <param name="reason">Why, kept with the revision.</param>
    /// <param name="what">What is updated, for errors (e.g. <c>disposition</c>).</param>
    /// <param name="updaters">Who besides the author may update it.</param>
    /// <param name="details">The module's fields to write.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    public async Task<ReportOutcome<TReport>> UpdateDesignatedAsync(
        ReportViewer viewer, Guid id, int expectedVersion, string reason, string what, DesignatedUpdaters updaters, ReportDetails<TReport> details,
        CancellationToken cancellationToken)
    {
        var step = ReportStep.DesignatedUpdate(what, updaters.Describe());
        var now = clock.GetUtcNow();
        var reasonRule = step.Reason(reason);
        List<UserError> errors = [.. details.Errors, .. reasonRule.Errors];
        if (errors.Count > 0) return new ReportOutcome<TReport>(null, errors);

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var report = await FindTrackedAsync(db, viewer, id, cancellationToken);
        var caller = new ReportStepCaller(viewer.UserName, viewer.Office, HoldsPolicy: report is not null && await updaters.IncludeAsync(db, report, viewer, cancellationToken));
        var decision = step.Decide(report, type.Code, caller, expectedVersion);
        if (!decision.Succeeded) return new ReportOutcome<TReport>(null, decision.Errors);

        if (details.LoadAsync is { } load) await load(db, report!, cancellationToken);
        db.Add(NextRevision(report!, viewer.UserName!, reasonRule.Value, now));
        details.Apply(report!);
        if (details.Verify?.Invoke(report!) is { Count: > 0 } broken) return new ReportOutcome<TReport>(null, broken);
        return await SaveAsync(db, step, report!, now, cancellationToken);
    }

    private async Task<ReportOutcome<TReport>> ChangeAsync(
        ReportViewer viewer, Guid id, int expectedVersion, ReportEnvelopeInput envelope, ReportDetails<TReport> details,
        ReportStep step, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (input, errors) = await ValidateAsync(db, envelope, details, now, cancellationToken);
        var reasonRule = step.Reason(reason);
        errors.AddRange(reasonRule.Errors);
        if (errors.Count > 0) return new ReportOutcome<TReport>(null, errors);

        var report = await FindTrackedAsync(db, viewer, id, cancellationToken);
        if (report is null) await NoteIfHiddenAsync(db, step.Name + " " + type.Code, id, cancellationToken);
        var decision = step.Decide(report, type.Code, new ReportStepCaller(viewer.UserName, viewer.Office), expectedVersion);
        if (!decision.Succeeded) return new ReportOutcome<TReport>(null, decision.Errors);
        if (await SupervisorElsewhereAsync(db, input.Supervisor, report!.OriginatingOffice, cancellationToken) is { } elsewhere)
            return ReportOutcome<TReport>.Failed(elsewhere);

        if (details.LoadAsync is { } load) await load(db, report, cancellationToken);
        if (step.Action == ReportAction.Amend)
        {
            db.Add(NextRevision(report, viewer.UserName!, reasonRule.Value, now));
            await db.Set<ReportRecipient>().Where(r => r.ReportId == report.Id).ForEachAsync(r =>
            {
                r.ReadAt = null;
                r.AcknowledgedAt = null;
            }, cancellationToken);
        }

        input.ApplyTo(report);
        details.Apply(report);
        var outcome = await SaveAsync(db, step, report, now, cancellationToken);
        if (outcome.Report is not null && step.Action == ReportAction.Amend && moduleEvents is not null)
        {
            await moduleEvents.PublishAsync(new Modules.Events.ReportAmendedEvent(report.Id, report.Type, report.Number, report.Revision, viewer.UserName!,
                reasonRule.Value!, now), CancellationToken.None);
        }

        return outcome;
    }

    /// <summary>The report with the lists a revision's snapshot holds, tracked, if the viewer may see it.</summary>
    private Task<TReport?> FindTrackedAsync(TContext db, ReportViewer viewer, Guid id, CancellationToken cancellationToken) =>
        VisibleTracked(db, viewer).Include(r => r.People).Include(r => r.Contacts).Include(r => r.Narratives)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The report as it is now, kept as a revision by <paramref name="by"/> for <paramref name="reason"/>; its revision number moves on.</summary>
    private ReportRevision NextRevision(TReport report, string by, string? reason, DateTimeOffset now)
    {
        var revision = new ReportRevision
        {
            Id = RowKeys.New(),
            ReportId = report.Id,
            Revision = report.Revision,
            SnapshotJson = type.WriteSnapshot(report),
            CreatedAt = now,
            CreatedBy = by,
            Reason = reason,
        };
        report.Revision++;
        return revision;
    }

    /// <summary>Stores the changed report; a concurrent write that won first is the step's <c>CONFLICT</c> and nothing is stored.</summary>
    private static async Task<ReportOutcome<TReport>> SaveAsync(TContext db, ReportStep step, TReport report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        report.Touch(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReportOutcome<TReport>.Failed(step.Conflict(null));
        }

        return new ReportOutcome<TReport>(report, []);
    }

    /// <summary>Envelope, people named as supervisor and action officer, and the module's fields; every error at once.</summary>
    private static async Task<(ReportEnvelopeInput Input, List<UserError> Errors)> ValidateAsync(
        TContext db, ReportEnvelopeInput envelope, ReportDetails<TReport> details, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var validation = ReportEnvelopeValidator.Validate(envelope, now);
        var input = WithPeopleNormalized(validation.Input);
        var errors = validation.Errors.ToList();
        if (input.Supervisor is { } supervisor && !errors.Any(e => e.Path.LastOrDefault() == "supervisor")
            && !await db.Set<DirectoryUser>().AnyAsync(u => u.UserName == supervisor && !u.Disabled && u.Roles.Any(r => r.Role == DirectoryRoles.Supervisor), cancellationToken))
            errors.Add(new UserError(WorkflowErrorCodes.UnknownSupervisor, $"'{supervisor}' is not an active user with the Supervisor role.", ["input", "supervisor"]));
        if (input.ActionOfficer is { } officer && !errors.Any(e => e.Path.LastOrDefault() == "actionOfficer")
            && !await db.Set<DirectoryUser>().AnyAsync(u => u.UserName == officer && !u.Disabled, cancellationToken))
            errors.Add(new UserError(WorkflowErrorCodes.UnknownUser, $"'{officer}' is not an active user.", ["input", "actionOfficer"]));
        errors.AddRange(details.Errors);
        return (input, errors);
    }

    /// <summary>
    /// The supervisor a report names reviews it, so must work where it is reviewed: in its office or the office above
    /// (a RAC's SAC). Otherwise an author could pick a reviewer anywhere in the agency.
    /// </summary>
    private static async Task<UserError?> SupervisorElsewhereAsync(TContext db, string? supervisor, string office, CancellationToken cancellationToken)
    {
        if (supervisor is null) return null;
        var parent = await db.Set<Office>().Where(o => o.Code == office).Select(o => o.ParentCode).SingleOrDefaultAsync(cancellationToken);
        var theirs = await db.Set<DirectoryUser>().Where(u => u.UserName == supervisor).Select(u => u.OfficeCode).SingleOrDefaultAsync(cancellationToken);
        return theirs == office || (parent is not null && theirs == parent)
            ? null
            : new UserError(WorkflowErrorCodes.SupervisorNotInOffice, $"'{supervisor}' supervises neither the report's office ({office}) nor the office above it.", ["input", "supervisor"]);
    }
}
