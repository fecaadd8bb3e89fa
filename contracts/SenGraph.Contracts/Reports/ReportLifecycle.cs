using System.Text;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Contracts.Reports;

/// <summary>What someone does to a report. Who may do it (author, supervisor) is the workflow's check, not the lifecycle's.</summary>
public enum ReportAction
{
    /// <summary>Change the envelope or details of a draft or returned report (the author).</summary>
    Edit,

    /// <summary>Ask a supervisor to review a draft or returned report (the author).</summary>
    RequestReview,

    /// <summary>Send a report under review back to its author with a reason (the reviewer).</summary>
    Return,

    /// <summary>Approve a report under review (the reviewer).</summary>
    Approve,

    /// <summary>Submit an approved report, or a draft when review is not mandatory.</summary>
    Submit,

    /// <summary>Change a submitted report: the previous version is kept and the revision increments.</summary>
    Amend,
}

/// <summary>
/// The shared report lifecycle as a pure state machine:
/// <code>
/// DRAFT ──RequestReview──▶ PENDING_REVIEW ──Approve──▶ APPROVED ──Submit──▶ SUBMITTED ──Amend──▶ SUBMITTED
///   │  ◀──Edit                  │  ▲                                            ▲
///   │                      Return│  │RequestReview
///   │                           ▼  │
///   │                        RETURNED ◀──Edit
///   └──────────────Submit (only when review is not mandatory)──────────────────┘
/// </code>
/// A returned report goes through review again: it cannot be submitted directly even when review is
/// optional (the reviewer's reason must be answered). Every other pair is <c>ILLEGAL_TRANSITION</c>.
/// </summary>
public static class ReportLifecycle
{
    /// <summary>The same as <see cref="WorkflowErrorCodes.IllegalTransition"/>, kept for modules that spell it this way.</summary>
    public const string IllegalTransition = WorkflowErrorCodes.IllegalTransition;

    /// <summary>
    /// The status after <paramref name="action"/> on a report in <paramref name="from"/>, or an
    /// <c>ILLEGAL_TRANSITION</c> error (path <c>["input","id"]</c>) naming the status and the action.
    /// </summary>
    /// <param name="from">The report's current status.</param>
    /// <param name="action">What is being done.</param>
    /// <param name="reviewMandatory">Whether the report type or the office requires supervisor review before submission.</param>
    public static Result<ReportStatus> Transition(ReportStatus from, ReportAction action, bool reviewMandatory) =>
        (from, action) switch
        {
            (ReportStatus.Draft, ReportAction.Edit) => Result<ReportStatus>.Success(ReportStatus.Draft),
            (ReportStatus.Returned, ReportAction.Edit) => Result<ReportStatus>.Success(ReportStatus.Returned),
            (ReportStatus.Draft or ReportStatus.Returned, ReportAction.RequestReview) => Result<ReportStatus>.Success(ReportStatus.PendingReview),
            (ReportStatus.PendingReview, ReportAction.Return) => Result<ReportStatus>.Success(ReportStatus.Returned),
            (ReportStatus.PendingReview, ReportAction.Approve) => Result<ReportStatus>.Success(ReportStatus.Approved),
            (ReportStatus.Approved, ReportAction.Submit) => Result<ReportStatus>.Success(ReportStatus.Submitted),
            (ReportStatus.Draft, ReportAction.Submit) when !reviewMandatory => Result<ReportStatus>.Success(ReportStatus.Submitted),
            (ReportStatus.Draft, ReportAction.Submit) => Illegal(from, action, "supervisor review is mandatory for this report; request a review first"),
            (ReportStatus.Returned, ReportAction.Submit) => Illegal(from, action, "a returned report is reviewed again before it is submitted; request a review"),
            (ReportStatus.Submitted, ReportAction.Amend) => Result<ReportStatus>.Success(ReportStatus.Submitted),
            (ReportStatus.Submitted, ReportAction.Edit) => Illegal(from, action, "a submitted report changes only through an amendment"),
            (_, ReportAction.Edit) => Illegal(from, action, "only draft and returned reports can be edited"),
            _ => Illegal(from, action, null),
        };

    /// <summary>The actions <see cref="Transition"/> allows from <paramref name="from"/>, in declaration order.</summary>
    public static IReadOnlyList<ReportAction> AllowedActions(ReportStatus from, bool reviewMandatory) =>
        Enum.GetValues<ReportAction>().Where(a => Transition(from, a, reviewMandatory).Succeeded).ToList();

    /// <summary>Whether the report's envelope and details may be edited (DRAFT, RETURNED).</summary>
    public static bool IsEditable(ReportStatus status) => status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary><c>PendingReview</c> → <c>PENDING_REVIEW</c>: how GraphQL names enum values.</summary>
    public static string GraphQLName<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) result.Append('_');
            result.Append(char.ToUpperInvariant(name[i]));
        }
        return result.ToString();
    }

    private static Result<ReportStatus> Illegal(ReportStatus from, ReportAction action, string? why) =>
        Result<ReportStatus>.Failure(UserError.ForField(
            IllegalTransition,
            $"A {GraphQLName(from)} report cannot take the action {GraphQLName(action)}" + (why is null ? "." : $": {why}."),
            "id"));
}
