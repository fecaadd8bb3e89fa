using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Reports;

namespace SenGraph.Contracts.Querying;

/// <summary>Direction of one sort key.</summary>
public enum SortDirection
{
    Ascending,
    Descending,
}

/// <summary><c>enum SortEnumType { ASC DESC }</c>, shared by every sort input.</summary>
public sealed class SortEnumGraphType : EnumerationGraphType
{
    public SortEnumGraphType()
    {
        Name = "SortEnumType";
        Description = "Direction of a sort key.";
        Add("ASC", SortDirection.Ascending, "Smallest first.");
        Add("DESC", SortDirection.Descending, "Largest first.");
    }
}

/// <summary>
/// <c>&lt;Node&gt;SortInput { &lt;field&gt;: SortEnumType … }</c>: one field per node field that maps to an entity
/// property, unless the field is marked <see cref="QueryingFieldExtensions.NotSortable{TSource, TReturn}"/>.
/// </summary>
public sealed class SortInputGraphType<TNodeGraphType> : InputObjectGraphType
    where TNodeGraphType : IComplexGraphType
{
    public SortInputGraphType(IServiceProvider services)
    {
        var node = NodeGraphTypes.Create(services, typeof(TNodeGraphType));
        Name = node.Name + "SortInput";
        Description = $"One sort key of {node.Name} items: set exactly one field.";
        foreach (var field in NodeGraphTypes.QueryableFields(node).Where(f => f.Sortable))
        {
            AddField(new FieldType
            {
                Name = field.Name,
                Description = field.Description,
                Type = typeof(SortEnumGraphType),
            }).WithMetadata(NodeGraphTypes.PropertyKey, field.Property);
            if (field.Pii) GetField(field.Name)!.Pii();
        }
    }
}
