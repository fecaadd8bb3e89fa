namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// The <c>code</c> of every error a report's lifecycle step answers with, whether the step is drafting and amending
/// (<see cref="ReportDrafts{TContext, TReport}"/>) or review, submission and the queues (the host's workflow), and of
/// the same checks elsewhere (directory, records, sharing, summaries, saved queries). Clients switch on these strings: never
/// change one. Which step answers which, and in what order, is <see cref="ReportStep"/>'s.
/// </summary>
public static class WorkflowErrorCodes
{
    /// <summary>No such report (or record) the caller may see.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The caller's <c>expectedVersion</c> is stale, or a concurrent change won: nothing was written.</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>The caller's roles or relation to the report do not allow the step.</summary>
    public const string NotAuthorized = "NOT_AUTHORIZED";

    /// <summary>The step is not allowed from the report's status (<see cref="ReportLifecycle.Transition"/>).</summary>
    public const string IllegalTransition = "ILLEGAL_TRANSITION";

    /// <summary>Nobody reviews their own report.</summary>
    public const string SelfReview = "SELF_REVIEW";

    /// <summary>The caller's token names no office, and a report belongs to one.</summary>
    public const string NoOffice = "NO_OFFICE";

    /// <summary>The supervisor a report names is not an active user with the Supervisor role.</summary>
    public const string UnknownSupervisor = "UNKNOWN_SUPERVISOR";

    /// <summary>The action officer a report names is not an active user.</summary>
    public const string UnknownUser = "UNKNOWN_USER";

    /// <summary>The supervisor a report names supervises neither its office nor the office above it.</summary>
    public const string SupervisorNotInOffice = "SUPERVISOR_NOT_IN_OFFICE";

    /// <summary>A named recipient is not an office or an active user.</summary>
    public const string UnknownRecipient = "UNKNOWN_RECIPIENT";

    /// <summary>A named recipient is outside the agency (a partner agency's user).</summary>
    public const string RecipientOutsideAgency = "RECIPIENT_OUTSIDE_AGENCY";

    /// <summary>A value the step needs is missing (a return's or an amendment's reason).</summary>
    public const string Required = "REQUIRED";

    /// <summary>A value is longer than its limit (<see cref="ReportLimits"/>).</summary>
    public const string TooLong = "TOO_LONG";

    /// <summary>A list holds more items than its limit (a submission's named recipients).</summary>
    public const string TooMany = "TOO_MANY";
}
