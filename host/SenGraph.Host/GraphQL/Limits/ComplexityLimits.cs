using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using SenGraph.Contracts.Querying;

namespace SenGraph.Host.GraphQL.Limits;

/// <summary>
/// Depth and cost limits with GraphQL.NET's own <see cref="ComplexityValidationRule"/>. Two things are ours:
/// connection fields (the contracts' querying machinery) cost their selection times the page they ask
/// for, and a refusal carries a code saying which limit it hit.
/// </summary>
public static class ComplexityLimits
{
    public static ComplexityValidationRule CreateRule(GraphQLOptions limits)
    {
        var options = new ComplexityOptions
        {
            MaxDepth = limits.MaxDepth,
            MaxComplexity = limits.MaxComplexity,
            DefaultListImpactMultiplier = limits.DefaultListMultiplier,
        };
        var builtIn = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = context => Impact(context, builtIn);
        options.ValidateComplexityDelegate = context =>
        {
            // GraphQL.NET has already put a ComplexityError here if a limit was exceeded; say which one, with a code.
            var validation = context.ValidationContext;
            if (context.MaxDepth > limits.MaxDepth)
                context.Error = OperationSizeRule.Error(validation, LimitErrorCodes.MaxDepthExceeded,
                    $"The operation is {context.MaxDepth} levels deep; at most {limits.MaxDepth} are allowed.");
            else if (context.TotalImpact > limits.MaxComplexity)
                context.Error = OperationSizeRule.Error(validation, LimitErrorCodes.MaxComplexityExceeded,
                    $"The operation's estimated cost is {context.TotalImpact:0}; at most {limits.MaxComplexity} is allowed. Ask for smaller pages (first/last) or fewer fields.");
            return Task.CompletedTask;
        };
        return new ComplexityValidationRule(options);
    }

    /// <summary>
    /// A connection field multiplies the cost of its selection by <c>first</c>, else <c>last</c>, else its default
    /// page size. The lists inside it (<c>nodes</c>, <c>edges</c>) are that page, so they multiply by 1 (GraphQL.NET's
    /// default would multiply them by the page size a second time). Introspection lists multiply by 1. Every
    /// other field: GraphQL.NET's default.
    /// </summary>
    private static FieldComplexityResult Impact(FieldImpactContext context, Func<FieldImpactContext, FieldComplexityResult> builtIn)
    {
        var result = builtIn(context);
        if (context.FieldDefinition.GetQueryingOptions() is { } paging)
            return new(result.FieldImpact, Math.Max(0, PageSize(context, "first") ?? PageSize(context, "last") ?? paging.DefaultPageSize));
        if (context.Parent is { } parent && parent.FieldDefinition.GetQueryingOptions() is not null)
            return new(result.FieldImpact, 1);
        // Introspection's lists are the schema, not data: counted once each. Their cycles (fields → type →
        // fields …) are bounded by OperationSizeRule's introspection depth instead.
        if (context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
            return new(result.FieldImpact, 1);
        return result;
    }

    /// <summary>
    /// GraphQL.NET prices <c>__Schema.types</c> (and <c>directives</c>) by how many the schema has, so the standard
    /// introspection query would cost more with every module loaded until IDEs and code generators were refused. Like
    /// the other introspection lists they count once; introspection depth is bounded by <see cref="OperationSizeRule"/>.
    /// Call on a composed, initialized schema.
    /// </summary>
    public static void PriceIntrospectionListsOnce(ISchema schema)
    {
        if (schema.AllTypes["__Schema"] is not IComplexGraphType meta) return;
        foreach (var name in new[] { "types", "directives" })
            meta.GetField(name)?.WithComplexityImpact(1, 1);
    }

    private static int? PageSize(FieldImpactContext context, string argument) =>
        context.Arguments?.TryGetValue(argument, out var value) == true && value.Value is int size ? size : null;
}
