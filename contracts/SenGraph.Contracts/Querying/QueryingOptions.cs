using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// Limits and defaults of one connection field (see <see cref="QueryingFieldExtensions.ConnectionField{TNodeGraphType, TEntity}"/>).
/// The defaults follow the API conventions: pages of 10, at most 50.
/// </summary>
public class QueryingOptions
{
    /// <summary>Page size when the caller gives neither <c>first</c> nor <c>last</c>.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>Largest <c>first</c> or <c>last</c> accepted; more is a <c>PAGING_MAX_EXCEEDED</c> error.</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>Deepest nesting of <c>and</c>/<c>or</c> in <c>where</c> (the top level counts as 1).</summary>
    public int MaxFilterDepth { get; set; } = 5;

    /// <summary>Most values in one <c>in</c>/<c>nin</c> list, and most entries in one <c>and</c>/<c>or</c> list.</summary>
    public int MaxFilterListLength { get; set; } = 100;

    /// <summary>The key appended to every ordering so that every item has a distinct position.</summary>
    internal LambdaExpression? TieBreakerKey { get; set; }

    /// <summary>Sort keys compiled to read a cursor's values off an item, by key path (built once per field).</summary>
    internal ConcurrentDictionary<string, Delegate> CompiledKeys { get; } = new();

    internal void Validate()
    {
        if (DefaultPageSize < 1 || MaxPageSize < 1 || DefaultPageSize > MaxPageSize)
            throw new ArgumentException($"Page sizes must satisfy 1 <= DefaultPageSize ({DefaultPageSize}) <= MaxPageSize ({MaxPageSize}).");
        if (MaxFilterDepth < 1 || MaxFilterListLength < 1)
            throw new ArgumentException("MaxFilterDepth and MaxFilterListLength must be at least 1.");
    }
}

/// <summary>Options of a connection over <typeparamref name="TEntity"/>.</summary>
public sealed class QueryingOptions<TEntity> : QueryingOptions
{
    /// <summary>
    /// Sets the unique key appended to every ordering (by default the entity's <c>Id</c> property).
    /// </summary>
    public QueryingOptions<TEntity> TieBreaker<TKey>(Expression<Func<TEntity, TKey>> key)
    {
        TieBreakerKey = key ?? throw new ArgumentNullException(nameof(key));
        return this;
    }

    internal void ApplyDefaults()
    {
        if (TieBreakerKey is not null) return;
        var id = typeof(TEntity).GetProperty("Id")
            ?? throw new ArgumentException($"{typeof(TEntity).Name} has no Id property: name its unique key with options.TieBreaker(e => e.Key).");
        var entity = Expression.Parameter(typeof(TEntity), "e");
        TieBreakerKey = Expression.Lambda(Expression.Property(entity, id), entity);
    }
}
