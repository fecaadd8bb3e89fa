using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.Modules;

namespace SenGraph.Host.GraphQL.Pipeline;

/// <summary>
/// An operation the <see cref="OperationPipeline"/> ran. It holds its schema lease (and its own service scope, if it has
/// one) until disposed, so the module versions serving it, a subscription's stream included, stay loaded until it ends.
/// </summary>
public sealed class RunningOperation(OperationCaller caller, SchemaLease lease, AsyncServiceScope? scope, AuditContext audit) : IAsyncDisposable
{
    public OperationCaller Caller { get; } = caller;

    /// <summary>The context audit records of this operation name (writes made by it, views recorded from it).</summary>
    public AuditContext Audit { get; } = audit;

    public ISchema Schema => lease.Snapshot.Schema;

    /// <summary>
    /// The result: for a query or mutation, with its views already recorded (or replaced by <c>AUDIT_UNAVAILABLE</c>);
    /// for a subscription, the result holding <see cref="Stream"/>. Not executed when the request was refused before
    /// execution (parse, validation, authorization, Rules of Behavior, limits).
    /// </summary>
    public ExecutionResult Result { get; internal set; } = new();

    /// <summary>A subscription's events; each is to go through <see cref="OperationPipeline.RecordEventAsync"/> before it is sent.</summary>
    public IObservable<ExecutionResult>? Stream => Result.Streams?.Values.FirstOrDefault();

    /// <summary>The subscribed root field, to notice a schema that no longer has it.</summary>
    public string? SubscribedField => Result.Operation?.SelectionSet.Selections.OfType<GraphQLField>().FirstOrDefault()?.Name.StringValue;

    public async ValueTask DisposeAsync()
    {
        if (scope is { } owned) await owned.DisposeAsync();
        lease.Dispose();
    }
}
