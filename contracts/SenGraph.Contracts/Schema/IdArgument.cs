using System.Globalization;

namespace SenGraph.Contracts.Schema;

/// <summary>
/// The <see cref="Guid"/> an <c>id</c> argument or input field names. A GraphQL ID may arrive as any string or number
/// (or, from a typed input, already as a Guid); one that is not a GUID names no record, so a lookup by it finds nothing
/// and the step answers <c>NOT_FOUND</c> (or the query null) instead of failing the request.
/// </summary>
public static class IdArgument
{
    /// <summary>The Guid <paramref name="value"/> spells, or null when it spells none.</summary>
    public static Guid? ToGuidOrNull(object? value) => value switch
    {
        null => null,
        Guid guid => guid,
        _ => Guid.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), out var guid) ? guid : null,
    };

    /// <summary>The Guid <paramref name="value"/> spells, or <see cref="Guid.Empty"/> (which names nothing) when it spells none.</summary>
    public static Guid ToGuid(object? value) => ToGuidOrNull(value) ?? Guid.Empty;

    /// <summary>The Guid that <paramref name="input"/>'s <paramref name="field"/> spells, or <see cref="Guid.Empty"/> when it is absent or spells none.</summary>
    public static Guid ToGuid(IDictionary<string, object?> input, string field) => ToGuid(input.TryGetValue(field, out var value) ? value : null);
}
