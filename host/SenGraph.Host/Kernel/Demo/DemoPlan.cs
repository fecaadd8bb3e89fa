using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports.Demo;

namespace SenGraph.Host.Kernel.Demo;

/// <summary>How far through the workflow a demo report goes.</summary>
public enum DemoState
{
    Draft,
    PendingReview,
    Returned,
    Approved,
    Submitted,
    SubmittedAndRead,
    SubmittedAndAcknowledged,
    Amended,
}

/// <summary>
/// One demo report to write: its type, its author, how far it goes and when each of its steps happens. Reports
/// still in progress are recent (the last three weeks); submitted ones spread over the last 18 months.
/// </summary>
public sealed record DemoReportPlan(
    IDemoReports Type, DirectoryUser Author, DirectoryUser? Reviewer, DemoReportRequest Request, DemoState State, DateTimeOffset DraftedAt)
{
    public const int ReportsPerType = 30;
    private static readonly TimeSpan History = TimeSpan.FromDays(548);

    /// <summary>Report <paramref name="index"/> of a type: every tenth is a draft, pending review, returned or approved; the rest are submitted.</summary>
    public static DemoState StateOf(int index) => (index % 10) switch
    {
        0 => DemoState.Draft,
        1 => DemoState.PendingReview,
        2 => DemoState.Returned,
        3 => DemoState.Approved,
        4 or 6 => DemoState.SubmittedAndRead,
        5 => DemoState.Amended,
        7 => DemoState.SubmittedAndAcknowledged,
        _ => DemoState.Submitted,
    };

    /// <summary>When report <paramref name="index"/> of <paramref name="count"/> is drafted, counting back from <paramref name="now"/>.</summary>
    public static DateTimeOffset DraftedAtOf(int index, int count, DemoState state, DateTimeOffset now)
    {
        var at = state is DemoState.Draft or DemoState.PendingReview or DemoState.Returned or DemoState.Approved
            ? now - TimeSpan.FromDays(1 + index % 20) - TimeSpan.FromHours(index % 7)
            // The fraction first: History × index overflows TimeSpan from index 19,500 on (a million reports is 142,857 a type).
            : now - History + History * ((double)index / count) - TimeSpan.FromDays(10);
        // Drafted 13:00–17:59 UTC and submitted four hours later: office hours in Eastern time, and the same
        // calendar day in UTC and Eastern, so no fiscal year hangs on a time zone.
        return new DateTimeOffset(at.Year, at.Month, at.Day, 13 + index % 5, (index * 17) % 60, 0, TimeSpan.Zero);
    }

    public bool IsSubmitted => State >= DemoState.Submitted;
}
