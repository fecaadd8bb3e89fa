using System.Globalization;
using System.Security.Claims;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Kernel.Workflow;
using SenGraph.Host.Security;
using SenGraph.Host.Storage;

namespace SenGraph.Host.Kernel.Summaries;

/// <summary>What a draft or an edit of a summary sends: its title, its text and the reports it summarises.</summary>
public sealed record ReportSummaryInput(Guid? Id, int? ExpectedVersion, string? Title, string? Text, IReadOnlyList<string>? Reports);

/// <summary>
/// IROC summaries: drafting and editing (the author only, while a draft), sending to users and offices, marking read, and
/// what a user sees (their own, and those sent to them or their office). A summary cites only submitted reports its author
/// may read, never of a type that is not summarised (SPEAR). Written through the audited <see cref="SenDbContext"/>.
/// </summary>
public sealed class ReportSummaryStore(IDbContextFactory<SenDbContext> databases, ReportTypes reportTypes, AccessControl access, TimeProvider clock)
{
    public const string NotSubmitted = "NOT_SUBMITTED";
    public const string NotSummarisable = "NOT_SUMMARISABLE";
    public const string AlreadySent = "ALREADY_SENT";

    /// <summary>The summaries <paramref name="viewer"/> sees: those they wrote, and those sent to them or their office.</summary>
    public static IQueryable<ReportSummary> VisibleTo(SenDbContext db, ReportViewer viewer)
    {
        if (!viewer.IsAuthenticated) return db.Set<ReportSummary>().Where(_ => false);
        var me = viewer.UserName!;
        var office = viewer.Office ?? "";
        return db.Set<ReportSummary>().Where(s => s.Author == me || (s.Status == ReportSummaryStatus.Sent && s.Recipients.Any(r =>
            (r.Kind == RecipientKind.User && r.Code == me) || (r.Kind == RecipientKind.Office && r.Code == office))));
    }

    public async Task<Result<ReportSummary>> DraftAsync(ISchema schema, ClaimsPrincipal user, ReportSummaryInput input, CancellationToken cancellationToken)
    {
        var viewer = ReportViewer.From(user);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (title, text, reports, errors) = await CheckAsync(db, schema, user, input, cancellationToken);
        if (errors.Count > 0) return Result<ReportSummary>.Failure([.. errors]);
        var now = clock.GetUtcNow();
        var summary = new ReportSummary
        {
            Id = RowKeys.New(), Title = title!, Text = text!, Author = viewer.UserName!, Status = ReportSummaryStatus.Draft,
            CreatedAt = now, UpdatedAt = now, Version = 1, Reports = reports,
        };
        db.Add(summary);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ReportSummary>.Success(summary);
    }

    public async Task<Result<ReportSummary>> UpdateAsync(ISchema schema, ClaimsPrincipal user, ReportSummaryInput input, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (summary, refused) = await OwnDraftAsync(db, user, input.Id, input.ExpectedVersion, "edited", cancellationToken);
        if (refused is not null) return Result<ReportSummary>.Failure(refused);
        var (title, text, reports, errors) = await CheckAsync(db, schema, user, input, cancellationToken);
        if (errors.Count > 0) return Result<ReportSummary>.Failure([.. errors]);
        db.RemoveRange(summary!.Reports);
        summary.Title = title!;
        summary.Text = text!;
        foreach (var report in reports) report.SummaryId = summary.Id;
        db.AddRange(reports);
        summary.UpdatedAt = clock.GetUtcNow();
        summary.Version++;
        var saved = await SaveAsync(db, summary, cancellationToken);
        if (saved.Succeeded) summary.Reports = reports;
        return saved;
    }

    public async Task<Result<ReportSummary>> SendAsync(ClaimsPrincipal user, Guid? id, int? expectedVersion, IReadOnlyList<RecipientInput>? recipients, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (summary, refused) = await OwnDraftAsync(db, user, id, expectedVersion, "sent", cancellationToken);
        if (refused is not null) return Result<ReportSummary>.Failure(refused);
        var named = recipients ?? [];
        var errors = new List<UserError>();
        if (named.Count == 0) errors.Add(UserError.ForField("REQUIRED", "Send the summary to at least one user or office.", "recipients"));
        if (named.Count > ReportSummaryModel.MaxRecipients)
            errors.Add(UserError.ForField("TOO_MANY", $"Send a summary to at most {ReportSummaryModel.MaxRecipients} users and offices.", "recipients"));
        if (errors.Count > 0) return Result<ReportSummary>.Failure([.. errors]);

        var normalized = NamedRecipients.Normalize(named);
        errors.AddRange(await NamedRecipients.CheckAsync(db, named, normalized, cancellationToken));
        if (errors.Count > 0) return Result<ReportSummary>.Failure([.. errors]);

        var now = clock.GetUtcNow();
        foreach (var (kind, code) in normalized.Distinct())
            db.Add(new ReportSummaryRecipient { Id = RowKeys.New(), SummaryId = summary!.Id, Kind = kind, Code = code, QueuedAt = now });
        summary!.Status = ReportSummaryStatus.Sent;
        summary.SentAt = now;
        summary.UpdatedAt = now;
        summary.Version++;
        return await SaveAsync(db, summary, cancellationToken);
    }

