using SenGraph.Contracts.Schema;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>Who asks for a step, as its executor found them.</summary>
/// <param name="UserName">The caller's user name.</param>
/// <param name="Office">The caller's office.</param>
/// <param name="HoldsPolicy">
/// Whether the caller holds what the step asks beyond their part: the type's author or review policy for the envelope
/// steps, being a designated updater for <see cref="ReportStep.DesignatedUpdate"/>. Drafting and amending ignore it
/// (their fields carry the author policy).
/// </param>
public sealed record ReportStepCaller(string? UserName, string? Office, bool HoldsPolicy = true);

/// <summary>
/// The workflow engine: one lifecycle step of a report, decided the same way whichever executor runs it
/// (<see cref="ReportDrafts{TContext, TReport}"/> writes a module's fields in the module's database; the host's
/// <c>ReportWorkflow</c> writes the envelope and queues in the host's). An executor reads what the step needs, asks
/// the step, and writes only when it says yes. Every step is decided in one order, the first failing check answering:
/// <list type="number">
/// <item>the input: <see cref="Reason"/> (<c>REQUIRED</c>, <c>TOO_LONG</c>), before any report is read;</item>
/// <item>the report is one the caller may see, else <c>NOT_FOUND</c> (<see cref="NotFound"/>);</item>
/// <item>the caller's part: the policy, the author for the author's steps, not the author and of the report's office or
/// its named supervisor for review (<c>NOT_AUTHORIZED</c>, <c>SELF_REVIEW</c>);</item>
/// <item>the lifecycle allows the step from the report's status (<see cref="ReportLifecycle.Transition"/>,
/// <c>ILLEGAL_TRANSITION</c>);</item>
/// <item>the report is still at the caller's <c>expectedVersion</c>, else <c>CONFLICT</c> (<see cref="Conflict"/>).</item>
/// </list>
/// A write that then loses a race to a concurrent one is <see cref="Conflict"/> with no version.
/// </summary>
public sealed class ReportStep
{
    private enum Part
    {
        Writer,
        Author,
        Reviewer,
        Designated,
    }

    private readonly Part _part;
    private readonly string _retry;
    private readonly string? _reasonRequired;
    private readonly string? _notAllowed;
    private readonly string? _what;

    private ReportStep(string name, ReportAction action, Part part, string retry, string? reasonRequired = null, string? notAllowed = null, string? what = null)
    {
        Name = name;
        Action = action;
        _part = part;
        _retry = retry;
        _reasonRequired = reasonRequired;
        _notAllowed = notAllowed;
        _what = what;
    }

    private const string TryAgain = "try again";
    private const string ApplyYourEditAgain = "apply your edit again";

    /// <summary>The author replaces the fields of a DRAFT or RETURNED report.</summary>
    public static readonly ReportStep Edit = new("update", ReportAction.Edit, Part.Writer, ApplyYourEditAgain);

    /// <summary>The author changes a SUBMITTED report, saying why.</summary>
    public static readonly ReportStep Amend = new("amend", ReportAction.Amend, Part.Writer, ApplyYourEditAgain, reasonRequired: "An amendment needs a reason.");

    /// <summary>The author asks for review.</summary>
    public static readonly ReportStep RequestReview = new("requestReportReview", ReportAction.RequestReview, Part.Author, TryAgain);

    /// <summary>A reviewer sends the report back, saying why.</summary>
    public static readonly ReportStep Return = new("returnReport", ReportAction.Return, Part.Reviewer, TryAgain,
        reasonRequired: "Say why the report is returned: the author needs to know what to correct.");

    /// <summary>A reviewer approves.</summary>
    public static readonly ReportStep Approve = new("approveReport", ReportAction.Approve, Part.Reviewer, TryAgain);

    /// <summary>The author submits.</summary>
    public static readonly ReportStep Submit = new("submitReport", ReportAction.Submit, Part.Author, TryAgain);

    /// <summary>
    /// The author or a designated updater changes <paramref name="what"/> of a SUBMITTED report, saying why (a revision is
    /// kept as for <see cref="Amend"/>). <paramref name="updaters"/> says who may, for the refusal.
    /// </summary>
    public static ReportStep DesignatedUpdate(string what, string updaters) =>
        new("update " + what, ReportAction.Amend, Part.Designated, ApplyYourEditAgain, reasonRequired: $"An update of the {what} needs a reason.",
            notAllowed: $"Only {updaters} update the report's {what}.", what: what);

    /// <summary>The step as the audit names it (the mutation, or for a module's steps the verb before the type's code).</summary>
    public string Name { get; }

    /// <summary>The lifecycle action the step takes.</summary>
    public ReportAction Action { get; }

    /// <summary>Whether <see cref="Reason"/> asks for a reason.</summary>
    public bool NeedsReason => _reasonRequired is not null;

