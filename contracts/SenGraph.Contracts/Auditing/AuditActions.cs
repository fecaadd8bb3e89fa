namespace SenGraph.Contracts.Auditing;

/// <summary>What an audit record says happened (its <c>Action</c>).</summary>
public static class AuditActions
{
    /// <summary>A report was returned to the user (a view), with the PII fields returned for it.</summary>
    public const string Read = "Read";

    /// <summary>A row was inserted.</summary>
    public const string Insert = "Insert";

    /// <summary>A row was updated (the record names the changed columns, never their values).</summary>
    public const string Update = "Update";

    /// <summary>A row was deleted.</summary>
    public const string Delete = "Delete";

    /// <summary>A bearer token was rejected (bad signature, expired, wrong issuer or audience, malformed).</summary>
    public const string LogonFailed = "LogonFailed";

    /// <summary>A request was refused because its account is disabled or locked out.</summary>
    public const string LogonRefused = "LogonRefused";

    /// <summary>A user name reached the failed-logon limit and is locked out (the record says until when).</summary>
    public const string AccountLocked = "AccountLocked";

    /// <summary>A signed-in caller's request was refused because their roles do not allow what it selects (a report type, PII): one record per request.</summary>
    public const string AccessDenied = "AccessDenied";

    /// <summary>Every action, for validation and the GraphQL enum.</summary>
    public static IReadOnlyList<string> All { get; } = [Read, Insert, Update, Delete, LogonFailed, LogonRefused, AccountLocked, AccessDenied];
}

/// <summary>The content of one audit record, before it is numbered, timed and chained.</summary>
/// <param name="UserName">Who acted.</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="Entity">The table(s) written (<c>Reports+SirDetails</c>), <c>Reports</c> for a view, <c>Logon</c> for logons.</param>
/// <param name="RecordId">The primary key of the row (composite keys joined with <c>,</c>), or the report id for a view.</param>
/// <param name="OperationName">The GraphQL operation's name, or what system work it was.</param>
/// <param name="RequestId">Correlates the records of one request or WebSocket operation.</param>
/// <param name="PiiFields">For a view: the PII fields returned for the report, as sorted schema coordinates joined with <c>,</c> (<c>ReportPerson.aNumber</c>).</param>
/// <param name="Details">What else a reviewer needs: changed columns of an update, the reason of a refused logon.</param>
public sealed record AuditEntry(
    string UserName, string Action, string Entity, string? RecordId, string? OperationName, string? RequestId, string? PiiFields, string? Details);

/// <summary>The audit trail could not be written: the work it records is not done (or not returned).</summary>
public sealed class AuditException(string message, Exception? inner = null) : Exception(message, inner);
