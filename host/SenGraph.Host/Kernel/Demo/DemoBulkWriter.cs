using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Workflow;

namespace SenGraph.Host.Kernel.Demo;

/// <summary>Reports written out of all planned, and how many batches.</summary>
public sealed record DemoBulkProgress(int Written, int Total);

/// <summary>
/// Writes many demo reports fast (<c>seed generate</c>): the same plans as <see cref="DemoSeeder"/> (types, authors,
/// offices, workflow states, 18 months), but each report is built by its module's drafting rules in memory
/// (<see cref="IDemoReports.Build"/>), taken to its final state here (review, return, approval, submission with its
/// number and routed and named recipients, queue marks by the IROC, amendment with its revision) and stored in batches:
/// one transaction per batch of <see cref="BatchSize"/> reports of a type, with every row audited (one record per row,
/// appended to the hash chain by <see cref="AuditChain"/> in the same transaction, so the chain verifies) and the number
/// counters raised in the same transaction. Batches are built and stored one after the other on one thread, and on SQLite the
/// module stores a batch with multi-row INSERTs rather than EF Core's change tracker and update pipeline (bench/RESULTS.md, <c>seed generate</c>). No events are published (nobody is subscribed to a seeding). Numbers are
/// allocated from the counters read at the start: run it against a database no host is submitting to at the same time.
/// </summary>
public sealed class DemoBulkWriter(SenDatabase database, DemoPlanner planner, TimeProvider clock)
{
    public const string Operation = "seed generate";

    /// <summary>
    /// Reports per transaction. Large, because a commit writes every page the batch dirtied: the indexes on values spread at
    /// random (people's names, dates of birth, A-numbers) are dirtied all over on every batch, and fewer, larger batches write
    /// them fewer times (1M reports: 470 s with 5,000 and a 1 GiB page cache, bench/RESULTS.md).
    /// </summary>
    public const int BatchSize = 5_000;

    private const string ReturnReason = "Add the suspect's date of birth and the case reference before this goes out.";

    /// <summary>One batch built and ready to store: its reports, their queue entries and the counters it raises.</summary>
    private sealed record Batch(IDemoReports Demo, List<Report> Reports, List<ReportRecipient> Recipients, List<(string Type, int FiscalYear, int Last)> Counters);

    public async Task<DemoSeedResult> WriteAsync(int reports, IProgress<DemoBulkProgress>? progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var planned = await planner.PlanAsync(new DemoSeedRequest(reports, OnlyTypesWithoutReports: false), now, cancellationToken);
        var total = planned.Types.Sum(t => t.Count);
        var counters = await CountersAsync(cancellationToken);
        var routes = new Dictionary<(string Type, string Office), IReadOnlyList<RecipientRef>>();
        var failed = 0;
        var written = 0;
        using var audit = AuditScope.Begin(new AuditContext(AuditContext.SystemUser) { OperationName = Operation });

        // Built and stored one batch after the other on this thread: handing batches to another thread (built while one is
        // stored) cost more CPU in idle pool workers spinning than it saved on a machine whose cores are busy (bench/RESULTS.md).
        foreach (var typePlan in planned.Types)
        {
            for (var start = 0; start < typePlan.Count; start += BatchSize)
            {
                var (batch, failures) = await BuildAsync(typePlan, start, counters, routes, planned, now, cancellationToken);
                failed += failures;
                var values = batch.Counters;
                await batch.Demo.InsertAsync(batch.Reports, batch.Recipients, (db, ct) => RaiseCountersAsync(db, values, ct), cancellationToken);
                written += batch.Reports.Count;
                progress?.Report(new DemoBulkProgress(written, total));
            }
        }

        return new DemoSeedResult(planned.Written, planned.Skipped, failed);
    }

    /// <summary>Builds reports <paramref name="start"/> to <paramref name="start"/> + <see cref="BatchSize"/> of a type, numbered from <paramref name="counters"/>.</summary>
    private async Task<(Batch Batch, int Failed)> BuildAsync(DemoTypePlan typePlan, int start, Dictionary<(string Type, int FiscalYear), int> counters,
        Dictionary<(string Type, string Office), IReadOnlyList<RecipientRef>> routes, DemoPlans planned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failed = 0;
        var batch = new List<Report>(BatchSize);
        var recipients = new List<ReportRecipient>();
        var raised = new HashSet<(string Type, int FiscalYear)>();
        for (var i = start; i < Math.Min(typePlan.Count, start + BatchSize); i++)
        {
            var plan = typePlan.Plan(i);
            var built = plan.Type.Build(plan.Request, plan.DraftedAt);
            if (built.Report is not { } report)
            {
                failed++;
                continue;
            }

            var submitAt = Advance(report, plan);
            if (submitAt is { } at)
            {
                var fiscalYear = ReportNumber.FiscalYear(at);
                var key = (report.Type, fiscalYear);
                counters[key] = counters.GetValueOrDefault(key) + 1;
                raised.Add(key);
                report.Number = ReportNumber.Format(report.Type, fiscalYear, counters[key]);
                if (!routes.TryGetValue((report.Type, report.OriginatingOffice), out var routed))
                    routes[(report.Type, report.OriginatingOffice)] = routed = await RouteAsync(typePlan.Type, report.OriginatingOffice, cancellationToken);
                recipients.AddRange(Queue(report, plan, routed, at, planned));
                if (plan.State == DemoState.Amended && plan.Type.AmendBuilt(report, plan.Request, Min(plan.DraftedAt + TimeSpan.FromDays(6), now - TimeSpan.FromHours(1))).Count > 0)
                {
                    failed++;
                    continue;
                }
            }

            batch.Add(report);
        }

        return (new Batch(typePlan.Demo, batch, recipients, [.. raised.Select(k => (k.Type, k.FiscalYear, counters[k]))]), failed);
    }

