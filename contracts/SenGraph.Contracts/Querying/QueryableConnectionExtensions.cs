using System.Collections;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace SenGraph.Contracts.Querying;

/// <summary>Resolves a connection field from a query, in the database.</summary>
public static class QueryableConnectionExtensions
{
    /// <summary>
    /// Applies the field's <c>where</c>, <c>order</c> (plus the tie-breaker) and paging arguments to
    /// <paramref name="source"/> and runs the page query, and a <c>COUNT</c> when <c>totalCount</c> is
    /// selected. With EF Core all of it runs in SQL. Without an <c>order</c> argument an ordering already on
    /// <paramref name="source"/> is kept. Cursors are keyset cursors (the item's sort key values, see
    /// <see cref="PageCursors{TEntity}"/>), signed by the <see cref="CursorSigner"/> of the request's services.
    /// Invalid arguments throw a <see cref="QueryingException"/>, a GraphQL error with <c>extensions.code</c>.
    /// </summary>
    public static Task<Connection<TEntity>> ToConnectionAsync<TEntity>(this IQueryable<TEntity> source, IResolveFieldContext context) =>
        ToConnectionAsync([source], context);

    /// <summary>
    /// The connection of the union of <paramref name="parts"/>, which must be disjoint and ordered alike (or not at all), as
    /// <see cref="ToConnectionAsync{TEntity}(IQueryable{TEntity}, IResolveFieldContext)"/> gives it for one query: the same
    /// items, order, cursors and <c>totalCount</c>. Each part gets the filter and its own ordered, limited page query, and
    /// the database merges those pages (<c>UNION ALL</c>); <c>totalCount</c> counts the parts' union. Use it when each part
    /// is one range of an index and their <c>OR</c> is not: <c>(a = 1 OR b = 2) ORDER BY c LIMIT n</c> sorts every
    /// matching row, while two parts ordered by an index on <c>(a, c)</c> and <c>(b, c)</c> read about n rows each.
    /// </summary>
    public static async Task<Connection<TEntity>> ToConnectionAsync<TEntity>(this IReadOnlyList<IQueryable<TEntity>> parts, IResolveFieldContext context)
    {
        if (parts.Count == 0) throw new ArgumentException("At least one query is needed.", nameof(parts));
        var field = context.FieldDefinition;
        var options = field.GetQueryingOptions()
            ?? throw new InvalidOperationException($"Field '{field.Name}' was not declared with ConnectionField<TNodeGraphType, TEntity>().");
        var signer = context.RequestServices?.GetService(typeof(CursorSigner)) as CursorSigner
            ?? throw new InvalidOperationException("No CursorSigner among the request's services: register one (services.AddSingleton(CursorSigner.WithRandomKey())).");
        var page = PageRequest.Read(context, options);

        var split = parts.Select(SortTranslator.Split).ToList();
        var defaultKeys = split[0].Keys;
        var order = context.Arguments?.TryGetValue(QueryingFieldExtensions.OrderArgument, out var orderValue) == true ? orderValue.Value as IList : null;
        var keys = SortTranslator.Keys(order, order is null ? null : (IComplexGraphType)NamedType(field, QueryingFieldExtensions.OrderArgument), defaultKeys, options.TieBreakerKey!, typeof(TEntity));
        var cursors = new PageCursors<TEntity>(signer, $"{context.ParentType.Name}.{field.Name}", keys, options.CompiledKeys);

        List<IQueryable<TEntity>> filtered = [.. split.Select(s => s.Unordered)];
        if (context.Arguments?.TryGetValue(QueryingFieldExtensions.WhereArgument, out var where) == true && where.Value is IDictionary<string, object?> filter)
        {
            var filterType = (IComplexGraphType)NamedType(field, QueryingFieldExtensions.WhereArgument);
            var predicate = new FilterTranslator(options).Translate<TEntity>(filter, filterType);
            filtered = [.. filtered.Select(part => part.Where(predicate))];
        }

        return cursors.IsKeyset
            ? await KeysetPageAsync(filtered, keys, page, cursors, options, context)
            : await OffsetPageAsync(filtered.Aggregate(Queryable.Concat), keys, page, cursors, options, context);
    }

