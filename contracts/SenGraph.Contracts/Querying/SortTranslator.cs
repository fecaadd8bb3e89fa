using System.Collections;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// Turns an <c>order</c> argument into <c>OrderBy</c>/<c>ThenBy</c> calls and appends the tie-breaker, so
/// that every page is cut from the same deterministic order.
/// </summary>
internal static class SortTranslator
{
    private static readonly HashSet<string> OrderingMethods =
        [nameof(Queryable.OrderBy), nameof(Queryable.OrderByDescending), nameof(Queryable.ThenBy), nameof(Queryable.ThenByDescending)];

    public static IQueryable<TEntity> Apply<TEntity>(IQueryable<TEntity> source, IList? order, IComplexGraphType? sortType, LambdaExpression tieBreaker)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var expression = source.Expression;
        // Without an order argument, an ordering the resolver already applied stays the default.
        var ordered = (order is null || order.Count == 0) && IsOrdered(expression);
        var keys = new List<string>();

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
                expression = OrderBy(expression, entity, property, direction, ref ordered);
                keys.Add(ParameterReplacer.Replace(property, entity).ToString());
            }
        }

        if (!keys.Contains(ParameterReplacer.Replace(tieBreaker, entity).ToString()))
            expression = OrderBy(expression, entity, tieBreaker, SortDirection.Ascending, ref ordered);
        return source.Provider.CreateQuery<TEntity>(expression);
    }

    private static Expression OrderBy(Expression source, ParameterExpression entity, LambdaExpression property, SortDirection direction, ref bool ordered)
    {
        var key = ParameterReplacer.Replace(property, entity);
        var method = (ordered, direction) switch
        {
            (false, SortDirection.Ascending) => nameof(Queryable.OrderBy),
            (false, SortDirection.Descending) => nameof(Queryable.OrderByDescending),
            (true, SortDirection.Ascending) => nameof(Queryable.ThenBy),
            _ => nameof(Queryable.ThenByDescending),
        };
        ordered = true;
        return Expression.Call(typeof(Queryable), method, [entity.Type, key.Type], source, Expression.Quote(Expression.Lambda(key, entity)));
    }

    private static bool IsOrdered(Expression expression) =>
        expression is MethodCallExpression call && call.Method.DeclaringType == typeof(Queryable) && OrderingMethods.Contains(call.Method.Name);
}
