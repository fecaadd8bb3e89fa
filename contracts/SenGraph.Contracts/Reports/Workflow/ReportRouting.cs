using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>The offices a report type is routed to on submission, relative to the submitter's office.</summary>
[Flags]
public enum ReportRoutes
{
    /// <summary>Only recipients the submitter names.</summary>
    None = 0,

    /// <summary>The HSI line: a SAC itself; a RAC and the SAC above it; any other office the SAC(s) of its area.</summary>
    SpecialAgentInCharge = 1,

    /// <summary>The ERO Field Office Director(s) of the submitter's area.</summary>
    FieldOfficeDirector = 2,

    /// <summary>The Field Intelligence Group(s) of the submitter's area.</summary>
    FieldIntelligenceGroup = 4,

    /// <summary>Every IROC office.</summary>
    Iroc = 8,

    /// <summary>Every headquarters office (<see cref="OfficeKind.Hq"/>).</summary>
    Headquarters = 16,

    /// <summary>What a SIR gets (PIA Overview): SAC, RAC, FOD, FIG and the IROC.</summary>
    FieldOfficesAndIroc = SpecialAgentInCharge | FieldOfficeDirector | FieldIntelligenceGroup | Iroc,
}

/// <summary>
/// Who receives a report on submission, looked up in the directory (PIA Overview: "Once submitted,
/// SIRs are available to ... the appropriate SAC, the appropriate RAC, the appropriate FOD, the
/// appropriate FIG, and the IROC"). Offices are data: the rules name kinds of office, never codes.
/// </summary>
public static class ReportRouting
{
    private const int MaxParentDepth = 16;

    /// <summary>
    /// The offices a report from <paramref name="submitterOfficeCode"/> is routed to under <paramref name="routes"/>,
    /// in this order, without duplicates:
    /// <list type="number">
    /// <item><see cref="ReportRoutes.SpecialAgentInCharge"/>: a SAC routes to itself; a RAC to the SAC above it
    /// (following parents) and itself; any other office with an area to the SAC(s) of its area;</item>
    /// <item><see cref="ReportRoutes.FieldOfficeDirector"/>: the FOD(s) of the submitter office's area;</item>
    /// <item><see cref="ReportRoutes.FieldIntelligenceGroup"/>: the FIG(s) of that area;</item>
    /// <item><see cref="ReportRoutes.Iroc"/>: every IROC office;</item>
    /// <item><see cref="ReportRoutes.Headquarters"/>: every headquarters office;</item>
    /// <item><paramref name="officeKinds"/>: every office of each of these kinds (declared by modules, see
    /// <see cref="OfficeKindDeclaration"/>), wherever it is.</item>
    /// </list>
    /// A report from an office unknown to the directory still reaches the IROC when the rule includes it.
    /// Recipients the submitter names are added by the caller.
    /// </summary>
    /// <param name="offices">The directory's offices (<c>db.Set&lt;Office&gt;()</c>).</param>
    /// <param name="submitterOfficeCode">The office submitting the report.</param>
    /// <param name="routes">The report type's routing rule.</param>
    /// <param name="cancellationToken">Cancels the directory lookups.</param>
    /// <param name="officeKinds">Kinds of office every one of which receives the report (<see cref="IReportType.RoutedOfficeKinds"/>).</param>
    public static async Task<IReadOnlyList<RecipientRef>> RouteAsync(
        IQueryable<Office> offices, string submitterOfficeCode, ReportRoutes routes, CancellationToken cancellationToken,
        IReadOnlyCollection<string>? officeKinds = null)
    {
        offices = offices.AsNoTracking();
        var code = DirectoryRules.NormalizeCode(submitterOfficeCode);
        var routed = new List<string>();

        var office = await offices.SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        var parentSac = office?.Kind == OfficeKind.Rac ? await ParentSacAsync(offices, office, cancellationToken) : null;
        var area = office?.Area ?? parentSac?.Area;
        var fieldLine = office?.Kind is OfficeKind.Sac or OfficeKind.Rac;
        if (fieldLine && routes.HasFlag(ReportRoutes.SpecialAgentInCharge))
        {
            if (parentSac is not null) routed.Add(parentSac.Code);
            routed.Add(office!.Code);
        }

        var kinds = new List<string>();
        if (!fieldLine && routes.HasFlag(ReportRoutes.SpecialAgentInCharge)) kinds.Add(OfficeKind.Sac);
        if (routes.HasFlag(ReportRoutes.FieldOfficeDirector)) kinds.Add(OfficeKind.Fod);
        if (routes.HasFlag(ReportRoutes.FieldIntelligenceGroup)) kinds.Add(OfficeKind.Fig);
        if (area is not null && kinds.Count > 0)
        {
            var inArea = await offices.Where(o => o.Area == area).Select(o => new { o.Code, o.Kind }).ToListAsync(cancellationToken);
            foreach (var kind in kinds) routed.AddRange(inArea.Where(o => o.Kind == kind).Select(o => o.Code).Order(StringComparer.Ordinal));
        }

        var everyOfficeOf = new List<string>();
        if (routes.HasFlag(ReportRoutes.Iroc)) everyOfficeOf.Add(OfficeKind.Iroc);
        if (routes.HasFlag(ReportRoutes.Headquarters)) everyOfficeOf.Add(OfficeKind.Hq);
        everyOfficeOf.AddRange(officeKinds ?? []);
        foreach (var kind in everyOfficeOf.Distinct(StringComparer.Ordinal))
        {
            var ofKind = await offices.Where(o => o.Kind == kind).Select(o => o.Code).ToListAsync(cancellationToken);
            routed.AddRange(ofKind.Order(StringComparer.Ordinal));
        }

        return routed.Distinct(StringComparer.Ordinal).Select(RecipientRef.ForOffice).ToList();
    }

    /// <summary>The first SAC above <paramref name="office"/>, following parent codes (cycles and long chains end the walk).</summary>
    private static async Task<Office?> ParentSacAsync(IQueryable<Office> offices, Office office, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { office.Code };
        for (var parentCode = office.ParentCode; parentCode is not null && seen.Add(parentCode) && seen.Count <= MaxParentDepth;)
        {
            var parent = await offices.SingleOrDefaultAsync(o => o.Code == parentCode, cancellationToken);
            if (parent is null) return null;
            if (parent.Kind == OfficeKind.Sac) return parent;
            parentCode = parent.ParentCode;
        }

        return null;
    }
}
