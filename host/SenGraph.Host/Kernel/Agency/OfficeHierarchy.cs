using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Kernel.Agency;

/// <summary>Where an office may sit among the others (parent, kind, area), checked when the directory is administered.</summary>
internal static class OfficeHierarchy
{
    /// <summary>
    /// The rules that involve other offices: a RAC sits under a SAC of its area (and takes that area when
    /// it names none); SAC, RAC, FOD and FIG offices name an area; no office is its own ancestor; and a
    /// changed office keeps its RACs valid (<paramref name="children"/>, null when the office is not stored yet).
    /// </summary>
    internal static async Task CheckOfficeAsync(SenDbContext db, Office office, IReadOnlyList<Office>? children, List<UserError> errors,
        CancellationToken cancellationToken)
    {
        Office? parent = null;
        if (office.ParentCode is not null)
        {
            if (office.ParentCode == office.Code)
                errors.Add(UserError.ForField("INVALID_PARENT", "An office cannot be its own parent.", "parent"));
            else
            {
                parent = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Code == office.ParentCode, cancellationToken);
                if (parent is not null && await IsAncestorAsync(db, office.Code, parent, cancellationToken))
                    errors.Add(UserError.ForField("INVALID_PARENT", $"'{office.ParentCode}' is below '{office.Code}': offices cannot form a cycle.", "parent"));
            }
        }

        if (office.Kind == OfficeKind.Rac)
        {
            if (office.ParentCode is null)
                errors.Add(UserError.ForField("REQUIRED", "A RAC names the SAC it belongs to.", "parent"));
            else if (parent is not null && parent.Kind != OfficeKind.Sac)
                errors.Add(UserError.ForField("INVALID_PARENT", $"A RAC belongs to a SAC; '{parent.Code}' is a {parent.Kind}.", "parent"));
            if (parent is { Kind: OfficeKind.Sac })
            {
                office.Area ??= parent.Area;
                if (office.Area is not null && parent.Area is not null && office.Area != parent.Area)
                    errors.Add(UserError.ForField("AREA_MISMATCH", $"A RAC is in the area of its SAC ('{parent.Area}').", "area"));
            }
        }

        if (office.Area is null && DirectoryRules.RequiresArea(office.Kind) && !errors.Any(e => e.Path.SequenceEqual(["input", "area"])))
            errors.Add(UserError.ForField("REQUIRED", $"A {office.Kind} office names its area (routing finds it by area).", "area"));

        var racs = children?.Where(c => c.Kind == OfficeKind.Rac).ToList() ?? [];
        if (racs.Count > 0 && office.Kind != OfficeKind.Sac)
            errors.Add(UserError.ForField("OFFICE_IN_USE", $"RACs belong to this office ({string.Join(", ", racs.Select(r => r.Code))}); it must stay a SAC.", "kind"));
        else if (racs.FirstOrDefault(r => r.Area != office.Area) is { } rac)
            errors.Add(UserError.ForField("AREA_MISMATCH", $"RAC '{rac.Code}' below this office is in area '{rac.Area}'; move it first.", "area"));
    }

    internal static async Task<bool> IsAncestorAsync(SenDbContext db, string code, Office start, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = start; current is not null && seen.Add(current.Code);)
        {
            if (current.Code == code) return true;
            if (current.ParentCode is null) return false;
            var parentCode = current.ParentCode;
            current = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Code == parentCode, cancellationToken);
        }

        return false;
    }
}
