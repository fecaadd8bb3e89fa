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
        var first = ParameterReplacer.Replace(keys[0].Selector, entity);
        // (k1 beyond v1) OR (k1 = v1 AND the rest beyond) is, where k1 at-or-beyond v1 needs no IS NULL, the same as
        // k1 at-or-beyond v1 AND NOT (k1 = v1 AND NOT the rest beyond): a range on k1 the database seeks its index to, and no OR
        // at the top. With the OR, SQLite read every item from the start of the order to the position, or (bound as parameters)
        // merged two index ranges and sorted every item beyond it: page 200 of the IROC feed cost 12 times page 1.
        if (keys.Count > 1 && Bound(first, position[0], after != keys[0].Descending) is { } bound)
            return Expression.Lambda<Func<TEntity, bool>>(
                Expression.AndAlso(bound, Expression.Not(Expression.AndAlso(EqualTo(first, position[0]), Expression.Not(Chain(keys, position, after, entity, 1))))),
                entity);
        return Expression.Lambda<Func<TEntity, bool>>(Chain(keys, position, after, entity, 0), entity);
    }

    /// <summary>The keys from <paramref name="from"/> on beyond their values: the first strictly beyond, or equal and the next beyond, and so on.</summary>
    private static Expression Chain(IReadOnlyList<SortKey> keys, object?[] position, bool after, ParameterExpression entity, int from)
    {
        Expression? any = null;
        Expression equalSoFar = Expression.Constant(true);
        for (var i = from; i < keys.Count; i++)
        {
            var key = ParameterReplacer.Replace(keys[i].Selector, entity);
            // Later in the order: greater when ascending, smaller when descending; earlier: the reverse.
            var greater = after != keys[i].Descending;
            var here = And(equalSoFar, Strictly(key, position[i], greater));
            any = any is null ? here : Expression.OrElse(any, here);
            equalSoFar = And(equalSoFar, EqualTo(key, position[i]));
        }

        return any ?? Expression.Constant(false);
    }

    /// <summary>The first key at or beyond its value; null when that would need <c>IS NULL</c> (a nullable key read towards its nulls).</summary>
    private static Expression? Bound(Expression key, object? value, bool greater)
    {
        var nullable = !key.Type.IsValueType || Nullable.GetUnderlyingType(key.Type) is not null;
        if (value is null || nullable && !greater) return null;
        return Compare(key, value, greater, orEqual: true);
    }

    /// <summary>Key strictly greater than value (or smaller), null being the smallest of all.</summary>
    private static Expression Strictly(Expression key, object? value, bool greater)
    {
        var nullable = !key.Type.IsValueType || Nullable.GetUnderlyingType(key.Type) is not null;
        var isNull = nullable ? Expression.Equal(key, Expression.Constant(null, key.Type)) : null;
        if (value is null)
            return greater ? Expression.Not(isNull!) : Expression.Constant(false);
        var compared = Compare(key, value, greater, orEqual: false);
        return greater || isNull is null ? compared : Expression.OrElse(compared, isNull);
    }

    private static Expression Compare(Expression key, object value, bool greater, bool orEqual)
    {
        var parameter = QueryParameter.Hold(value, key.Type);
        Func<Expression, Expression, BinaryExpression> op = (greater, orEqual) switch
        {
            (true, false) => Expression.GreaterThan, (true, true) => Expression.GreaterThanOrEqual,
            (false, false) => Expression.LessThan, (false, true) => Expression.LessThanOrEqual,
        };
        if (key.Type == typeof(string))
            return op(Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, parameter), Expression.Constant(0));
        return op(key, parameter);
    }

    private static Expression EqualTo(Expression key, object? value) =>
        value is null ? Expression.Equal(key, Expression.Constant(null, key.Type)) : Expression.Equal(key, QueryParameter.Hold(value, key.Type));

    private static Expression And(Expression left, Expression right) =>
        left is ConstantExpression { Value: true } ? right : Expression.AndAlso(left, right);
}
