using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Kernel.Records;

/// <summary>What a disposition run is asked to do.</summary>
/// <param name="AsOf">The day the run acts on: reports whose transfer or destruction day is on or before it are due.</param>
/// <param name="DryRun">Count and list what is due without changing anything.</param>
/// <param name="AuthorisedBy">Who authorised the run (kept on every tombstone and in the audit trail).</param>
/// <param name="BatchSize">Reports per transaction.</param>
/// <param name="Progress">Told after every batch.</param>
public sealed record DispositionRequest(DateOnly AsOf, bool DryRun, string AuthorisedBy, int BatchSize = 500, IProgress<DispositionProgress>? Progress = null);

/// <summary>Where a run stands, after a batch.</summary>
public sealed record DispositionProgress(string Step, int Done, int Total);

/// <summary>What a run found and did, by report type.</summary>
public sealed record DispositionOutcome(Guid RunId, DateOnly AsOf, bool DryRun, IReadOnlyList<DispositionCount> ByType)
{
    public int DueForTransfer => ByType.Sum(t => t.DueForTransfer);
    public int Transferred => ByType.Sum(t => t.Transferred);
    public int DueForDestruction => ByType.Sum(t => t.DueForDestruction);
    public int Held => ByType.Sum(t => t.Held);
    public int Destroyed => ByType.Sum(t => t.Destroyed);

    public string Describe() =>
        $"Disposition {(DryRun ? "dry run" : "run")} {RunId} as of {AsOf:yyyy-MM-dd}: {DueForTransfer} due for transfer ({Transferred} marked transferred), "
        + $"{DueForDestruction} due for destruction ({Held} under legal hold, {Destroyed} destroyed)."
        + string.Concat(ByType.Select(t => $"\n  {t.Type}: transfer {t.DueForTransfer} due, {t.Transferred} marked; destruction {t.DueForDestruction} due, {t.Held} held, {t.Destroyed} destroyed"));
}

public sealed record DispositionCount(string Type, int DueForTransfer, int Transferred, int DueForDestruction, int Held, int Destroyed);

/// <summary>
/// Carries out the records schedule (PIA 3.2, 3.4): marks transferred the reports whose transfer day has come, and destroys those
/// whose destruction day has come and that no active legal hold names or matches. Destroying a report deletes its envelope (with it,
/// by the database's cascades, its people, contacts, narratives, revisions and its module's details and lists), its queue entries,
/// and whatever the module's purge hook removes (<see cref="IReportType.PurgeAsync"/>); it leaves a <see cref="RecordsTombstone"/>.
/// Each batch is one transaction with its audit records. A run can stop at any point (cancel it): what it committed stays done,
/// and running it again carries on with what is left.
/// </summary>
public sealed class RecordsDisposition(SenDatabase database, SchemaHost schemas, TimeProvider clock, ILogger<RecordsDisposition> logger)
{
    public async Task<DispositionOutcome> RunAsync(DispositionRequest request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.BatchSize, 1);
        if (string.IsNullOrWhiteSpace(request.AuthorisedBy)) throw new ArgumentException("A disposition run needs who authorised it.", nameof(request));
        var runId = Guid.NewGuid();
        using var audit = AuditScope.Current is null
            ? AuditScope.Begin(new AuditContext(request.AuthorisedBy) { OperationName = $"records disposition {runId}" })
            : null;
        var types = ReportTypesLoaded();
        foreach (var type in types.Values) await type.RecomputeRetentionAsync(cancellationToken);