    private static async Task<Connection<TEntity>> KeysetPageAsync<TEntity>(
        IReadOnlyList<IQueryable<TEntity>> filtered, List<SortKey> keys, PageRequest page, PageCursors<TEntity> cursors, QueryingOptions options, IResolveFieldContext context)
    {
        var after = cursors.ReadKeyset(QueryingFieldExtensions.AfterArgument, page.After);
        var before = cursors.ReadKeyset(QueryingFieldExtensions.BeforeArgument, page.Before);
        int? total = Selects(context, "totalCount") ? await CountAsync(filtered.Aggregate(Queryable.Concat), context.CancellationToken) : null;

        var size = page.Size(options);
        // Backward pages are read in the reverse order from their end; one extra row tells whether more follow.
        IQueryable<TEntity> Window(IQueryable<TEntity> part)
        {
            if (after is not null) part = part.Where(KeysetPredicates.Beyond<TEntity>(keys, after, after: true));
            if (before is not null) part = part.Where(KeysetPredicates.Beyond<TEntity>(keys, before, after: false));
            return SortTranslator.Apply(part, keys, reverse: page.Backward).Take(size + 1);
        }
        var merged = filtered.Count == 1
            ? Window(filtered[0])
            : SortTranslator.Apply(filtered.Select(Window).Aggregate(Queryable.Concat), keys, reverse: page.Backward).Take(size + 1);
        var rows = await ToListAsync(merged, context.CancellationToken);
        var more = rows.Count > size;
        var nodes = rows.Take(size).ToList();
        if (page.Backward) nodes.Reverse();

        var edges = nodes.Select(node => new Edge<TEntity>(cursors.Keyset(node), node)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: page.Backward ? before is not null : more || before is not null,
            HasPreviousPage: page.Backward ? more || after is not null : after is not null,
            StartCursor: edges.FirstOrDefault()?.Cursor,
            EndCursor: edges.LastOrDefault()?.Cursor);
        return new Connection<TEntity>(edges, pageInfo, total);
    }

    /// <summary>HotChocolate's offset cursors, for orderings the database cannot compare a position in.</summary>
    private static async Task<Connection<TEntity>> OffsetPageAsync<TEntity>(
        IQueryable<TEntity> filtered, List<SortKey> keys, PageRequest page, PageCursors<TEntity> cursors, QueryingOptions options, IResolveFieldContext context)
    {
        var afterOffset = cursors.ReadOffset(QueryingFieldExtensions.AfterArgument, page.After);
        var beforeOffset = cursors.ReadOffset(QueryingFieldExtensions.BeforeArgument, page.Before);
        int? total = (page.Backward && beforeOffset is null) || Selects(context, "totalCount") ? await CountAsync(filtered, context.CancellationToken) : null;
        var (skip, take) = page.Window(afterOffset, beforeOffset, total, options);
        var rows = await ToListAsync(SortTranslator.Apply(filtered, keys, reverse: false).Skip(skip).Take(take + 1), context.CancellationToken);

        var edges = rows.Take(take).Select((node, i) => new Edge<TEntity>(cursors.Offset(skip + i), node)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: rows.Count > take,
            HasPreviousPage: skip > 0,
            StartCursor: edges.FirstOrDefault()?.Cursor,
            EndCursor: edges.LastOrDefault()?.Cursor);
        return new Connection<TEntity>(edges, pageInfo, total);
    }

    private static IGraphType NamedType(FieldType field, string argument)
    {
        var type = field.Arguments!.Find(argument)!.ResolvedType;
        while (type is IProvideResolvedType wrapper) type = wrapper.ResolvedType;
        return type!;
    }

    private static bool Selects(IResolveFieldContext context, string fieldName) =>
        context.SubFields?.Values.Any(f => f.Field.Name.StringValue == fieldName) ?? true;

    private static Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.Provider is IAsyncQueryProvider ? query.CountAsync(cancellationToken) : Task.FromResult(query.Count());

    private static Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.Provider is IAsyncQueryProvider ? query.ToListAsync(cancellationToken) : Task.FromResult(query.ToList());
}
