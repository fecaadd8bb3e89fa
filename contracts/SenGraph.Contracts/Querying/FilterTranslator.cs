using System.Collections;
using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using static SenGraph.Contracts.Querying.FilterOperations;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// Turns a <c>where</c> argument into one predicate over the entity, an expression tree the database
/// provider translates to SQL. Values become query parameters, never literals.
/// </summary>
internal sealed class FilterTranslator(QueryingOptions options)
{
    public Expression<Func<TEntity, bool>> Translate<TEntity>(IDictionary<string, object?> where, IComplexGraphType filterType)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        var body = Conditions(where, filterType, entity, depth: 1) ?? Expression.Constant(true);
        return Expression.Lambda<Func<TEntity, bool>>(body, entity);
    }

    private Expression? Conditions(IDictionary<string, object?> filter, IComplexGraphType filterType, ParameterExpression entity, int depth)
    {
        if (depth > options.MaxFilterDepth)
            throw new QueryingException(QueryingErrorCodes.FilterTooDeep, $"where nests and/or deeper than {options.MaxFilterDepth} levels.");

        Expression? all = null;
        foreach (var (name, value) in filter)
        {
            if (value is null) continue;
            var condition = name switch
            {
                "and" => Combine(List(value, name), filterType, entity, depth, Expression.AndAlso),
                "or" => Combine(List(value, name), filterType, entity, depth, Expression.OrElse),
                _ => FieldConditions(name, (IDictionary<string, object?>)value, filterType, entity),
            };
            if (condition is not null) all = all is null ? condition : Expression.AndAlso(all, condition);
        }
        return all;
    }

    private Expression? Combine(IList items, IComplexGraphType filterType, ParameterExpression entity, int depth, Func<Expression, Expression, Expression> combine)
    {
        Expression? combined = null;
        foreach (IDictionary<string, object?> item in items)
        {
            var condition = Conditions(item, filterType, entity, depth + 1) ?? Expression.Constant(true);
            combined = combined is null ? condition : combine(combined, condition);
        }
        return combined;
    }

    private Expression? FieldConditions(string fieldName, IDictionary<string, object?> operations, IComplexGraphType filterType, ParameterExpression entity)
    {
        var property = filterType.GetField(fieldName)?.GetMetadata<LambdaExpression>(NodeGraphTypes.PropertyKey)
            ?? throw new InvalidOperationException($"{filterType.Name}.{fieldName} maps to no entity property.");
        if (!property.Parameters[0].Type.IsAssignableFrom(entity.Type))
            throw new InvalidOperationException($"{filterType.Name} filters {property.Parameters[0].Type.Name}, not {entity.Type.Name}.");
        var member = ParameterReplacer.Replace(property, entity);

        Expression? all = null;
        foreach (var (operation, value) in operations)
        {
            var condition = Operation(operation, value, member, fieldName);
            all = all is null ? condition : Expression.AndAlso(all, condition);
        }
        return all;
    }

    private Expression Operation(string operation, object? value, Expression member, string fieldName)
    {
        var type = member.Type;
        var nullable = !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;
        switch (operation)
        {
            case Eq or Neq when value is null:
                return nullable
                    ? operation == Eq ? Expression.Equal(member, Expression.Constant(null, type)) : Expression.NotEqual(member, Expression.Constant(null, type))
                    : Expression.Constant(operation == Neq);
            case Eq: return Expression.Equal(member, Parameter(value, type, fieldName));
            case Neq: return Expression.NotEqual(member, Parameter(value, type, fieldName));
            case In or Nin:
                var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [type], ListParameter(value, type, nullable, fieldName, operation), member);
                return operation == In ? contains : Expression.Not(contains);
        }

        if (value is null)
            throw new QueryingException(QueryingErrorCodes.FilterInvalidValue, $"where.{fieldName}.{operation} needs a value, not null.");
        return operation switch
        {
            Gt => Expression.GreaterThan(member, Parameter(value, type, fieldName)),
            Gte => Expression.GreaterThanOrEqual(member, Parameter(value, type, fieldName)),
            Lt => Expression.LessThan(member, Parameter(value, type, fieldName)),
            Lte => Expression.LessThanOrEqual(member, Parameter(value, type, fieldName)),
            Contains => StringCall(nameof(string.Contains), member, value, fieldName),
            NContains => Expression.Not(StringCall(nameof(string.Contains), member, value, fieldName)),
            StartsWith => StringCall(nameof(string.StartsWith), member, value, fieldName),
            NStartsWith => Expression.Not(StringCall(nameof(string.StartsWith), member, value, fieldName)),
            EndsWith => StringCall(nameof(string.EndsWith), member, value, fieldName),
            NEndsWith => Expression.Not(StringCall(nameof(string.EndsWith), member, value, fieldName)),
            _ => throw new InvalidOperationException($"Unknown filter operation '{operation}'."),
        };
    }

    private static Expression StringCall(string method, Expression member, object value, string fieldName) =>
        Expression.Call(member, typeof(string).GetMethod(method, [typeof(string)])!, Parameter(value, typeof(string), fieldName));

    private Expression ListParameter(object? value, Type type, bool nullable, string fieldName, string operation)
    {
        var items = List(value, $"{fieldName}.{operation}");
        var array = Array.CreateInstance(type, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null && !nullable)
                throw new QueryingException(QueryingErrorCodes.FilterInvalidValue, $"where.{fieldName}.{operation} cannot hold null: the field always has a value.");
            array.SetValue(items[i] is null ? null : ConvertValue(items[i]!, type, fieldName), i);
        }
        return QueryParameter.Hold(array, array.GetType());
    }

    private IList List(object? value, string name)
    {
        if (value is not IList items)
            throw new QueryingException(QueryingErrorCodes.FilterInvalidValue, $"where.{name} needs a list.");
        if (items.Count > options.MaxFilterListLength)
            throw new QueryingException(QueryingErrorCodes.FilterListTooLong, $"where.{name} has {items.Count} entries; at most {options.MaxFilterListLength} are allowed.");
        return items;
    }

    private static Expression Parameter(object value, Type type, string fieldName) => QueryParameter.Hold(ConvertValue(value, type, fieldName), type);

    private static object ConvertValue(object value, Type type, string fieldName)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        // Stored instants are UTC, and SQLite compares DateTimeOffset as its local ticks and offset packed into one
        // number: "09:00+02:00" must be sent as "07:00Z" to match the same instant.
        if (target.IsInstanceOfType(value)) return value is DateTimeOffset instant ? instant.ToUniversalTime() : value;
        try
        {
            var converted = ValueConverter.ConvertTo(value, target)!;
            return converted is DateTimeOffset convertedInstant ? convertedInstant.ToUniversalTime() : converted;
        }
        catch (Exception)
        {
            throw new QueryingException(QueryingErrorCodes.FilterInvalidValue, $"where.{fieldName}: '{value}' is not {Describe(target)}.");
        }
    }

    /// <summary>What a value must be, in the caller's terms: the schema's, never a .NET type name.</summary>
    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(Guid) => "an id of this list",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time (ISO 8601, e.g. 2026-11-20T14:30:00Z)",
        _ when type == typeof(DateOnly) => "a date (yyyy-MM-dd)",
        _ when type == typeof(bool) => "true or false",
        _ when type.IsEnum => "one of the field's values",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number in range",
        _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number",
        _ => "a valid value for this field",
    };

}

/// <summary>Rewrites <c>e =&gt; e.Prop</c> onto another parameter.</summary>
internal sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
{
    public static Expression Replace(LambdaExpression lambda, Expression target) =>
        new ParameterReplacer(lambda.Parameters[0], target).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
}
