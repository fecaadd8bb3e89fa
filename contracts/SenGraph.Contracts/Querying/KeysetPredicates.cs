using System.Linq.Expressions;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// The <c>WHERE</c> of keyset paging: the items strictly after (or before) a position in an ordering, a
/// position being the values of every sort key of one item. Null sorts first in ascending order and last
/// in descending order, as SQLite and SQL Server order them.
/// </summary>
internal static class KeysetPredicates
{
    private static readonly HashSet<Type> ComparableTypes =
    [
        typeof(byte), typeof(short), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(float),
        typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(Guid), typeof(string),
    ];

    /// <summary>
    /// Whether the database can compare every key with a value the way it orders it. Enums (often stored
    /// as text) and booleans cannot be compared portably: an ordering on one pages by offset.
    /// </summary>
    public static bool Supports(IEnumerable<SortKey> keys) =>
        keys.All(k => ComparableTypes.Contains(Nullable.GetUnderlyingType(k.Type) ?? k.Type));

    /// <summary>The items that come after <paramref name="position"/> in the ordering (or before it, <paramref name="after"/> false).</summary>
    public static Expression<Func<TEntity, bool>> Beyond<TEntity>(IReadOnlyList<SortKey> keys, object?[] position, bool after)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        Expression? any = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = ParameterReplacer.Replace(keys[i].Selector, entity);
            // Later in the order: greater when ascending, smaller when descending; earlier: the reverse.
            var greater = after != keys[i].Descending;
            var here = And(equalSoFar, Strictly(key, position[i], greater));
            any = any is null ? here : Expression.OrElse(any, here);
            equalSoFar = And(equalSoFar, EqualTo(key, position[i]));
        }
        return Expression.Lambda<Func<TEntity, bool>>(any ?? Expression.Constant(false), entity);
    }

    /// <summary>Key strictly greater than value (or smaller), null being the smallest of all.</summary>
    private static Expression Strictly(Expression key, object? value, bool greater)
    {
        var nullable = !key.Type.IsValueType || Nullable.GetUnderlyingType(key.Type) is not null;
        var isNull = nullable ? Expression.Equal(key, Expression.Constant(null, key.Type)) : null;
        if (value is null)
            return greater ? Expression.Not(isNull!) : Expression.Constant(false);
        var compared = Compare(key, value, greater);
        return greater || isNull is null ? compared : Expression.OrElse(compared, isNull);
    }

    private static Expression Compare(Expression key, object value, bool greater)
    {
        var parameter = QueryParameter.Hold(value, key.Type);
        if (key.Type == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, parameter);
            return greater ? Expression.GreaterThan(compare, Expression.Constant(0)) : Expression.LessThan(compare, Expression.Constant(0));
        }
        return greater ? Expression.GreaterThan(key, parameter) : Expression.LessThan(key, parameter);
    }

    private static Expression EqualTo(Expression key, object? value) =>
        value is null ? Expression.Equal(key, Expression.Constant(null, key.Type)) : Expression.Equal(key, QueryParameter.Hold(value, key.Type));

    private static Expression And(Expression left, Expression right) =>
        left is ConstantExpression { Value: true } ? right : Expression.AndAlso(left, right);
}