        var counts = new Dictionary<string, (int DueTransfer, int Transferred, int DueDestroy, int Held, int Destroyed)>(StringComparer.Ordinal);
        await using (var db = database.CreateDbContext())
        {
            var holds = await ActiveHoldsAsync(db, cancellationToken);
            foreach (var row in await DueForTransfer(db, request.AsOf).GroupBy(r => r.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
                counts[row.Key] = counts.GetValueOrDefault(row.Key) with { DueTransfer = row.Count };
            var due = await DueForDestruction(db, request.AsOf).GroupBy(r => r.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var free = await NotHeld(db, DueForDestruction(db, request.AsOf), holds).GroupBy(r => r.Type).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            foreach (var row in due)
                counts[row.Key] = counts.GetValueOrDefault(row.Key) with { DueDestroy = row.Count, Held = row.Count - free.GetValueOrDefault(row.Key) };
        }

        if (!request.DryRun)
        {
            var totalTransfer = counts.Values.Sum(c => c.DueTransfer);
            var transferred = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var db = database.CreateDbContext();
                var batch = await DueForTransfer(db, request.AsOf).OrderBy(r => r.Id).Select(r => new { r.Id, r.Type }).Take(request.BatchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                await TransferAsync(db, batch.Select(r => r.Id).ToList(), request.AsOf);
                foreach (var group in batch.GroupBy(r => r.Type)) counts[group.Key] = counts.GetValueOrDefault(group.Key) with { Transferred = counts.GetValueOrDefault(group.Key).Transferred + group.Count() };
                transferred += batch.Count;
                request.Progress?.Report(new DispositionProgress("transfer", transferred, totalTransfer));
            }

            var totalDestroy = counts.Values.Sum(c => c.DueDestroy - c.Held);
            var destroyed = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var db = database.CreateDbContext();
                var holds = await ActiveHoldsAsync(db, cancellationToken);
                var batch = await NotHeld(db, DueForDestruction(db, request.AsOf), holds).OrderBy(r => r.Id).Take(request.BatchSize)
                    .Select(r => new RecordsTombstone
                    {
                        ReportId = r.Id, Number = r.Number, Type = r.Type, CreatedAt = r.CreatedAt, SubmittedAt = r.SubmittedAt, CutOff = r.RetentionCutOff,
                        TransferOn = r.RetentionTransferOn, DestroyOn = r.RetentionDestroyOn, TransferredAt = r.TransferredAt, AuthorisedBy = request.AuthorisedBy,
                        RunId = runId,
                    })
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                await DestroyAsync(db, batch, types, cancellationToken);
                foreach (var group in batch.GroupBy(r => r.Type)) counts[group.Key] = counts.GetValueOrDefault(group.Key) with { Destroyed = counts.GetValueOrDefault(group.Key).Destroyed + group.Count() };
                destroyed += batch.Count;
                request.Progress?.Report(new DispositionProgress("destruction", destroyed, totalDestroy));
            }
        }

        var outcome = new DispositionOutcome(runId, request.AsOf, request.DryRun, counts.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new DispositionCount(c.Key, c.Value.DueTransfer, c.Value.Transferred, c.Value.DueDestroy, c.Value.Held, c.Value.Destroyed)).ToList());
        logger.LogInformation("{Outcome}", outcome.Describe());
        return outcome;
    }

    /// <summary>Reports due for transfer on <paramref name="asOf"/> and not yet marked.</summary>
    public static IQueryable<Report> DueForTransfer(SenDbContext db, DateOnly asOf) =>
        db.Reports.Where(r => r.RetentionTransferOn != null && r.RetentionTransferOn <= asOf && r.TransferredAt == null);

    /// <summary>Reports due for destruction on <paramref name="asOf"/>, held or not.</summary>
    public static IQueryable<Report> DueForDestruction(SenDbContext db, DateOnly asOf) =>
        db.Reports.Where(r => r.RetentionDestroyOn != null && r.RetentionDestroyOn <= asOf);

