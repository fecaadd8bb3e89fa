namespace SenGraph.Contracts.Querying;

/// <summary>Where a page sits in the whole (filtered, ordered) list.</summary>
/// <param name="HasNextPage">More items follow the page.</param>
/// <param name="HasPreviousPage">Items precede the page.</param>
/// <param name="StartCursor">Cursor of the first item of the page; null when the page is empty.</param>
/// <param name="EndCursor">Cursor of the last item of the page; null when the page is empty.</param>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>An item of a page with its cursor.</summary>
public sealed record Edge<TNode>(string Cursor, TNode Node) : IEdge
{
    object? IEdge.Node => Node;
}

/// <summary>An item of a page with its cursor, whatever the node type.</summary>
public interface IEdge
{
    string Cursor { get; }
    object? Node { get; }
}

/// <summary>A page of a connection, whatever the node type.</summary>
public interface IConnection
{
    IReadOnlyList<IEdge> Edges { get; }
    PageInfo PageInfo { get; }

    /// <summary>Number of items in the whole filtered list; null when the query did not select it.</summary>
    int? TotalCount { get; }
}

/// <summary>A page of <typeparamref name="TNode"/>, what a connection field resolves to.</summary>
public sealed class Connection<TNode>(IReadOnlyList<Edge<TNode>> edges, PageInfo pageInfo, int? totalCount) : IConnection
{
    public IReadOnlyList<Edge<TNode>> Edges { get; } = edges;
    public IReadOnlyList<TNode> Nodes => [.. Edges.Select(e => e.Node)];
    public PageInfo PageInfo { get; } = pageInfo;
    public int? TotalCount { get; } = totalCount;
    IReadOnlyList<IEdge> IConnection.Edges => Edges;
}
