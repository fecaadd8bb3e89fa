using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Schema;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Contracts.Reports.Demo;

/// <summary>
/// One demo report the host's <c>seed demo</c> asks a module to draft: the author (a directory user holding
/// the type's author policy), where and when the event happened, and a running number the module can use to
/// vary what it writes. Everything a module makes from it must be clearly fictional.
/// </summary>
/// <param name="Author">Who drafts it.</param>
/// <param name="Index">0, 1, 2, … per report type: pick values with it, so the same seed gives the same data.</param>
/// <param name="EventAt">When the event happened (a few hours before the report is drafted).</param>
/// <param name="Place">Where it happened: one of <see cref="DemoValues.Places"/>.</param>
public sealed record DemoReportRequest(ReportViewer Author, int Index, DateTimeOffset EventAt, DemoPlace Place);

/// <summary>
/// What a report module contributes to the demo data (registered with
/// <see cref="DemoReportsServiceCollectionExtensions.AddDemoReports{TContext, TReport}"/>): drafts of its type
/// and amendments of them. The host decides who writes them, when, and how far through the workflow each goes
/// (drafts, review, returns, approvals, submissions, queues); a module that registers nothing ships no demo data.
/// </summary>
public interface IDemoReports
{
    /// <summary>The report type code (<see cref="IReportType.Code"/>).</summary>
    string TypeCode { get; }

    /// <summary>Drafts one demo report through the module's own drafting rules.</summary>
    Task<ReportOutcome<Report>> DraftAsync(DemoReportRequest request, CancellationToken cancellationToken);

    /// <summary>Amends a submitted demo report (as its author), changing what an amendment would realistically change.</summary>
    Task<ReportOutcome<Report>> AmendAsync(DemoReportRequest request, Guid id, int expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Bulk writing (<c>seed generate</c>): one demo report as <see cref="DraftAsync"/> would store it at <paramref name="at"/>,
    /// built in memory and not stored; the caller moves it through the workflow and stores it with <see cref="InsertAsync"/>.
    /// </summary>
    ReportOutcome<Report> Build(DemoReportRequest request, DateTimeOffset at);

    /// <summary>Bulk writing: amends a report from <see cref="Build"/> at <paramref name="at"/> as <see cref="AmendAsync"/> would (a revision keeps the report as it was).</summary>
    IReadOnlyList<UserError> AmendBuilt(Report report, DemoReportRequest request, DateTimeOffset at);

    /// <summary>
    /// Bulk writing: stores <paramref name="reports"/> (from <see cref="Build"/>, with their people, contacts, narratives and
    /// revisions) and <paramref name="recipients"/> in one <c>SaveChanges</c> of the module's context (on SQLite, multi-row
    /// INSERTs that store the same rows), audited record by record under the current audit scope, in one transaction that <paramref name="inTransaction"/> joins before it commits:
    /// all of it is stored, or none.
    /// </summary>
    Task InsertAsync(IReadOnlyList<Report> reports, IReadOnlyList<ReportRecipient> recipients,
        Func<DatabaseFacade, CancellationToken, Task> inTransaction, CancellationToken cancellationToken);
}

/// <summary>The envelope and module fields of one demo report of a type.</summary>
public delegate (ReportEnvelopeInput Envelope, ReportDetails<TReport> Details) DemoReportFactory<TReport>(DemoReportRequest request, bool amended)
    where TReport : Report;

/// <summary>
/// <see cref="IDemoReports"/> for a type registered with <c>AddReportType</c>: demo reports go through the
/// type's <see cref="ReportDrafts{TContext, TReport}"/>, so they obey every rule a user's report does.
/// </summary>
public sealed class DemoReports<TContext, TReport>(
    ReportDrafts<TContext, TReport> drafts, ReportType<TContext, TReport> type, DemoReportFactory<TReport> factory, IDbContextFactory<TContext> databases)
    : IDemoReports
    where TContext : DbContext
    where TReport : Report
{
    public string TypeCode => type.Code;

    /// <summary>The SQLite page cache of the bulk-writing connection: 1 GiB (in KiB, negative).</summary>
    private const string BulkPageCache = "PRAGMA cache_size = -1048576";

    public async Task<ReportOutcome<Report>> DraftAsync(DemoReportRequest request, CancellationToken cancellationToken)
    {
        var (envelope, details) = factory(request, amended: false);
        return Widen(await drafts.CreateAsync(request.Author, envelope, details, cancellationToken));
    }

    public async Task<ReportOutcome<Report>> AmendAsync(DemoReportRequest request, Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        var (envelope, details) = factory(request, amended: true);
        return Widen(await drafts.AmendAsync(request.Author, id, expectedVersion, DemoValues.AmendmentReason(request.Index), envelope, details, cancellationToken));
    }

    public ReportOutcome<Report> Build(DemoReportRequest request, DateTimeOffset at)
    {
        var (envelope, details) = factory(request, amended: false);
        return Widen(drafts.Build(request.Author, envelope, details, at));
    }

    public IReadOnlyList<UserError> AmendBuilt(Report report, DemoReportRequest request, DateTimeOffset at)
    {
        var (envelope, details) = factory(request, amended: true);
        return drafts.AmendBuilt((TReport)report, DemoValues.AmendmentReason(request.Index), envelope, details, at);
    }

    public async Task InsertAsync(IReadOnlyList<Report> reports, IReadOnlyList<ReportRecipient> recipients,
        Func<DatabaseFacade, CancellationToken, Task> inTransaction, CancellationToken cancellationToken)
    {
        // The bulk rows bypass SaveChanges, where the kit's contexts apply these.
        foreach (var report in reports) type.ApplyStorageRules(report);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // SQLite's page cache is 2 MiB by default: a batch's inserts into indexes spread at random evict each other's pages, which are
        // read back and rewritten. The connection keeps the setting in the pool: only seed generate writes in bulk, and its process
        // ends when it is done.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync(BulkPageCache, cancellationToken);
        // SQLite: multi-row INSERTs and one audit append, without EF Core's change tracker and update pipeline (most of seed generate's time).
        if (!await BulkRowWriter.TryInsertAsync(db, [.. reports, .. recipients], cancellationToken))
        {
            db.AddRange(reports);
            db.AddRange(recipients);
            await db.SaveChangesAsync(cancellationToken);
        }

        await inTransaction(db.Database, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static ReportOutcome<Report> Widen(ReportOutcome<TReport> outcome) => new(outcome.Report, outcome.Errors);
}

/// <summary>Registering a module's demo data.</summary>
public static class DemoReportsServiceCollectionExtensions
{
    /// <summary>
    /// Contributes demo reports of the type registered with <c>AddReportType&lt;TContext, TReport&gt;</c> (call that first):
    /// <paramref name="factory"/> writes one report's fields for a <see cref="DemoReportRequest"/>, and the amended
    /// version of them when asked.
    /// </summary>
    public static IServiceCollection AddDemoReports<TContext, TReport>(this IServiceCollection services, DemoReportFactory<TReport> factory)
        where TContext : DbContext
        where TReport : Report
    {
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton<IDemoReports>(sp => new DemoReports<TContext, TReport>(
            sp.GetRequiredService<ReportDrafts<TContext, TReport>>(), sp.GetRequiredService<ReportType<TContext, TReport>>(), factory,
            sp.GetRequiredService<IDbContextFactory<TContext>>()));
        return services;
    }
}