    /// <summary>Marks a summary sent to the caller (or their office) read; NOT_FOUND for any other.</summary>
    public async Task<Result<ReportSummary>> MarkReadAsync(ClaimsPrincipal user, Guid? id, CancellationToken cancellationToken)
    {
        var viewer = ReportViewer.From(user);
        var me = viewer.UserName ?? "";
        var office = viewer.Office ?? "";
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var entries = await db.Set<ReportSummaryRecipient>()
            .Where(r => r.SummaryId == id && ((r.Kind == RecipientKind.User && r.Code == me) || (r.Kind == RecipientKind.Office && r.Code == office)))
            .ToListAsync(cancellationToken);
        if (entries.Count == 0) return Result<ReportSummary>.Failure(UserError.ForField(WorkflowErrorCodes.NotFound, "No summary with this id was sent to you or your office.", "id"));
        var now = clock.GetUtcNow();
        foreach (var entry in entries) entry.ReadAt ??= now;
        await db.SaveChangesAsync(cancellationToken);
        var summary = await db.Set<ReportSummary>().AsNoTracking().Include(s => s.Reports).Include(s => s.Recipients).AsSplitQuery()
            .SingleAsync(s => s.Id == id, cancellationToken);
        return Result<ReportSummary>.Success(summary);
    }

    /// <summary>The caller's own draft <paramref name="id"/> at <paramref name="expectedVersion"/>, tracked; or why not.</summary>
    private static async Task<(ReportSummary? Summary, UserError? Refused)> OwnDraftAsync(
        SenDbContext db, ClaimsPrincipal user, Guid? id, int? expectedVersion, string what, CancellationToken cancellationToken)
    {
        var viewer = ReportViewer.From(user);
        var summary = await VisibleTo(db, viewer).Include(s => s.Reports).Include(s => s.Recipients).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        // Another analyst's draft is not revealed; one sent to the caller is seen but not theirs to change.
        if (summary is null) return (null, UserError.ForField(WorkflowErrorCodes.NotFound, "There is no summary with this id.", "id"));
        if (summary.Author != viewer.UserName) return (null, UserError.ForField(WorkflowErrorCodes.NotAuthorized, $"Only the summary's author, {summary.Author}, changes it.", "id"));
        if (summary.Status != ReportSummaryStatus.Draft) return (null, UserError.ForField(AlreadySent, $"The summary was sent; a sent summary is not {what} again.", "id"));
        if (expectedVersion != summary.Version)
            return (null, UserError.ForField(WorkflowErrorCodes.Conflict, $"The summary changed (version {summary.Version}, not {expectedVersion}): read it again.", "expectedVersion"));
        return (summary, null);
    }

    private static async Task<Result<ReportSummary>> SaveAsync(SenDbContext db, ReportSummary summary, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result<ReportSummary>.Success(summary);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseConflicts.IsConflict(e))
        {
            return Result<ReportSummary>.Failure(UserError.ForField(WorkflowErrorCodes.Conflict, "The summary was changed at the same time: read it again.", "expectedVersion"));
        }
    }

    /// <summary>
    /// The trimmed title and text and the cited reports, or every error at once: each report must be submitted, readable by the
    /// author (else it is answered as one that does not exist) and of a type that may be summarised.
    /// </summary>
    private async Task<(string? Title, string? Text, List<ReportSummaryReport> Reports, List<UserError> Errors)> CheckAsync(
        SenDbContext db, ISchema schema, ClaimsPrincipal user, ReportSummaryInput input, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) errors.Add(UserError.ForField("REQUIRED", "A title is required.", "title"));
        else if (title.Length > ReportSummaryModel.TitleMaxLength)
            errors.Add(UserError.ForField("TOO_LONG", $"The title has at most {ReportSummaryModel.TitleMaxLength} characters.", "title"));
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add(UserError.ForField("REQUIRED", "The summary's text is required.", "text"));
        else if (text.Length > ReportSummaryModel.TextMaxLength)
            errors.Add(UserError.ForField("TOO_LONG", $"The text has at most {ReportSummaryModel.TextMaxLength:N0} characters.", "text"));

        var ids = input.Reports ?? [];
        var reports = new List<ReportSummaryReport>();
        if (ids.Count == 0) errors.Add(UserError.ForField("REQUIRED", "Cite at least one submitted report.", "reports"));
        else if (ids.Count > ReportSummaryModel.MaxReports)
            errors.Add(UserError.ForField("TOO_MANY", $"A summary cites at most {ReportSummaryModel.MaxReports} reports.", "reports"));
        else
        {
            var guids = ids.Select(id => IdArgument.ToGuid(id)).ToList();
            var readable = (await access.ReadableTypesAsync(schema, user)).ToList();
            var wanted = guids.Where(g => g != Guid.Empty).Distinct().ToList();
            var found = await db.Reports.AsNoTracking().Where(r => readable.Contains(r.Type)).VisibleTo(db.ReportRecipients, reportTypes.ViewerOf(schema, user))
                .Where(r => wanted.Contains(r.Id)).Select(r => new { r.Id, r.Type, r.Number, r.Status }).ToDictionaryAsync(r => r.Id, cancellationToken);
            var types = reportTypes.Of(schema);
            for (var i = 0; i < guids.Count; i++)
            {
                var at = i.ToString(CultureInfo.InvariantCulture);
                if (!found.TryGetValue(guids[i], out var report))
                    errors.Add(UserError.ForField(WorkflowErrorCodes.NotFound, "There is no report with this id.", "reports", at));
                else if (guids.IndexOf(guids[i]) < i)
                    errors.Add(UserError.ForField("DUPLICATE", "The report is cited twice.", "reports", at));
                else if (types.TryGetValue(report.Type, out var type) && !type.Summarisable)
                    errors.Add(UserError.ForField(NotSummarisable, $"{type.Name}s are never summarised: they are operationally sensitive.", "reports", at));
                else if (report.Status != ReportStatus.Submitted)
                    errors.Add(UserError.ForField(NotSubmitted, "Only submitted reports are summarised.", "reports", at));
                else
                    reports.Add(new ReportSummaryReport { Id = RowKeys.New(), Position = reports.Count, ReportId = report.Id, ReportType = report.Type, ReportNumber = report.Number });
            }
        }
        return (title, text, reports, errors);
    }
}
