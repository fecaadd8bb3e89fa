using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Security;
using SenGraph.Host.Auditing;
using SenGraph.Host.Modules;
using SenGraph.Host.Observability;
using SenGraph.Host.Security;

namespace SenGraph.Host.GraphQL.Pipeline;

/// <summary>
/// The one path a GraphQL operation takes, whatever its transport (HTTP, graphql-sse, graphql-transport-ws):
/// <list type="number">
/// <item><see cref="RefuseTokenAsync"/> / <see cref="CheckCallerAsync"/>: a rejected token is audited (and counts toward
/// the lockout); a disabled, locked or not approved account is refused. Transports call these first, before they read
/// the request, and a socket again per operation and per event.</item>
/// <item><see cref="ExecuteAsync"/>: a lease on the current schema, the audit context and scope (writes name it), and the
/// executer, whose validation rules hold authorization, the Rules of Behavior and the limits (<c>GraphQLLimits</c>,
/// <c>DocumentCache</c>, telemetry are <c>IConfigureExecution</c>s); then the views in the result are recorded before
/// it is sent, and denied access is audited.</item>
/// <item><see cref="RecordEventAsync"/>: a subscription's events are views too, recorded one by one before they are sent.</item>
/// </list>
/// Transports keep only what is theirs: reading and framing messages, status and close codes, keep-alive.
/// </summary>
public sealed class OperationPipeline(
    SchemaHost schemas, IDocumentExecuter executer, IServiceScopeFactory scopes, LogonGuard logons, AuditTrail audit,
    ILogger<OperationPipeline> logger)
{
    /// <summary>Audits a bearer token that was not valid (it counts toward its user's lockout) and says how to refuse it.</summary>
    public Task<LogonRefusal> RefuseTokenAsync(string? token, string failure, string auditId, string clientAddress) =>
        logons.RecordFailureAsync(token, failure, auditId, clientAddress);

    /// <summary>Null when <paramref name="user"/> may run operations now; otherwise why not (audited by the guard).</summary>
    public Task<LogonRefusal?> CheckCallerAsync(ClaimsPrincipal? user, string auditId) => logons.CheckAsync(user, auditId);

    /// <summary>
    /// Runs <paramref name="request"/> for <paramref name="caller"/>. The caller disposes the returned operation once its
    /// result (or its stream) has been sent.
    /// </summary>
    public async Task<RunningOperation> ExecuteAsync(GraphQLRequest request, OperationCaller caller)
    {
        var lease = schemas.Acquire();
        AsyncServiceScope? scope = caller.Services is null ? scopes.CreateAsyncScope() : null;
        var auditContext = new AuditContext(caller.User.GetUserName() ?? AuditContext.AnonymousUser, caller.AuditId);
        var operation = new RunningOperation(caller, lease, scope, auditContext);
        try
        {
            var execution = Options(request, caller, operation, scope?.ServiceProvider ?? caller.Services!);
            ExecutionResult result;
            using (AuditScope.Begin(auditContext)) result = await executer.ExecuteAsync(execution);
            operation.Result = result;
            if (operation.Stream is not null) return operation;

            // What the result shows is recorded before it is sent (or it is replaced by AUDIT_UNAVAILABLE).
            if (!caller.SkipViewAudit) result = await audit.RecordViewsAsync(result, operation.Schema, auditContext);
            await DeniedAccess.RecordAsync(audit, result, auditContext, logger);
            operation.Result = result;
            return operation;
        }
        catch
        {
            await operation.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Records the views of one subscription event before it is sent; the result to send (not executed, with
    /// <c>AUDIT_UNAVAILABLE</c>, when the views could not be recorded: the subscription then ends).
    /// </summary>
    public Task<ExecutionResult> RecordEventAsync(RunningOperation operation, ExecutionResult result) =>
        operation.Caller.Deliveries is { } deliveries
            ? deliveries.RecordAsync(result, operation.Schema, operation.Audit, operation.Caller.OperationId!)
            : audit.RecordViewsAsync(result, operation.Schema, operation.Audit);

    private static ExecutionOptions Options(GraphQLRequest request, OperationCaller caller, RunningOperation operation, IServiceProvider services)
    {
        var execution = new ExecutionOptions
        {
            Schema = operation.Schema,
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = caller.User,
            RequestServices = services,
            CancellationToken = caller.Cancellation,
        };
        if (caller.TransportRule is { } rule)
        {
            execution.ValidationRules = [.. DocumentValidator.CoreRules, rule];
            execution.CachedDocumentValidationRules = [rule];
        }

        execution.UserContext[AuditOperationListener.Key] = operation.Audit;
        if (caller.Deliveries is { } deliveries) execution.UserContext[SocketDeliveries.Key] = deliveries;
        if (caller.SkipAuthorizationRule) execution.UserContext[BenchSwitches.SkipAuthorizationRuleKey] = true;
        return execution;
    }
}
