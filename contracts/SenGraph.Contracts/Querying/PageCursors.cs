using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// The cursors of one connection field in one ordering. A keyset cursor holds the values of every sort key
/// of its item (the tie-breaker last), so the page after it is the same whatever is inserted or deleted
/// elsewhere; an offset cursor (orderings on enums or booleans, see <see cref="KeysetPredicates.Supports"/>)
/// holds the item's position. Both are signed for the field and the ordering: any other string, or a cursor
/// of another field or ordering, is a <c>PAGING_INVALID_CURSOR</c> error.
/// </summary>
internal sealed class PageCursors<TEntity>
{
    /// <summary>Longer cursors are refused before any decoding (a key of long text makes long cursors).</summary>
    public const int MaxLength = 4096;

    private readonly CursorSigner _signer;
    private readonly IReadOnlyList<SortKey> _keys;
    private readonly string _scope;
    private readonly Func<TEntity, object?>[] _values;

    public PageCursors(CursorSigner signer, string field, IReadOnlyList<SortKey> keys, ConcurrentDictionary<string, Delegate> compiled)
    {
        _signer = signer;
        _keys = keys;
        IsKeyset = KeysetPredicates.Supports(keys);
        _scope = $"{field}|{(IsKeyset ? "keyset" : "offset")}|{typeof(TEntity).FullName}|{string.Join(",", keys.Select(k => $"{k.Path} {(k.Descending ? "desc" : "asc")}"))}";
        _values = IsKeyset ? [.. keys.Select(k => (Func<TEntity, object?>)compiled.GetOrAdd(k.Path, _ => Compile(k)))] : [];
    }

    public bool IsKeyset { get; }

    public string Keyset(TEntity item) =>
        _signer.Sign(_scope, JsonSerializer.SerializeToUtf8Bytes(_values.Select(v => v(item)).ToArray()));

    public string Offset(int offset) => _signer.Sign(_scope, JsonSerializer.SerializeToUtf8Bytes(offset));

    /// <summary>The sort key values a keyset cursor holds; null for no cursor.</summary>
    public object?[]? ReadKeyset(string argument, string? cursor)
    {
        if (Payload(argument, cursor) is not { } payload) return null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var values = document.RootElement;
            if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != _keys.Count) throw Invalid(argument);
            var position = new object?[_keys.Count];
            for (var i = 0; i < _keys.Count; i++)
            {
                position[i] = values[i].Deserialize(_keys[i].Type);
                if (position[i] is null && _keys[i].Type.IsValueType && Nullable.GetUnderlyingType(_keys[i].Type) is null) throw Invalid(argument);
            }
            return position;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw Invalid(argument);
        }
    }

    /// <summary>The position an offset cursor holds; null for no cursor.</summary>
    public int? ReadOffset(string argument, string? cursor)
    {
        if (Payload(argument, cursor) is not { } payload) return null;
        try
        {
            return JsonSerializer.Deserialize<int>(payload) is var offset and >= 0 ? offset : throw Invalid(argument);
        }
        catch (JsonException)
        {
            throw Invalid(argument);
        }
    }

    private byte[]? Payload(string argument, string? cursor)
    {
        if (cursor is null) return null;
        if (cursor.Length > MaxLength) throw Invalid(argument);
        return _signer.Verify(_scope, cursor) ?? throw Invalid(argument);
    }

    private static QueryingException Invalid(string argument) =>
        new(QueryingErrorCodes.PagingInvalidCursor, $"{argument} is not a cursor of this list in this order.");

    private static Func<TEntity, object?> Compile(SortKey key)
    {
        var entity = key.Selector.Parameters[0];
        return Expression.Lambda<Func<TEntity, object?>>(Expression.Convert(key.Selector.Body, typeof(object)), entity).Compile();
    }
}
