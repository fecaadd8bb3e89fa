using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Security;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Kernel.Records;

/// <summary>Recording an individual's request to correct a report (PIA 7.2) and its outcome, audited through the host database.</summary>
public sealed class CorrectionRequests(SenDatabase database, TimeProvider clock)
{
    public const string InvalidCorrection = "INVALID_CORRECTION";

    public async Task<Result<CorrectionRequest>> RecordAsync(ClaimsPrincipal user, Guid reportId, string? request, string? reference, CancellationToken cancellationToken)
    {
        request = request?.Trim();
        reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        var errors = new List<UserError>();
        if (string.IsNullOrEmpty(request) || request.Length > ReportLimits.NarrativeMaxLength)
            errors.Add(UserError.ForField(InvalidCorrection, "Say what the individual asks to correct (at most 20,000 characters).", "request"));
        if (reference?.Length > 100) errors.Add(UserError.ForField(InvalidCorrection, "The reference is at most 100 characters.", "reference"));
        if (errors.Count > 0) return Result<CorrectionRequest>.Failure([.. errors]);
        await using var db = database.CreateDbContext();
        var number = await db.Reports.Where(r => r.Id == reportId).Select(r => new { r.Number }).SingleOrDefaultAsync(cancellationToken);
        if (number is null) return Result<CorrectionRequest>.Failure(UserError.ForField(WorkflowErrorCodes.NotFound, $"No report {reportId}.", "reportId"));
        var correction = new CorrectionRequest
        {
            Id = RowKeys.New(), ReportId = reportId, ReportNumber = number.Number, Request = request!, Reference = reference,
            RecordedBy = user.FindFirstValue(SenGraphClaims.UserName) ?? "unknown", RecordedAt = clock.GetUtcNow(), Version = 1,
        };
        db.CorrectionRequests.Add(correction);
        await db.SaveChangesAsync(cancellationToken);
        return Result<CorrectionRequest>.Success(correction);
    }

    public async Task<Result<CorrectionRequest>> DecideAsync(ClaimsPrincipal user, Guid id, int expectedVersion, CorrectionOutcome outcome, string? reason,
        CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > RecordsModel.ReasonMaxLength)
            return Result<CorrectionRequest>.Failure(UserError.ForField(InvalidCorrection, "Say why (at most 1,000 characters).", "reason"));
        await using var db = database.CreateDbContext();
        var correction = await db.CorrectionRequests.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (correction is null) return Result<CorrectionRequest>.Failure(UserError.ForField(WorkflowErrorCodes.NotFound, $"No correction request {id}.", "id"));
        if (correction.Outcome is not null) return Result<CorrectionRequest>.Failure(UserError.ForField(WorkflowErrorCodes.IllegalTransition, "The request was already decided.", "id"));
        if (correction.Version != expectedVersion)
            return Result<CorrectionRequest>.Failure(UserError.ForField(WorkflowErrorCodes.Conflict, $"The request changed (version {correction.Version}, not {expectedVersion}).", "expectedVersion"));
        correction.Outcome = outcome;
        correction.OutcomeReason = reason;
        correction.DecidedBy = user.FindFirstValue(SenGraphClaims.UserName) ?? "unknown";
        correction.DecidedAt = clock.GetUtcNow();
        correction.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<CorrectionRequest>.Failure(UserError.ForField(WorkflowErrorCodes.Conflict, "The request changed meanwhile; read it again.", "expectedVersion"));
        }
        return Result<CorrectionRequest>.Success(correction);
    }
}
