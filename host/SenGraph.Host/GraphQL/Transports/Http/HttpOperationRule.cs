using GraphQL.Validation;
using GraphQLParser.AST;

namespace SenGraph.Host.GraphQL.Transports.Http;

/// <summary>Which operations each HTTP method may carry.</summary>
public sealed class HttpOperationRule : ValidationRuleBase
{
    /// <summary>GET runs queries only (GraphQL over HTTP: anything else is 405).</summary>
    public static readonly HttpOperationRule Get = new(OperationType.Query);

    /// <summary>POST runs queries and mutations; subscriptions need the WebSocket transport.</summary>
    public static readonly HttpOperationRule Post = new(OperationType.Query, OperationType.Mutation);

    private readonly OperationType[] _allowed;

    private HttpOperationRule(params OperationType[] allowed) => _allowed = allowed;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation.Operation;
        if (!_allowed.Contains(operation))
        {
            context.ReportError(this == Get
                ? new HttpMethodError(context)
                : new ValidationError(context.Document.Source, null,
                    $"A {Name(operation)} needs a stream: send it over the WebSocket transport (graphql-transport-ws) on this endpoint.",
                    context.Operation) { Code = "SUBSCRIPTION_NEEDS_WEBSOCKET" });
        }

        return default;
    }

    private static string Name(OperationType operation) => operation.ToString().ToLowerInvariant();

    /// <summary>A mutation or subscription sent with GET: answered 405.</summary>
    public sealed class HttpMethodError(ValidationContext context) : ValidationError(
        context.Document.Source, null,
        $"Only queries may be sent with GET; send this {Name(context.Operation.Operation)} with POST.",
        context.Operation)
    {
    }
}