    /// <summary>
    /// The step's reason, trimmed, or why it is refused: <c>REQUIRED</c> when empty, <c>TOO_LONG</c> over
    /// <see cref="ReportLimits.ReasonMaxLength"/> (path <c>["input","reason"]</c>). A step that takes no reason answers null.
    /// </summary>
    public Result<string?> Reason(string? reason)
    {
        if (_reasonRequired is null) return Result<string?>.Success(null);
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0) return Result<string?>.Failure(UserError.ForField(WorkflowErrorCodes.Required, _reasonRequired, "reason"));
        if (trimmed.Length > ReportLimits.ReasonMaxLength)
            return Result<string?>.Failure(UserError.ForField(WorkflowErrorCodes.TooLong, $"The reason may have at most {ReportLimits.ReasonMaxLength:N0} characters.", "reason"));
        return Result<string?>.Success(trimmed);
    }

    /// <summary>
    /// The status the report takes, or the first check that refuses the step (input aside: see <see cref="Reason"/>).
    /// </summary>
    /// <param name="report">The report as the caller may see it, or null when they may not (or it does not exist).</param>
    /// <param name="typeCode">The report type, when the executor knows which one was asked for; named in <c>NOT_FOUND</c>.</param>
    /// <param name="caller">Who asks.</param>
    /// <param name="expectedVersion">The version the caller saw.</param>
    /// <param name="reviewMandatory">For <see cref="Submit"/>: whether the type or the office requires review.</param>
    public Result<ReportStatus> Decide(Report? report, string? typeCode, ReportStepCaller caller, int expectedVersion, bool reviewMandatory = false)
    {
        if (report is null) return Result<ReportStatus>.Failure(NotFound(typeCode));
        if (Refusal(report, typeCode, caller) is { } refused) return Result<ReportStatus>.Failure(refused);
        var transition = Transition(report.Status, reviewMandatory);
        if (!transition.Succeeded) return transition;
        return report.Version == expectedVersion ? transition : Result<ReportStatus>.Failure(Conflict(report.Version));
    }

    private UserError? Refusal(Report report, string? typeCode, ReportStepCaller caller) => _part switch
    {
        Part.Designated when !caller.HoldsPolicy => NotAuthorized(_notAllowed!),
        Part.Designated => null,
        // Drafting and amending: the field's author policy let the caller this far.
        Part.Writer => report.Author == caller.UserName ? null : NotAuthorized("Only the report's author changes it."),
        Part.Author when !caller.HoldsPolicy => NotAuthorized($"Your roles do not allow you to submit {typeCode} reports."),
        Part.Author when report.Author != caller.UserName => NotAuthorized("Only the report's author asks for its review or submits it."),
        Part.Author => null,
        _ when !caller.HoldsPolicy => NotAuthorized($"Your roles do not allow you to review {typeCode} reports."),
        _ when report.Author == caller.UserName => UserError.ForField(WorkflowErrorCodes.SelfReview, "Nobody reviews their own report.", "id"),
        _ when report.OriginatingOffice != caller.Office && report.Supervisor != caller.UserName =>
            NotAuthorized("Only a supervisor of the report's office, or the supervisor it names, reviews it."),
        _ => null,
    };

    private Result<ReportStatus> Transition(ReportStatus from, bool reviewMandatory) =>
        _part == Part.Designated && from != ReportStatus.Submitted
            ? Result<ReportStatus>.Failure(UserError.ForField(WorkflowErrorCodes.IllegalTransition,
                $"Only a SUBMITTED report's {_what} is updated this way; the report is {from}.", "id"))
            : ReportLifecycle.Transition(from, Action, reviewMandatory);

    /// <summary>
    /// <c>NOT_FOUND</c> for a report the caller may not see, as if it did not exist; it names the type when the executor
    /// knows which was asked for (a module's own steps), and no type otherwise (the host's, which read only the id).
    /// </summary>
    public static UserError NotFound(string? typeCode) => UserError.ForField(
        WorkflowErrorCodes.NotFound, typeCode is null ? "There is no report with this id." : $"There is no {typeCode} report with this id.", "id");

    /// <summary>
    /// <c>CONFLICT</c> (path <c>expectedVersion</c>): the report is at <paramref name="currentVersion"/>, not the caller's, or
    /// (null) a concurrent write won while this one was stored. Nothing was written.
    /// </summary>
    public UserError Conflict(int? currentVersion) => UserError.ForField(
        WorkflowErrorCodes.Conflict,
        currentVersion is { } v
            ? $"The report was changed by someone else (now version {v}); reload it and {_retry}."
            : $"The report was changed by someone else; reload it and {_retry}.",
        "expectedVersion");

    /// <summary>
    /// <c>CONFLICT</c> (path <c>id</c>) when a submission could not be stored even after retrying: concurrent submissions
    /// kept taking the values it allocates. Nothing was written.
    /// </summary>
    public static UserError SubmitContended() => UserError.ForField(
        WorkflowErrorCodes.Conflict, "The report could not be submitted because of a concurrent change; reload it and try again.", "id");

    private static UserError NotAuthorized(string message) => UserError.ForField(WorkflowErrorCodes.NotAuthorized, message, "id");
}
