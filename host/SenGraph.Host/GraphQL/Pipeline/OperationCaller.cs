using System.Security.Claims;
using GraphQL.Validation;
using SenGraph.Host.Auditing;

namespace SenGraph.Host.GraphQL.Pipeline;

/// <summary>
/// Who runs an operation and what their transport adds to it: the principal (the directory's current view of the caller),
/// the id audit records name (an HTTP trace identifier, or <c>ws:&lt;socket&gt;/&lt;operation&gt;</c>), and the services and
/// cancellation of the request. A transport without a request scope (a WebSocket) leaves <see cref="Services"/> null and
/// the pipeline opens a scope per operation.
/// </summary>
public sealed record OperationCaller(ClaimsPrincipal User, string AuditId, CancellationToken Cancellation)
{
    /// <summary>The request's services; null for a scope of the operation's own, held as long as it runs.</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>A validation rule of the transport (which operation types an HTTP method may carry), run on cached documents too.</summary>
    public IValidationRule? TransportRule { get; init; }

    /// <summary>A socket's audit of live deliveries (one record per submission for all its subscriptions); null elsewhere.</summary>
    public SocketDeliveries? Deliveries { get; init; }

    /// <summary>The operation's id on its socket, for <see cref="Deliveries"/>.</summary>
    public string? OperationId { get; init; }

    /// <summary>Development benchmarks only (<see cref="Observability.BenchSwitches"/>): skip the audit of views.</summary>
    public bool SkipViewAudit { get; init; }

    /// <summary>Development benchmarks only (<see cref="Observability.BenchSwitches"/>): skip the authorization rule.</summary>
    public bool SkipAuthorizationRule { get; init; }
}
