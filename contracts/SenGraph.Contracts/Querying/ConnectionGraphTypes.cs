using GraphQL.Types;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// <c>&lt;Node&gt;Connection { edges nodes pageInfo totalCount }</c>, HotChocolate's shape. Use it as the
/// type of a field with <see cref="QueryingFieldExtensions.ConnectionField{TNodeGraphType, TEntity}"/>;
/// the schema creates one instance per node type.
/// </summary>
public sealed class ConnectionGraphType<TNodeGraphType> : ObjectGraphType<IConnection>
    where TNodeGraphType : IComplexGraphType
{
    public ConnectionGraphType(IServiceProvider services)
    {
        var node = NodeGraphTypes.Create(services, typeof(TNodeGraphType));
        Name = node.Name + "Connection";
        Description = $"A page of {node.Name} items.";
        Field<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeGraphType>>>>("edges")
            .Description("The items of the page, each with its cursor.")
            .Resolve(c => c.Source.Edges);
        Field<ListGraphType<NonNullGraphType<TNodeGraphType>>>("nodes")
            .Description("The items of the page.")
            .Resolve(c => c.Source.Edges.Select(e => e.Node));
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Description("Where the page sits in the whole list.")
            .Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Number of items in the whole filtered list.")
            .Resolve(c => c.Source.TotalCount
                ?? throw new InvalidOperationException("totalCount was selected but not counted."));
    }
}

/// <summary><c>&lt;Node&gt;Edge { cursor node }</c>.</summary>
public sealed class EdgeGraphType<TNodeGraphType> : ObjectGraphType<IEdge>
    where TNodeGraphType : IComplexGraphType
{
    public EdgeGraphType(IServiceProvider services)
    {
        var node = NodeGraphTypes.Create(services, typeof(TNodeGraphType));
        Name = node.Name + "Edge";
        Description = $"A {node.Name} and its cursor.";
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("Opaque position of the item; pass it as after or before.")
            .Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node").Description("The item.").Resolve(c => c.Source.Node);
    }
}

/// <summary>The one <c>PageInfo</c> type every connection shares.</summary>
public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page sits in the whole list.";
        Field(p => p.HasNextPage).Description("More items follow the page.");
        Field(p => p.HasPreviousPage).Description("Items precede the page.");
        Field(p => p.StartCursor, nullable: true).Description("Cursor of the first item of the page; null when the page is empty.");
        Field(p => p.EndCursor, nullable: true).Description("Cursor of the last item of the page; null when the page is empty.");
    }
}
