using SenGraph.Contracts.Agency;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// Which reports a viewer may see, in SQL (<see cref="VisibleTo{TReport}"/>) and in memory
/// (<see cref="CanSee"/>); both apply the same rules:
/// <list type="bullet">
/// <item>the author sees their own reports, drafts included;</item>
/// <item>once out of draft (in review, returned, approved, submitted), the originating office sees a
/// report, and so does the supervisor it names;</item>
/// <item>a submitted report is seen by its recipients: a user named as recipient, and everyone in a
/// recipient office;</item>
/// <item>every submitted report of a type is seen by those its <see cref="IReportType.SubmittedReaders"/> names
/// (by default IROC staff, headquarters agents, HSI intelligence and OPR; for some types every reader), as
/// <see cref="ReportViewer.TypesReadInFull"/> holds them.</item>
/// </list>
/// Anything else is invisible: callers answer as if the report did not exist.
/// </summary>
public static class ReportVisibility
{
    /// <summary>The reports of <paramref name="reports"/> that <paramref name="viewer"/> may see, as a SQL-translatable filter.</summary>
    /// <param name="reports">The reports to filter.</param>
    /// <param name="recipients">The recipients table of the same context (<c>db.Set&lt;ReportRecipient&gt;()</c>).</param>
    /// <param name="viewer">Who is asking.</param>
    public static IQueryable<TReport> VisibleTo<TReport>(this IQueryable<TReport> reports, IQueryable<ReportRecipient> recipients, ReportViewer viewer)
        where TReport : Report
    {
        if (!viewer.IsAuthenticated) return reports.Where(_ => false);
        var user = viewer.UserName!;
        var office = viewer.Office ?? "";
        if (viewer.ReadsEverySubmitted)
        {
            return reports.Where(r =>
                r.Author == user
                || r.Status == ReportStatus.Submitted
                || r.Status != ReportStatus.Draft && (r.OriginatingOffice == office || r.Supervisor == user));
        }

        var full = viewer.TypesReadInFull.ToList();
        return reports.Where(r =>
            r.Author == user
            || r.Status != ReportStatus.Draft && (r.OriginatingOffice == office || r.Supervisor == user)
            || r.Status == ReportStatus.Submitted && (full.Contains(r.Type) || recipients.Any(x => x.ReportId == r.Id
                && (x.Kind == RecipientKind.User && x.Code == user || x.Kind == RecipientKind.Office && x.Code == office))));
    }

    /// <summary>The rules of <see cref="VisibleTo{TReport}"/> for one report whose recipients are known.</summary>
    public static bool CanSee(Report report, IEnumerable<RecipientRef> recipients, ReportViewer viewer)
    {
        if (!viewer.IsAuthenticated) return false;
        var user = viewer.UserName!;
        var office = viewer.Office ?? "";
        if (report.Author == user) return true;
        if (report.Status != ReportStatus.Draft && (report.OriginatingOffice == office || report.Supervisor == user)) return true;
        if (report.Status != ReportStatus.Submitted) return false;
        return viewer.TypesReadInFull.Contains(report.Type)
            || recipients.Any(x => x.Kind == RecipientKind.User && x.Code == user || x.Kind == RecipientKind.Office && x.Code == office);
    }
}
