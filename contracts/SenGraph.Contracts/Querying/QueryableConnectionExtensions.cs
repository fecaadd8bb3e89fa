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
    /// selected or the page is counted from the end. With EF Core all of it runs in SQL. Without an
    /// <c>order</c> argument an ordering already on <paramref name="source"/> is kept.
    /// Invalid arguments throw a <see cref="QueryingException"/>, a GraphQL error with <c>extensions.code</c>.
    /// </summary>
    public static async Task<Connection<TEntity>> ToConnectionAsync<TEntity>(this IQueryable<TEntity> source, IResolveFieldContext context)
    {
        var field = context.FieldDefinition;
        var options = field.GetQueryingOptions()
            ?? throw new InvalidOperationException($"Field '{field.Name}' was not declared with ConnectionField<TNodeGraphType, TEntity>().");
        var page = PageRequest.Read(context, options);

        // Ordered before filtering: the resolver's own ordering, the default, must be the outermost call to be seen.
        var order = context.Arguments?.TryGetValue(QueryingFieldExtensions.OrderArgument, out var orderValue) == true ? orderValue.Value as IList : null;
        var ordered = SortTranslator.Apply(source, order, order is null ? null : (IComplexGraphType)NamedType(field, QueryingFieldExtensions.OrderArgument), options.TieBreakerKey!);

        if (context.Arguments?.TryGetValue(QueryingFieldExtensions.WhereArgument, out var where) == true && where.Value is IDictionary<string, object?> filter)
        {
            var filterType = (IComplexGraphType)NamedType(field, QueryingFieldExtensions.WhereArgument);
            var predicate = new FilterTranslator(options).Translate<TEntity>(filter, filterType);
            source = source.Where(predicate);
            ordered = ordered.Where(predicate); // Where keeps the order (in SQL too: WHERE … ORDER BY …)
        }

        int? total = page.NeedsTotal || Selects(context, "totalCount") ? await CountAsync(source, context.CancellationToken) : null;
        var (skip, take) = page.Window(total, options);
        // One extra row tells whether a next page exists.
        var rows = await ToListAsync(ordered.Skip(skip).Take(take + 1), context.CancellationToken);

        var edges = rows.Take(take).Select((node, i) => new Edge<TEntity>(PageRequest.Encode(skip + i), node)).ToList();
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
