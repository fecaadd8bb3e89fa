using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Modules.EroLead.Data;

/// <summary>
/// ERO LEADs in the external sharing feed (issue 17 item 4, PIA 2.4, 5.1): only as the dissemination products the Intelligence
/// Operations Unit authorised for the partner's office, never as the lead itself.
/// </summary>
internal sealed class EroLeadExternalProducts(IDbContextFactory<ReportDbContext<EroLeadReport>> databases) : IExternalProductSource
{
    public string ReportType => "EROLEAD";

    public async Task<IReadOnlyList<Guid>> ReportsWithProductsForAsync(string office, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<EroLeadProduct>().AsNoTracking().Where(p => p.Agency == office).Select(p => p.ReportId).Distinct().ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, ExternalProduct>> ProductsForAsync(string office, IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken)
    {
        if (reportIds.Count == 0) return new Dictionary<Guid, ExternalProduct>();
        var ids = reportIds.Distinct().ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var products = await db.Set<EroLeadProduct>().AsNoTracking().Where(p => p.Agency == office && ids.Contains(p.ReportId)).ToListAsync(cancellationToken);
        return products.GroupBy(p => p.ReportId).ToDictionary(g => g.Key, g =>
        {
            var newest = g.OrderByDescending(p => p.AuthorisedAt).ThenBy(p => p.Id).First();
            return new ExternalProduct(newest.Id, newest.ReportId, newest.Title, newest.Text, newest.LeadCity, newest.LeadState, newest.AuthorisedAt);
        });
    }
}
