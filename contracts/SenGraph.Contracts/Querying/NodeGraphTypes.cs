using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Reports;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// Reads a node graph type: its name, and which of its fields map to an entity property and may be
/// filtered or sorted.
/// </summary>
internal static class NodeGraphTypes
{
    /// <summary>Metadata key: the <see cref="LambdaExpression"/> of the entity property a field maps to.</summary>
    public const string PropertyKey = "SenGraph.Querying.Property";
    public const string NotFilterableKey = "SenGraph.Querying.NotFilterable";
    public const string NotSortableKey = "SenGraph.Querying.NotSortable";

    // GraphQL.NET's Field(x => x.Prop) records the property name under this (internal) key.
    private const string OriginalExpressionPropertyName = "ORIGINAL_EXPRESSION_PROPERTY_NAME";

    /// <summary>
    /// Creates an instance of the node graph type to read its definition (the schema uses its own
    /// instance). <paramref name="services"/> is the provider that created the generated type.
    /// </summary>
    public static IComplexGraphType Create(IServiceProvider services, Type nodeGraphType) =>
        (IComplexGraphType)CreateGraphType(services, nodeGraphType);

    /// <summary>A throwaway instance of a graph type, to read its name and fields.</summary>
    public static object CreateGraphType(IServiceProvider services, Type graphType)
    {
        try
        {
            return ActivatorUtilities.GetServiceOrCreateInstance(services, graphType);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"Cannot create {graphType.Name} to derive the connection, filter and sort types from it: {e.Message} " +
                "The schema's graph type provider must be able to create it.", e);
        }
    }

    /// <summary>A node field usable in <c>where</c> and/or <c>order</c>.</summary>
    /// <param name="Name">The field's name as declared (the schema's name converter applies to it too).</param>
    /// <param name="ScalarType">The unwrapped graph type of the field: a scalar or enum graph type.</param>
    /// <param name="Description">The field's description, reused on the input fields.</param>
    /// <param name="Property">The entity property, <c>e =&gt; e.Prop</c>.</param>
    /// <param name="Filterable">Whether <c>where</c> offers it.</param>
    /// <param name="Sortable">Whether <c>order</c> offers it.</param>
    /// <param name="Pii">Whether the field is marked PII: its filter and sort inputs are marked too (a filter is an oracle).</param>
    public sealed record QueryableField(string Name, string? Description, Type ScalarType, LambdaExpression Property, bool Filterable, bool Sortable, bool Pii);

    public static IReadOnlyList<QueryableField> QueryableFields(IComplexGraphType node)
    {
        var entityType = SourceType(node);
        var fields = new List<QueryableField>();
        foreach (var field in node.Fields)
        {
            if (field.Name is "and" or "or") continue;
            var scalarType = UnwrapScalarOrEnum(field);
            var property = field.GetMetadata<LambdaExpression>(PropertyKey) ?? PropertyByName(entityType, field.GetMetadata<string>(OriginalExpressionPropertyName));
            if (scalarType is null || property is null) continue;
            var filterable = !field.GetMetadata(NotFilterableKey, false);
            var sortable = !field.GetMetadata(NotSortableKey, false);
            if (filterable || sortable)
                fields.Add(new QueryableField(field.Name, field.Description, scalarType, property, filterable, sortable, field.IsPii()));
        }
        return fields;
    }

    /// <summary><c>TEntity</c> of an <c>ObjectGraphType&lt;TEntity&gt;</c>.</summary>
    public static Type SourceType(IGraphType node)
    {
        for (var type = node.GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ComplexGraphType<>))
                return type.GetGenericArguments()[0];
        }
        return typeof(object);
    }

    private static LambdaExpression? PropertyByName(Type entityType, string? name)
    {
        if (name is null || entityType == typeof(object)) return null;
        var property = entityType.GetProperty(name);
        if (property is null) return null;
        var entity = Expression.Parameter(entityType, "e");
        return Expression.Lambda(Expression.Property(entity, property), entity);
    }

    /// <summary>The scalar or enum graph type of a field; null for objects, lists and unknown types.</summary>
    private static Type? UnwrapScalarOrEnum(FieldType field)
    {
        var type = field.Type ?? Unwrap(field.ResolvedType)?.GetType();
        while (type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(NonNullGraphType<>))
            type = type.GetGenericArguments()[0];
        if (type is null || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ListGraphType<>))
            return null;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(GraphQLClrOutputTypeReference<>))
        {
            var clrType = type.GetGenericArguments()[0];
            clrType = Nullable.GetUnderlyingType(clrType) ?? clrType;
            if (clrType.IsEnum) return typeof(EnumerationGraphType<>).MakeGenericType(clrType);
            return SchemaTypes.BuiltInScalarMappings.TryGetValue(clrType, out var scalar) ? scalar : null;
        }
        return typeof(ScalarGraphType).IsAssignableFrom(type) || typeof(EnumerationGraphType).IsAssignableFrom(type) ? type : null;
    }

    private static IGraphType? Unwrap(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType),
        ListGraphType => null,
        _ => type,
    };
}
