using GraphQL;

namespace SenGraph.Contracts.Querying;

/// <summary>The paging arguments of one request, checked; the cursors are read by <see cref="PageCursors{TEntity}"/>.</summary>
internal sealed record PageRequest(int? First, string? After, int? Last, string? Before)
{
    public static PageRequest Read(IResolveFieldContext context, QueryingOptions options)
    {
        var first = context.GetArgument<int?>(QueryingFieldExtensions.FirstArgument);
        var last = context.GetArgument<int?>(QueryingFieldExtensions.LastArgument);
        if (first is not null && last is not null)
            throw new QueryingException(QueryingErrorCodes.PagingInvalidArgument, "Pass first or last, not both.");
        CheckSize(QueryingFieldExtensions.FirstArgument, first, options);
        CheckSize(QueryingFieldExtensions.LastArgument, last, options);
        return new PageRequest(
            first,
            context.GetArgument<string?>(QueryingFieldExtensions.AfterArgument),
            last,
            context.GetArgument<string?>(QueryingFieldExtensions.BeforeArgument));
    }

    /// <summary>Paging from the end (<c>last</c>), the page being the last items before <see cref="Before"/>.</summary>
    public bool Backward => Last is not null;

    /// <summary>How many items the page holds at most.</summary>
    public int Size(QueryingOptions options) => Last ?? First ?? options.DefaultPageSize;

    /// <summary>Offset paging: offset of the page's first item and how many items it holds at most.</summary>
    public (int Skip, int Take) Window(int? afterOffset, int? beforeOffset, int? total, QueryingOptions options)
    {
        var start = afterOffset + 1 ?? 0;
        if (Last is { } last)
        {
            var end = beforeOffset ?? total!.Value;
            var skip = Math.Max(start, end - last);
            return (skip, Math.Max(0, end - skip));
        }
        var size = Size(options);
        return (start, beforeOffset is { } before ? Math.Clamp(before - start, 0, size) : size);
    }

    private static void CheckSize(string argument, int? size, QueryingOptions options)
    {
        if (size < 0)
            throw new QueryingException(QueryingErrorCodes.PagingInvalidArgument, $"{argument} cannot be negative.");
        if (size > options.MaxPageSize)
            throw new QueryingException(QueryingErrorCodes.PagingMaxExceeded, $"{argument} may be at most {options.MaxPageSize}.");
    }
}