    /// <summary>The active legal holds.</summary>
    public static Task<List<LegalHold>> ActiveHoldsAsync(SenDbContext db, CancellationToken cancellationToken) =>
        db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null).ToListAsync(cancellationToken);

    /// <summary><paramref name="reports"/> without those an active hold in <paramref name="holds"/> names or matches.</summary>
    public static IQueryable<Report> NotHeld(SenDbContext db, IQueryable<Report> reports, IReadOnlyList<LegalHold> holds)
    {
        var ids = holds.Select(h => h.Id).ToList();
        if (ids.Count == 0) return reports;
        var named = db.Set<LegalHoldReport>();
        reports = reports.Where(r => !named.Any(n => n.ReportId == r.Id && ids.Contains(n.LegalHoldId)));
        foreach (var hold in holds.Where(h => h.HasMatch))
        {
            var type = hold.MatchType;
            var from = hold.MatchEventFrom;
            var to = hold.MatchEventTo;
            reports = reports.Where(r => !((type == null || r.Type == type)
                && (from == null || (r.EventAt != null && r.EventAt >= from))
                && (to == null || (r.EventAt != null && r.EventAt < to))));
        }
        return reports;
    }

    /// <summary>
    /// Marks the reports <paramref name="ids"/> transferred with one UPDATE, and appends an audit record per report (as a
    /// <c>SaveChanges</c> would: Update of Reports, column TransferredAt) in the same transaction.
    /// </summary>
    private async Task TransferAsync(SenDbContext db, List<Guid> ids, DateOnly asOf)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var marked = await db.Reports.Where(r => ids.Contains(r.Id) && r.TransferredAt == null && r.RetentionTransferOn != null && r.RetentionTransferOn <= asOf)
            .Select(r => r.Id).ToListAsync(CancellationToken.None);
        await db.Reports.Where(r => marked.Contains(r.Id)).ExecuteUpdateAsync(u => u.SetProperty(r => r.TransferredAt, now), CancellationToken.None);
        var last = await AuditChain.AppendAsync(db.Database, [.. marked.Select(id => Audited(AuditActions.Update, ReportsTable, id, "columns: TransferredAt"))],
            now, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        if (last > 0) database.AuditCommits.Note(db.Database.GetDbConnection(), last);
    }

    /// <summary>
    /// Destroys one batch in one transaction, set-based: the tombstones (inserted through the context, so audited by its interceptor),
    /// then one DELETE of the batch's queue entries and one of its envelopes (the database's cascades take the people, contacts,
    /// narratives, revisions and the modules' details and lists), and an audit record per row deleted, as a <c>SaveChanges</c>
    /// would write them. The modules' purge hooks run first: idempotent, so a run that stops before the envelopes go purges again.
    /// </summary>
    private async Task DestroyAsync(SenDbContext db, List<RecordsTombstone> batch, IReadOnlyDictionary<string, IReportType> types,
        CancellationToken cancellationToken)
    {
        foreach (var group in batch.GroupBy(r => r.Type))
        {
            if (types.TryGetValue(group.Key, out var type)) await type.PurgeAsync(group.Select(r => r.ReportId).ToList(), cancellationToken);
        }

        var now = clock.GetUtcNow();
        var ids = batch.Select(r => r.ReportId).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        foreach (var tombstone in batch) tombstone.DestroyedAt = now;
        db.RecordsTombstones.AddRange(batch);
        await db.SaveChangesAsync(CancellationToken.None);
        var recipients = await db.ReportRecipients.Where(q => ids.Contains(q.ReportId)).Select(q => q.Id).ToListAsync(CancellationToken.None);
        await db.ReportRecipients.Where(q => ids.Contains(q.ReportId)).ExecuteDeleteAsync(CancellationToken.None);
        await db.Reports.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(CancellationToken.None);
        var last = await AuditChain.AppendAsync(db.Database,
            [.. recipients.Select(id => Audited(AuditActions.Delete, RecipientsTable, id, null)), .. ids.Select(id => Audited(AuditActions.Delete, ReportsTable, id, null))],
            now, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        database.AuditCommits.Note(db.Database.GetDbConnection(), last);
    }

    private const string ReportsTable = "Reports";
    private const string RecipientsTable = "ReportRecipients";

    /// <summary>An audit record of a row changed by a set-based statement, worded as <see cref="AuditSaveChangesInterceptor"/> words one.</summary>
    private static AuditEntry Audited(string action, string table, Guid id, string? details)
    {
        var scope = AuditScope.Current ?? throw new AuditException("A disposition run writes inside an audit scope.");
        return new AuditEntry(scope.UserName, action, table, id.ToString(), scope.OperationName, scope.RequestId, null, details);
    }

    private IReadOnlyDictionary<string, IReportType> ReportTypesLoaded()
    {
        var types = new Dictionary<string, IReportType>(StringComparer.Ordinal);
        foreach (var module in schemas.Current.LoadedModules)
        {
            foreach (var type in module.Services.GetServices<IReportType>()) types.TryAdd(type.Code, type);
        }
        return types;
    }
}
