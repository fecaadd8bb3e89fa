using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Security;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Workflow;

namespace SenGraph.Host.Kernel.Records;

/// <summary>What a records officer asks to hold.</summary>
public sealed record DeclareLegalHoldInput(string? Reason, IReadOnlyList<Guid>? ReportIds, string? MatchType, DateTimeOffset? MatchEventFrom, DateTimeOffset? MatchEventTo);

/// <summary>Declaring and releasing legal holds (records officers), each change audited through the host database.</summary>
public sealed class LegalHolds(SenDatabase database, TimeProvider clock)
{
    public const string InvalidHold = "INVALID_HOLD";

    public async Task<Result<LegalHold>> DeclareAsync(ClaimsPrincipal user, DeclareLegalHoldInput input, CancellationToken cancellationToken)
    {
        var reason = input.Reason?.Trim();
        var ids = (input.ReportIds ?? []).Distinct().ToList();
        var type = string.IsNullOrWhiteSpace(input.MatchType) ? null : input.MatchType.Trim().ToUpperInvariant();
        var errors = new List<UserError>();
        if (string.IsNullOrEmpty(reason)) errors.Add(UserError.ForField(InvalidHold, "Say why the records must be kept.", "reason"));
        else if (reason.Length > RecordsModel.ReasonMaxLength) errors.Add(UserError.ForField(InvalidHold, $"The reason is at most {RecordsModel.ReasonMaxLength} characters.", "reason"));
        if (ids.Count == 0 && type is null && input.MatchEventFrom is null && input.MatchEventTo is null)
            errors.Add(UserError.ForField(InvalidHold, "Name the reports to hold (reportIds) or a match (matchType, matchEventFrom, matchEventTo).", "reportIds"));
        // Event times are not before 1900 (the envelope's rule) and not in the future; a window may reach a year ahead.
        var earliest = new DateTimeOffset(ReportEnvelopeValidator.EarliestDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var latest = clock.GetUtcNow().AddYears(1);
        foreach (var (at, field) in new[] { (input.MatchEventFrom, "matchEventFrom"), (input.MatchEventTo, "matchEventTo") })
        {
            if (at < earliest || at > latest)
                errors.Add(UserError.ForField(InvalidHold, $"{field} must fall between 1900-01-01 and a year from now; leave it out for an open end.", field));
        }
        if (input.MatchEventFrom is { } from && input.MatchEventTo is { } to && from >= to)
            errors.Add(UserError.ForField(InvalidHold, "matchEventFrom must be before matchEventTo.", "matchEventTo"));
        if (type is not null && !SenGraph.Contracts.Agency.DirectoryRules.IsOrganisationCode(type))
            errors.Add(UserError.ForField(InvalidHold, $"'{type}' is not a report type code, e.g. SIR.", "matchType"));
        if (ids.Count > 1000) errors.Add(UserError.ForField(InvalidHold, "At most 1,000 reports by id; hold more with a match.", "reportIds"));
        if (errors.Count > 0) return Result<LegalHold>.Failure([.. errors]);

        await using var db = database.CreateDbContext();
        var found = await db.Reports.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (ids.Except(found).ToList() is { Count: > 0 } missing)
            return Result<LegalHold>.Failure([.. missing.Select(id => UserError.ForField(WorkflowErrorCodes.NotFound, $"No report {id} (or it was destroyed).", "reportIds", ids.IndexOf(id).ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        var hold = new LegalHold
        {
            Id = RowKeys.New(), Reason = reason!, DeclaredBy = user.FindFirstValue(SenGraphClaims.UserName) ?? "unknown", DeclaredAt = clock.GetUtcNow(),
            MatchType = type, MatchEventFrom = input.MatchEventFrom, MatchEventTo = input.MatchEventTo, Version = 1,
            Reports = [.. ids.Select(id => new LegalHoldReport { ReportId = id })],
        };
        db.LegalHolds.Add(hold);
        await db.SaveChangesAsync(cancellationToken);
        return Result<LegalHold>.Success(hold);
    }

    public async Task<Result<LegalHold>> ReleaseAsync(ClaimsPrincipal user, Guid id, int expectedVersion, string? reason, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > RecordsModel.ReasonMaxLength)
            return Result<LegalHold>.Failure(UserError.ForField(InvalidHold, $"Say why the hold is released (at most {RecordsModel.ReasonMaxLength} characters).", "reason"));
        await using var db = database.CreateDbContext();
        var hold = await db.LegalHolds.Include(h => h.Reports).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (hold is null) return Result<LegalHold>.Failure(UserError.ForField(WorkflowErrorCodes.NotFound, $"No legal hold {id}.", "id"));
        if (!hold.IsActive) return Result<LegalHold>.Failure(UserError.ForField(WorkflowErrorCodes.IllegalTransition, "The hold was already released.", "id"));
        if (hold.Version != expectedVersion)
            return Result<LegalHold>.Failure(UserError.ForField(WorkflowErrorCodes.Conflict, $"The hold changed (version {hold.Version}, not {expectedVersion}); read it again.", "expectedVersion"));
        hold.ReleasedAt = clock.GetUtcNow();
        hold.ReleasedBy = user.FindFirstValue(SenGraphClaims.UserName) ?? "unknown";
        hold.ReleaseReason = reason;
        hold.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<LegalHold>.Failure(UserError.ForField(WorkflowErrorCodes.Conflict, "The hold changed meanwhile; read it again.", "expectedVersion"));
        }
        return Result<LegalHold>.Success(hold);
    }
}
