using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Schema;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>What a create, update or amend did: the report as stored, or the errors and nothing stored.</summary>
public sealed record ReportOutcome<TReport>(TReport? Report, IReadOnlyList<UserError> Errors)
    where TReport : Report
{
    public static ReportOutcome<TReport> Failed(params UserError[] errors) => new(null, errors);
}

/// <summary>A module's own fields of a create, update or amend: their errors (paths from <c>input</c>) and how to apply them.</summary>
/// <param name="Errors">Field errors of the module's fields; nothing is stored when there are any.</param>
/// <param name="Apply">Copies the (valid) module fields onto the report.</param>
public sealed record ReportDetails<TReport>(IReadOnlyList<UserError> Errors, Action<TReport> Apply)
    where TReport : Report
{
    /// <summary>Loads what <see cref="Apply"/> replaces on a stored report (the type's own lists), before a revision keeps it.</summary>
    public Func<DbContext, TReport, CancellationToken, Task>? LoadAsync { get; init; }

    /// <summary>
    /// Checks the stored report once <see cref="Apply"/> changed it (a designated update's cross-field rules); errors
    /// (paths from <c>input</c>) mean nothing is stored. Null: nothing more to check.
    /// </summary>
    public Func<TReport, IReadOnlyList<UserError>>? Verify { get; init; }
}
