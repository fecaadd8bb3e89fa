using System.Globalization;
using System.Text;
using GraphQL;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// The paging arguments of one request, checked. Cursors are opaque to callers: base64 of the
/// item's offset in the filtered, ordered list (what HotChocolate uses for queryables).
/// </summary>
internal sealed record PageRequest(int? First, int? AfterOffset, int? Last, int? BeforeOffset)
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
            Decode(QueryingFieldExtensions.AfterArgument, context.GetArgument<string?>(QueryingFieldExtensions.AfterArgument)),
            last,
            Decode(QueryingFieldExtensions.BeforeArgument, context.GetArgument<string?>(QueryingFieldExtensions.BeforeArgument)));
    }

    /// <summary>Whether the page can only be placed once the total is known (<c>last</c> from the end).</summary>
    public bool NeedsTotal => Last is not null && BeforeOffset is null;

    /// <summary>Offset of the page's first item, and how many items it holds at most.</summary>
    public (int Skip, int Take) Window(int? total, QueryingOptions options)
    {
        var start = AfterOffset + 1 ?? 0;
        if (Last is { } last)
        {
            var end = BeforeOffset ?? total!.Value;
            var skip = Math.Max(start, end - last);
            return (skip, Math.Max(0, end - skip));
        }
        var size = First ?? options.DefaultPageSize;
        return (start, BeforeOffset is { } before ? Math.Clamp(before - start, 0, size) : size);
    }

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

    private static int? Decode(string argument, string? cursor)
    {
        if (cursor is null) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            // int.MaxValue is no item's offset (the item after it would wrap round to the first page).
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset < int.MaxValue)
                return offset;
        }
        catch (FormatException)
        {
        }
        throw new QueryingException(QueryingErrorCodes.PagingInvalidCursor, $"{argument} is not a cursor of this list.");
    }

    private static void CheckSize(string argument, int? size, QueryingOptions options)
    {
        if (size < 0)
            throw new QueryingException(QueryingErrorCodes.PagingInvalidArgument, $"{argument} cannot be negative.");
        if (size > options.MaxPageSize)
            throw new QueryingException(QueryingErrorCodes.PagingMaxExceeded, $"{argument} may be at most {options.MaxPageSize}.");
    }
}
