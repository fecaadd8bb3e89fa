using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;

namespace SenGraph.Host.Workflow;

/// <summary>
/// Who receives a report on submission, looked up in the directory (PIA Overview: "Once submitted,
/// SIRs are available to ... the appropriate SAC, the appropriate RAC, the appropriate FOD, the
/// appropriate FIG, and the IROC").
/// </summary>
public sealed class ReportRouting(IDbContextFactory<WorkflowDbContext> databases)
{
    private const int MaxParentDepth = 16;

    /// <summary>
    /// The offices a SIR from <paramref name="submitterOfficeCode"/> is routed to, in this order, without duplicates:
    /// <list type="number">
    /// <item>the HSI line: a SAC routes to itself; a RAC to the SAC above it (following parents) and itself;
    /// any other office with an area to the SAC(s) of its area;</item>
    /// <item>the FOD(s) of the submitter office's area;</item>
    /// <item>the FIG(s) of that area;</item>
    /// <item>every IROC office.</item>
    /// </list>
    /// An office unknown to the directory still reaches the IROC, so no submitted report goes unseen.
    /// Recipients the submitter names are added by the caller.
    /// </summary>
    public IReadOnlyList<RecipientRef> RouteSir(string submitterOfficeCode)
    {
        using var db = databases.CreateDbContext();
        var code = DirectoryRules.NormalizeCode(submitterOfficeCode);
        var routed = new List<string>();

        var office = db.Offices.AsNoTracking().SingleOrDefault(o => o.Code == code);
        var area = office?.Area;
        if (office is not null)
        {
            switch (office.Kind)
            {
                case OfficeKind.Sac:
                    routed.Add(office.Code);
                    break;
                case OfficeKind.Rac:
                    if (ParentSac(db, office) is { } sac)
                    {
                        routed.Add(sac.Code);
                        area ??= sac.Area;
                    }

                    routed.Add(office.Code);
                    break;
            }
        }

        var kinds = office?.Kind is OfficeKind.Sac or OfficeKind.Rac ? new[] { OfficeKind.Fod, OfficeKind.Fig } : [OfficeKind.Sac, OfficeKind.Fod, OfficeKind.Fig];
        var inArea = area is null
            ? []
            : db.Offices.AsNoTracking().Where(o => o.Area == area).Select(o => new { o.Code, o.Kind }).ToList();
        foreach (var kind in kinds) routed.AddRange(inArea.Where(o => o.Kind == kind).Select(o => o.Code).Order(StringComparer.Ordinal));

        routed.AddRange(db.Offices.AsNoTracking().Where(o => o.Kind == OfficeKind.Iroc).Select(o => o.Code).OrderBy(c => c).ToList());
        return routed.Distinct(StringComparer.Ordinal).Select(RecipientRef.ForOffice).ToList();
    }

    /// <summary>The first SAC above <paramref name="office"/>, following parent codes (cycles and long chains end the walk).</summary>
    private static Office? ParentSac(WorkflowDbContext db, Office office)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { office.Code };
        for (var parentCode = office.ParentCode; parentCode is not null && seen.Add(parentCode) && seen.Count <= MaxParentDepth;)
        {
            var parent = db.Offices.AsNoTracking().SingleOrDefault(o => o.Code == parentCode);
            if (parent is null) return null;
            if (parent.Kind == OfficeKind.Sac) return parent;
            parentCode = parent.ParentCode;
        }

        return null;
    }
}