    /// <summary>Takes a drafted report through the steps of its plan, as <see cref="DemoSeeder"/> does through the workflow; returns when it was submitted.</summary>
    private static DateTimeOffset? Advance(Report report, DemoReportPlan plan)
    {
        var t = plan.DraftedAt;
        if (plan.State == DemoState.Draft) return null;
        var reviewed = plan.Reviewer is not null && plan.State != DemoState.PendingReview;
        if (plan.Reviewer is not null || plan.State == DemoState.PendingReview)
        {
            report.Status = ReportStatus.PendingReview;
            report.ReturnReason = null;
            report.Touch(t + TimeSpan.FromHours(1));
        }

        if (plan.State == DemoState.PendingReview || !reviewed && !plan.IsSubmitted) return null;
        if (reviewed)
        {
            report.Status = plan.State == DemoState.Returned ? ReportStatus.Returned : ReportStatus.Approved;
            report.ReturnReason = plan.State == DemoState.Returned ? ReturnReason : null;
            report.Supervisor = plan.Reviewer!.UserName;
            report.Touch(t + TimeSpan.FromHours(3));
        }

        if (!plan.IsSubmitted) return null;
        var submitted = t + TimeSpan.FromHours(4);
        report.Status = ReportStatus.Submitted;
        report.SubmittedAt = submitted;
        report.Touch(submitted);
        return submitted;
    }

    /// <summary>The report's queue entries: the offices its type routes to, hank named on every fourth, the IROC's marks.</summary>
    private static IEnumerable<ReportRecipient> Queue(Report report, DemoReportPlan plan, IReadOnlyList<RecipientRef> routed, DateTimeOffset at, DemoPlans planned)
    {
        var refs = routed.Select(r => (Ref: r, Reason: RecipientReason.Routed)).ToList();
        if (planned.Hank is { } hank && plan.Request.Index % 4 == 0 && !refs.Any(r => r.Ref.Kind == RecipientKind.User && r.Ref.Code == hank.UserName))
            refs.Add((new RecipientRef(RecipientKind.User, hank.UserName), RecipientReason.Named));
        var iroc = planned.Iroc;
        var marked = iroc is not null && plan.State is DemoState.SubmittedAndRead or DemoState.SubmittedAndAcknowledged ? at + TimeSpan.FromHours(16) : (DateTimeOffset?)null;
        return refs.Select(r =>
        {
            var irocs = marked is not null && (r.Ref.Kind == RecipientKind.User ? r.Ref.Code == iroc!.UserName : r.Ref.Code == iroc!.OfficeCode);
            return new ReportRecipient
            {
                Id = RowKeys.New(), ReportId = report.Id, Kind = r.Ref.Kind, Code = r.Ref.Code, Reason = r.Reason, QueuedAt = at,
                ReadAt = irocs ? marked : null,
                AcknowledgedAt = irocs && plan.State == DemoState.SubmittedAndAcknowledged ? marked : null,
            };
        });
    }

    private async Task<IReadOnlyList<RecipientRef>> RouteAsync(IReportType type, string office, CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        return await ReportRouting.RouteAsync(db.Offices, office, type.Routes, cancellationToken, type.RoutedOfficeKinds);
    }

    private async Task<Dictionary<(string Type, int FiscalYear), int>> CountersAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        return await db.Set<ReportCounter>().AsNoTracking().ToDictionaryAsync(c => (c.Type, c.FiscalYear), c => c.Last, cancellationToken);
    }

    /// <summary>Raises each counter to the last number the batch gave (never lowers one), in the batch's transaction.</summary>
    private static async Task RaiseCountersAsync(DatabaseFacade db, IReadOnlyList<(string Type, int FiscalYear, int Last)> values, CancellationToken cancellationToken)
    {
        var sqlServer = db.ProviderName?.EndsWith(".SqlServer", StringComparison.Ordinal) == true;
        foreach (var (type, fiscalYear, last) in values)
        {
            await db.ExecuteSqlRawAsync(sqlServer
                ? """
                  MERGE [ReportCounters] WITH (HOLDLOCK) AS c
                  USING (SELECT {0} AS [Type], {1} AS [FiscalYear], {2} AS [Last]) AS n ON c.[Type] = n.[Type] AND c.[FiscalYear] = n.[FiscalYear]
                  WHEN MATCHED AND c.[Last] < n.[Last] THEN UPDATE SET [Last] = n.[Last]
                  WHEN NOT MATCHED THEN INSERT ([Type], [FiscalYear], [Last]) VALUES (n.[Type], n.[FiscalYear], n.[Last]);
                  """
                : """
                  INSERT INTO "ReportCounters" ("Type", "FiscalYear", "Last") VALUES ({0}, {1}, {2})
                  ON CONFLICT ("Type", "FiscalYear") DO UPDATE SET "Last" = CASE WHEN excluded."Last" > "ReportCounters"."Last" THEN excluded."Last" ELSE "ReportCounters"."Last" END
                  """, [type, fiscalYear, last], cancellationToken);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
