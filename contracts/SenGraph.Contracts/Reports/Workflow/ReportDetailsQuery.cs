using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// Reads only a report type's own columns (its details table) for a page of reports the host has already read, and composes
/// each <typeparamref name="TReport"/> from its envelope and those columns (<see cref="IReportType.LoadDetailsAsync"/>): the
/// envelope's columns are not read a second time. The query is compiled once per model (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(Expression{Func{TContext, TParam1, IQueryable{TResult}}})"/>),
/// so a page skips EF Core's query cache and its command building.
/// </summary>
internal sealed class ReportDetailsQuery<TContext, TReport>
    where TContext : DbContext
    where TReport : Report
{
    private readonly Func<TContext, Guid[], IAsyncEnumerable<TReport>> _query;

    private ReportDetailsQuery(Func<TContext, Guid[], IAsyncEnumerable<TReport>> query) => _query = query;

    /// <summary>The query for <paramref name="db"/>'s model: every property <typeparamref name="TReport"/>'s entity type declares (not the envelope's) and the id.</summary>
    public static ReportDetailsQuery<TContext, TReport> For(TContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TReport))
            ?? throw new InvalidOperationException($"{typeof(TReport).Name} is not mapped in {typeof(TContext).Name}.");
        var report = Expression.Parameter(typeof(TReport), "r");
        var bindings = entity.GetDeclaredProperties()
            .Where(p => p.PropertyInfo is { CanWrite: true } && !p.IsShadowProperty())
            .Select(p => p.PropertyInfo!)
            .Append(typeof(Report).GetProperty(nameof(Report.Id))!)
            .DistinctBy(p => p.Name)
            .Select(p => (MemberBinding)Expression.Bind(p, Expression.Property(report, p)));
        var projection = Expression.Lambda<Func<TReport, TReport>>(Expression.MemberInit(Expression.New(typeof(TReport)), bindings), report);

        Expression<Func<TContext, Guid[], IQueryable<TReport>>> byIds = (context, ids) => context.Set<TReport>().Where(r => ids.Contains(r.Id));
        var body = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TReport), typeof(TReport)], byIds.Body, Expression.Quote(projection));
        var query = Expression.Lambda<Func<TContext, Guid[], IQueryable<TReport>>>(body, byIds.Parameters);
        return new ReportDetailsQuery<TContext, TReport>(EF.CompileAsyncQuery(query));
    }

    /// <summary>Each envelope of <paramref name="envelopes"/> that has a details row, as its <typeparamref name="TReport"/>.</summary>
    public async Task<IReadOnlyDictionary<Guid, Report>> ComposeAsync(TContext db, IReadOnlyCollection<Report> envelopes, CancellationToken cancellationToken)
    {
        var byId = envelopes.DistinctBy(e => e.Id).ToDictionary(e => e.Id);
        var result = new Dictionary<Guid, Report>(byId.Count);
        await foreach (var details in _query(db, [.. byId.Keys]).WithCancellation(cancellationToken))
        {
            ReportEnvelopeCopy<TReport>.Into(byId[details.Id], details);
            result[details.Id] = details;
        }
        return result;
    }
}
