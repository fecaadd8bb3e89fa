using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;
using SenGraph.Modules.Lens.Data;
using SenGraph.Modules.Lens.Notifications;

namespace SenGraph.Modules.Lens.OriDirectory;

/// <summary>
/// The state ORI directory (one receiving ORI per state, DC or territory, with its State Identification Bureau) and
/// the qualifying offense codes. Every change is an audited save.
/// </summary>
public sealed class LensDirectory(IDbContextFactory<LensDbContext> databases, TimeProvider clock)
{
    public async Task<Result<LensStateOri>> SetStateOriAsync(string user, string? state, string? ori, string? bureau, CancellationToken ct)
    {
        var errors = new List<UserError>();
        var code = state?.Trim().ToUpperInvariant();
        if (!UsStates.IsCode(code)) errors.Add(UserError.ForField("INVALID_STATE", $"'{state}' is not a two-letter state, DC or territory code.", "state"));
        var normalized = Ori.Normalize(ori);
        if (normalized is null)
            errors.Add(UserError.ForField("INVALID_ORI", "An ORI is the two-letter state code then seven letters or digits (e.g. NY0303000).", "ori"));
        else if (code is not null && UsStates.IsCode(code) && normalized[..2] != code)
            errors.Add(UserError.ForField("INVALID_ORI", $"The ORI {normalized} is not one of {code}'s (it must start with {code}).", "ori"));
        var name = string.IsNullOrWhiteSpace(bureau) ? null : bureau.Trim();
        if (name is null) errors.Add(UserError.ForField("REQUIRED", "Name the state's State Identification Bureau.", "bureau"));
        else if (name.Length > 200) errors.Add(UserError.ForField("TOO_LONG", "The bureau is at most 200 characters.", "bureau"));
        if (errors.Count > 0) return Result<LensStateOri>.Failure([.. errors]);

        await using var db = await databases.CreateDbContextAsync(ct);
        var entry = await db.StateOris.SingleOrDefaultAsync(o => o.State == code, ct);
        if (entry is null) db.StateOris.Add(entry = new LensStateOri { State = code! });
        entry.Ori = normalized!;
        entry.Bureau = name!;
        entry.UpdatedAt = clock.GetUtcNow();
        entry.UpdatedBy = user;
        await db.SaveChangesAsync(ct);
        return Result<LensStateOri>.Success(entry);
    }

    public async Task<Result<string>> RemoveStateOriAsync(string? state, CancellationToken ct)
    {
        var code = state?.Trim().ToUpperInvariant();
        await using var db = await databases.CreateDbContextAsync(ct);
        var entry = await db.StateOris.SingleOrDefaultAsync(o => o.State == code, ct);
        if (entry is null) return Result<string>.Failure(UserError.ForField("NOT_FOUND", $"No LENS ORI is on file for '{state}'.", "state"));
        db.StateOris.Remove(entry);
        await db.SaveChangesAsync(ct);
        return Result<string>.Success(entry.State);
    }

    /// <summary>Replaces the whole set of qualifying ranges at once (so the set is never half-changed).</summary>
    public async Task<Result<IReadOnlyList<LensQualifyingOffense>>> SetQualifyingOffensesAsync(IReadOnlyList<(string? From, string? To, string? Category)> ranges,
        CancellationToken ct)
    {
        var errors = new List<UserError>();
        if (ranges.Count == 0) errors.Add(UserError.ForField("REQUIRED", "Give at least one range (an empty set would stop every notification).", "ranges"));
        var checkedRanges = new List<LensQualifyingOffense>();
        for (var i = 0; i < ranges.Count; i++)
        {
            var at = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (from, to, category) = (ranges[i].From?.Trim(), ranges[i].To?.Trim() ?? ranges[i].From?.Trim(), ranges[i].Category?.Trim());
            var ok = true;
            if (!QualifyingOffenses.IsCode(from)) { errors.Add(UserError.ForField("INVALID_NCIC_CODE", "An NCIC offense code is four digits.", "ranges", at, "from")); ok = false; }
            if (!QualifyingOffenses.IsCode(to)) { errors.Add(UserError.ForField("INVALID_NCIC_CODE", "An NCIC offense code is four digits.", "ranges", at, "to")); ok = false; }
            if (string.IsNullOrEmpty(category)) { errors.Add(UserError.ForField("REQUIRED", "Name the offense category.", "ranges", at, "category")); ok = false; }
            else if (category.Length > 100) { errors.Add(UserError.ForField("TOO_LONG", "The category is at most 100 characters.", "ranges", at, "category")); ok = false; }
            if (!ok) continue;
            if (string.CompareOrdinal(from, to) > 0) { errors.Add(UserError.ForField("INVALID_RANGE", $"The range {from}-{to} ends before it starts.", "ranges", at)); continue; }
            if (checkedRanges.FirstOrDefault(r => string.CompareOrdinal(from, r.ToCode) <= 0 && string.CompareOrdinal(to, r.FromCode) >= 0) is { } overlap)
            {
                errors.Add(UserError.ForField("INVALID_RANGE", $"The range {from}-{to} overlaps {overlap.FromCode}-{overlap.ToCode}.", "ranges", at));
                continue;
            }

            checkedRanges.Add(new LensQualifyingOffense { FromCode = from!, ToCode = to!, Category = category! });
        }

        if (errors.Count > 0) return Result<IReadOnlyList<LensQualifyingOffense>>.Failure([.. errors]);
        await using var db = await databases.CreateDbContextAsync(ct);
        var existing = await db.QualifyingOffenses.ToDictionaryAsync(r => r.FromCode, ct);
        foreach (var range in checkedRanges)
        {
            if (existing.Remove(range.FromCode, out var kept))
            {
                kept.ToCode = range.ToCode;
                kept.Category = range.Category;
            }
            else
            {
                db.QualifyingOffenses.Add(range);
            }
        }

        db.QualifyingOffenses.RemoveRange(existing.Values);
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<LensQualifyingOffense>>.Success(checkedRanges.OrderBy(r => r.FromCode, StringComparer.Ordinal).ToList());
    }
}
