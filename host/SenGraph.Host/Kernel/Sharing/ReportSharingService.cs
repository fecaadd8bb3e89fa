using System.Security.Claims;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Sharing;

/// <summary>A report's never-shared codes now and every coding of it, as <c>reportSharing</c> and <c>setReportSharingCodes</c> answer.</summary>
public sealed record ReportSharing(Guid ReportId, int ReportVersion, DateTimeOffset CreatedAt, IReadOnlyList<NeverSharedCategory> Codes,
    IReadOnlyList<ReportSharingCoding> History)
{
    /// <summary>Whether nothing in its coding or age keeps the report inside ICE (whether a partner gets it also depends on its type and the MOU).</summary>
    public bool Shareable => Codes.Count == 0 && CreatedAt >= SharingModel.SharedFrom;
}

/// <summary>
/// Sharing codes (the 2009 memo: "all OI data ... coded with the correct access control information"): a supervisor who
/// reviews reports of the type, of the report's office or named on it as its supervisor, sets the report's never-shared
/// codes with a reason. Each coding is kept (revision, codes, who, when, why), bumps the report's version (a stale
/// <c>expectedVersion</c> is a <c>CONFLICT</c>) and is written in one audited transaction.
/// </summary>
public sealed class ReportSharingService(IDbContextFactory<SenDbContext> databases, ReportTypes reportTypes, AccessControl access, TimeProvider clock)
{
    public sealed record Outcome(ReportSharing? Sharing, IReadOnlyList<UserError> Errors);

    /// <summary>The report's sharing, when <paramref name="user"/> may read the report; else null.</summary>
    public async Task<ReportSharing?> ReadAsync(ISchema schema, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var report = await VisibleAsync(db, schema, user, id, "reportSharing", cancellationToken);
        return report is null ? null : await SharingOfAsync(db, report.Value.Report, cancellationToken);
    }

    public async Task<Outcome> SetAsync(ISchema schema, ClaimsPrincipal user, Guid id, int expectedVersion,
        IReadOnlyList<NeverSharedCategory>? codes, string? reason, CancellationToken cancellationToken)
    {
        var because = reason?.Trim() ?? "";
        if (because.Length == 0)
            return Failed(UserError.ForField("REQUIRED", "Say why the report is coded this way: the coding is kept with its reason.", "reason"));
        if (because.Length > ReportSharingCoding.MaxReasonLength)
            return Failed(UserError.ForField("TOO_LONG", $"The reason may have at most {ReportSharingCoding.MaxReasonLength:N0} characters.", "reason"));
        if (codes is null)
            return Failed(UserError.ForField("REQUIRED", "Give the codes the report carries (an empty list when none applies).", "codes"));

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await VisibleAsync(db, schema, user, id, "setReportSharingCodes", cancellationToken) is not { } found)
            return Failed(UserError.ForField(WorkflowErrorCodes.NotFound, "There is no report with this id.", "id"));
        var (report, type) = found;
        var viewer = reportTypes.ViewerOf(schema, user);
        if (!await access.CanAsync(schema, user, type, ReportOperation.Review))
            return Failed(UserError.ForField(WorkflowErrorCodes.NotAuthorized, $"Only supervisors who review {type.Code} reports set their sharing codes.", "id"));
        if (report.OriginatingOffice != viewer.Office && report.Supervisor != viewer.UserName)
            return Failed(UserError.ForField(WorkflowErrorCodes.NotAuthorized, "Only a supervisor of the report's office, or the supervisor it names, codes it.", "id"));
        if (report.Version != expectedVersion)
            return Failed(UserError.ForField(WorkflowErrorCodes.Conflict, $"The report was changed by someone else (now version {report.Version}); reload it and try again.", "expectedVersion"));

        var set = codes.Distinct().Order().ToList();
        var now = clock.GetUtcNow();
        db.Set<ReportSharingCode>().RemoveRange(await db.Set<ReportSharingCode>().Where(c => c.ReportId == id).ToListAsync(cancellationToken));
        db.Set<ReportSharingCode>().AddRange(set.Select(code => new ReportSharingCode { ReportId = id, Code = code }));
        var revision = await db.Set<ReportSharingCoding>().Where(c => c.ReportId == id).MaxAsync(c => (int?)c.Revision, cancellationToken) ?? 0;
        db.Set<ReportSharingCoding>().Add(new ReportSharingCoding
        {
            Id = RowKeys.New(), ReportId = id, Revision = revision + 1, Codes = string.Join(',', set), CodedBy = viewer.UserName ?? "", CodedAt = now, Reason = because,
        });
        report.Touch(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another coding or change of the report won the race (version token, or the same revision number).
            return Failed(UserError.ForField(WorkflowErrorCodes.Conflict, "The report was changed by someone else; reload it and try again.", "expectedVersion"));
        }
        return new Outcome(await SharingOfAsync(db, report, cancellationToken), []);
    }

    private async Task<(Report Report, IReportType Type)?> VisibleAsync(SenDbContext db, ISchema schema, ClaimsPrincipal user, Guid id, string what,
        CancellationToken cancellationToken)
    {
        var viewer = reportTypes.ViewerOf(schema, user);
        var report = await db.Reports.VisibleTo(db.ReportRecipients, viewer).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !reportTypes.Of(schema).TryGetValue(report.Type, out var type) || !await access.CanAsync(schema, user, type, ReportOperation.Read))
        {
            if (AuditScope.Current is { } audit && (report is not null || await db.Reports.AnyAsync(r => r.Id == id, cancellationToken)))
                audit.NoteDeniedLookup(what, id);
            return null;
        }
        return (report, type);
    }

    private static async Task<ReportSharing> SharingOfAsync(SenDbContext db, Report report, CancellationToken cancellationToken)
    {
        var codes = await db.Set<ReportSharingCode>().AsNoTracking().Where(c => c.ReportId == report.Id).Select(c => c.Code).ToListAsync(cancellationToken);
        var history = await db.Set<ReportSharingCoding>().AsNoTracking().Where(c => c.ReportId == report.Id).OrderBy(c => c.Revision).ToListAsync(cancellationToken);
        return new ReportSharing(report.Id, report.Version, report.CreatedAt, [.. codes.Order()], history);
    }

    private static Outcome Failed(params UserError[] errors) => new(null, errors);
}
