using GraphQL.Validation;
using GraphQLParser.AST;

namespace SenGraph.Host.GraphQL.Http;

/// <summary>GET may only run queries (GraphQL over HTTP: a mutation over GET is refused with 405).</summary>
public sealed class HttpGetQueryOnlyRule : ValidationRuleBase
{
    public static readonly HttpGetQueryOnlyRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
            context.ReportError(new HttpMethodError(context));
        return default;
    }

    public sealed class HttpMethodError(ValidationContext context) : ValidationError(
        context.Document.Source, null,
        $"Only queries may be sent with GET; send this {context.Operation.Operation.ToString().ToLowerInvariant()} with POST.",
        context.Operation)
    {
    }
}
