using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Host.Modules;
using SenGraph.Host.Workflow;

namespace SenGraph.Host.Records;

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
public sealed class RecordsDisposition(WorkflowDatabase database, SchemaHost schemas, TimeProvider clock, ILogger<RecordsDisposition> logger)
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
                var batch = await DueForTransfer(db, request.AsOf).OrderBy(r => r.Id).Take(request.BatchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                var now = clock.GetUtcNow();
                foreach (var report in batch) report.TransferredAt = now;
                await db.SaveChangesAsync(CancellationToken.None);
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
                var batch = await NotHeld(db, DueForDestruction(db, request.AsOf), holds).OrderBy(r => r.Id).Take(request.BatchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                await DestroyAsync(db, batch, types, request.AuthorisedBy, runId, cancellationToken);
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
    public static IQueryable<Report> DueForTransfer(WorkflowDbContext db, DateOnly asOf) =>
        db.Reports.Where(r => r.RetentionTransferOn != null && r.RetentionTransferOn <= asOf && r.TransferredAt == null);

    /// <summary>Reports due for destruction on <paramref name="asOf"/>, held or not.</summary>
    public static IQueryable<Report> DueForDestruction(WorkflowDbContext db, DateOnly asOf) =>
        db.Reports.Where(r => r.RetentionDestroyOn != null && r.RetentionDestroyOn <= asOf);

    /// <summary>The active legal holds.</summary>
    public static Task<List<LegalHold>> ActiveHoldsAsync(WorkflowDbContext db, CancellationToken cancellationToken) =>
        db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null).ToListAsync(cancellationToken);

    /// <summary><paramref name="reports"/> without those an active hold in <paramref name="holds"/> names or matches.</summary>
    public static IQueryable<Report> NotHeld(WorkflowDbContext db, IQueryable<Report> reports, IReadOnlyList<LegalHold> holds)
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

    private async Task DestroyAsync(WorkflowDbContext db, List<Report> batch, IReadOnlyDictionary<string, IReportType> types, string authorisedBy, Guid runId,
        CancellationToken cancellationToken)
    {
        // The modules' purge hooks first (their own data beyond the tables that cascade): idempotent, so a run that stops
        // before the envelope goes simply purges again.
        foreach (var group in batch.GroupBy(r => r.Type))
        {
            if (types.TryGetValue(group.Key, out var type)) await type.PurgeAsync(group.Select(r => r.Id).ToList(), cancellationToken);
        }

        var now = clock.GetUtcNow();
        var ids = batch.Select(r => r.Id).ToList();
        db.ReportRecipients.RemoveRange(await db.ReportRecipients.Where(q => ids.Contains(q.ReportId)).ToListAsync(cancellationToken));
        foreach (var report in batch)
        {
            db.RecordsTombstones.Add(new RecordsTombstone
            {
                ReportId = report.Id, Number = report.Number, Type = report.Type, CreatedAt = report.CreatedAt, SubmittedAt = report.SubmittedAt,
                CutOff = report.RetentionCutOff, TransferOn = report.RetentionTransferOn, DestroyOn = report.RetentionDestroyOn,
                TransferredAt = report.TransferredAt, DestroyedAt = now, AuthorisedBy = authorisedBy, RunId = runId,
            });
            db.Reports.Remove(report);
        }
        // One transaction: the tombstones, the deletions and their audit records (AuditSaveChangesInterceptor), or none of them.
        await db.SaveChangesAsync(CancellationToken.None);
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
