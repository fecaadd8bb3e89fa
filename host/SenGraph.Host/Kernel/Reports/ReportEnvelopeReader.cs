using GraphQL;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Kernel.Reports;

/// <summary>The host's <see cref="IReportEnvelopeReader"/>: one query per kind of child and batch of reports.</summary>
public sealed class ReportEnvelopeReader(IDbContextFactory<SenDbContext> databases, ReportTypes reportTypes) : IReportEnvelopeReader
{
    public Task<ILookup<Guid, ReportPerson>> PeopleAsync(IReadOnlyList<Guid> reportIds, CancellationToken cancellationToken) =>
        LoadAsync(db => db.Set<ReportPerson>().Where(p => reportIds.Contains(p.ReportId)), p => p.ReportId, cancellationToken);

    public Task<ILookup<Guid, ReportContact>> ContactsAsync(IReadOnlyList<Guid> reportIds, CancellationToken cancellationToken) =>
        LoadAsync(db => db.Set<ReportContact>().Where(c => reportIds.Contains(c.ReportId)), c => c.ReportId, cancellationToken);

    public Task<ILookup<Guid, ReportNarrative>> NarrativesAsync(IReadOnlyList<Guid> reportIds, CancellationToken cancellationToken) =>
        LoadAsync(db => db.Set<ReportNarrative>().Where(n => reportIds.Contains(n.ReportId)), n => n.ReportId, cancellationToken);

    public Task<ILookup<Guid, ReportRecipient>> RecipientsAsync(IReadOnlyList<Guid> reportIds, CancellationToken cancellationToken) =>
        LoadAsync(db => db.ReportRecipients.Where(r => reportIds.Contains(r.ReportId)), r => r.ReportId, cancellationToken);

    public Task<ILookup<Guid, ReportRevision>> RevisionsAsync(IReadOnlyList<Guid> reportIds, CancellationToken cancellationToken) =>
        LoadAsync(db => db.Set<ReportRevision>().Where(v => reportIds.Contains(v.ReportId)), v => v.ReportId, cancellationToken);

    public Report ReadRevision(IResolveFieldContext context, ReportRevision revision) => reportTypes.ReadRevision(context.Schema, revision);

    private async Task<ILookup<Guid, T>> LoadAsync<T>(Func<SenDbContext, IQueryable<T>> query, Func<T, Guid> key, CancellationToken cancellationToken)
        where T : class
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return (await query(db).AsNoTracking().ToListAsync(cancellationToken)).ToLookup(key);
    }
}
