using System.Collections;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;

namespace SenGraph.Contracts.Querying;

/// <summary>One key of an ordering: <c>e =&gt; e.Prop</c> (on the parameter <c>e</c>) and its direction.</summary>
internal sealed record SortKey(LambdaExpression Selector, bool Descending)
{
    /// <summary>The key's text, the same for the same property whatever the lambda's parameter was called.</summary>
    public string Path { get; } = Selector.Body.ToString();

    public Type Type => Selector.ReturnType;
}

/// <summary>
/// Turns an <c>order</c> argument, or the ordering the resolver applied, into the list of sort keys and
/// appends the tie-breaker, so that every page is cut from the same deterministic order; applies them.
/// </summary>
internal static class SortTranslator
{
    private static readonly HashSet<string> OrderingMethods =
        [nameof(Queryable.OrderBy), nameof(Queryable.OrderByDescending), nameof(Queryable.ThenBy), nameof(Queryable.ThenByDescending)];

    /// <summary>
    /// Takes the resolver's own ordering off <paramref name="source"/> (the outermost OrderBy/ThenBy calls):
    /// it is the default ordering, used unless the caller passes <c>order</c>.
    /// </summary>
    public static (IQueryable<TEntity> Unordered, List<SortKey> Keys) Split<TEntity>(IQueryable<TEntity> source)
    {
        var keys = new List<SortKey>();
        var expression = source.Expression;
        while (expression is MethodCallExpression { Arguments.Count: 2 } call && call.Method.DeclaringType == typeof(Queryable) && OrderingMethods.Contains(call.Method.Name))
        {
            var selector = (LambdaExpression)((UnaryExpression)call.Arguments[1]).Operand;
            keys.Insert(0, new SortKey(OnEntity(selector, typeof(TEntity)), call.Method.Name.EndsWith("Descending", StringComparison.Ordinal)));
            expression = call.Arguments[0];
            if (call.Method.Name.StartsWith("OrderBy", StringComparison.Ordinal)) break;
        }
        return (source.Provider.CreateQuery<TEntity>(expression), keys);
    }

    /// <summary>The keys of <paramref name="order"/> if given, else <paramref name="defaultKeys"/>, then the tie-breaker.</summary>
    public static List<SortKey> Keys(IList? order, IComplexGraphType? sortType, List<SortKey> defaultKeys, LambdaExpression tieBreaker, Type entityType)
    {
        var keys = order is null || order.Count == 0 ? defaultKeys : [];
        foreach (IDictionary<string, object?> entry in order ?? Array.Empty<object>())
        {
            // GraphQL.NET hands input fields over in declaration order, not the order written, so one
            // key per entry is the only way to say which key is more significant.
            if (entry.Count(e => e.Value is not null) != 1)
                throw new QueryingException(QueryingErrorCodes.SortInvalidArgument,
                    "Each order entry names exactly one field: order: [{ a: ASC }, { b: DESC }].");
            foreach (var (name, value) in entry)
            {
                if (value is not SortDirection direction) continue;
                var property = sortType!.GetField(name)?.GetMetadata<LambdaExpression>(NodeGraphTypes.PropertyKey)
                    ?? throw new InvalidOperationException($"{sortType.Name}.{name} maps to no entity property.");
                keys.Add(new SortKey(OnEntity(property, entityType), direction == SortDirection.Descending));
            }
        }

        // The tie-breaker runs the way the key before it does: an index on (key, tie-breaker) then serves the order read forward
        // or backward, where a mixed order (key DESC, tie-breaker ASC) made SQLite sort every row before the page.
        var tie = new SortKey(OnEntity(tieBreaker, entityType), Descending: keys.Count > 0 && keys[^1].Descending);
        if (!keys.Any(k => k.Path == tie.Path)) keys.Add(tie);
        return keys;
    }

    /// <summary><paramref name="source"/> ordered by <paramref name="keys"/>, or by their exact reverse.</summary>
    public static IQueryable<TEntity> Apply<TEntity>(IQueryable<TEntity> source, IReadOnlyList<SortKey> keys, bool reverse)
    {
        var expression = source.Expression;
        for (var i = 0; i < keys.Count; i++)
        {
            var method = (i == 0, keys[i].Descending != reverse) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                _ => nameof(Queryable.ThenByDescending),
            };
            expression = Expression.Call(typeof(Queryable), method, [typeof(TEntity), keys[i].Type], expression, Expression.Quote(keys[i].Selector));
        }
        return source.Provider.CreateQuery<TEntity>(expression);
    }

    private static LambdaExpression OnEntity(LambdaExpression selector, Type entityType)
    {
        var entity = Expression.Parameter(entityType, "e");
        return Expression.Lambda(ParameterReplacer.Replace(selector, entity), entity);
    }
}
