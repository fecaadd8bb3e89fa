using GraphQL;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.GraphQL.Authorization;

namespace SenGraph.Host.Auditing;

/// <summary>
/// Failed access attempts are auditable (NIST AU-2): a signed-in caller's request refused because their roles do not
/// allow what it selects (a report type they may not read, a PII field, a root field outside their roles), or that asked
/// by id for reports outside their scope (<c>node</c>, <c>nodes</c>, <c>x(id)</c>, workflow steps answering <c>NOT_FOUND</c>;
/// <see cref="AuditContext.NoteDeniedLookup"/>), leaves one <see cref="AuditActions.AccessDenied"/> record per request,
/// whatever it selected, naming every refusal and every report id. Requests
/// without a token are not recorded: they name nobody, and anyone could fill the trail with them.
/// </summary>
public static class DeniedAccess
{
    /// <summary>The <c>Entity</c> of an access-denied record: what was asked for, not a table.</summary>
    public const string Entity = "GraphQL";

    private const int MaxDetailsLength = 4000;

    /// <summary>The record for <paramref name="result"/>, or null when nothing in it was refused to a signed-in caller.</summary>
    public static AuditEntry? Entry(ExecutionResult result, AuditContext context)
    {
        var refusals = (result.Errors ?? []).OfType<AuthorizationError>().Where(e => !e.IsAuthenticationFailure)
            .Select(e => e.Message).Distinct(StringComparer.Ordinal).ToList();
        // Lookups by id of reports the caller may not see: answered as "does not exist", recorded here (signed-in callers only).
        if (context.UserName != AuditContext.AnonymousUser) refusals.AddRange(context.DeniedLookups);
        if (refusals.Count == 0) return null;
        var details = string.Join(" | ", refusals);
        if (details.Length > MaxDetailsLength) details = details[..MaxDetailsLength] + "…";
        return new AuditEntry(context.UserName, AuditActions.AccessDenied, Entity, null, context.OperationName, context.RequestId, null, details);
    }

    /// <summary>
    /// Appends the record for <paramref name="result"/>, if any, through the trail's public entry point. A failure to
    /// record a refusal is logged and does not change the answer: nothing was shown.
    /// </summary>
    public static async Task RecordAsync(AuditTrail audit, ExecutionResult result, AuditContext context, ILogger logger)
    {
        if (Entry(result, context) is not { } denied) return;
        try
        {
            await audit.AppendAsync([denied]);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The audit trail could not record a refused request by {UserName}.", context.UserName);
        }
    }
}
