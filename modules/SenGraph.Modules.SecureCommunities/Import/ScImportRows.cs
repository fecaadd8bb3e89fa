using System.Globalization;
using System.Text.RegularExpressions;
using SenGraph.Modules.SecureCommunities.Data;

namespace SenGraph.Modules.SecureCommunities.Import;

/// <summary>A row of an import file that is not valid: which file, which line, which column, why.</summary>
/// <param name="File"><c>transmissions</c> or <c>events</c>.</param>
/// <param name="Line">The row's line in the file (the header is line 1); 0 for the file as a whole.</param>
/// <param name="Column">The column at fault, when one is.</param>
/// <param name="Code">A stable code: <c>BAD_HEADER</c>, <c>REQUIRED</c>, <c>TOO_LONG</c>, <c>INVALID_VALUE</c>, <c>DUPLICATE</c>, <c>UNKNOWN_TRANSMISSION</c>, <c>NOT_A_MATCH</c>.</param>
/// <param name="Message">What is wrong, for a person.</param>
public sealed record ScImportError(string File, int Line, string? Column, string Code, string Message)
{
    public override string ToString() => $"{File} line {Line}{(Column is null ? "" : $", {Column}")}: {Message} ({Code})";
}

/// <summary>Parses and checks the fields of one row; each method returns the value or adds an error.</summary>
internal static partial class ScFields
{
    public static readonly string[] TransmissionColumns =
        ["transmission_id", "submitted_at", "ori", "state", "site", "result", "iar_level", "idr_returned_at", "iar_returned_at"];

    public static readonly string[] EventColumns = ["event_id", "transmission_id", "kind", "occurred_at"];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();

    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{7}$")]
    private static partial Regex OriPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex CodePattern();

    public static string? Id(string value, string column, string file, int line, List<ScImportError> errors)
    {
        if (value.Length == 0) return Add(errors, file, line, column, "REQUIRED", $"{column} is required.");
        if (value.Length > 64) return Add(errors, file, line, column, "TOO_LONG", $"{column} is at most 64 characters ({value.Length} given).");
        if (!CodePattern().IsMatch(value)) return Add(errors, file, line, column, "INVALID_VALUE", $"{column} holds letters, digits, '_', '.' and '-' only.");
        return value;
    }

    public static DateTimeOffset? Time(string value, string column, bool required, string file, int line, List<ScImportError> errors)
    {
        if (value.Length == 0)
        {
            if (required) Add(errors, file, line, column, "REQUIRED", $"{column} is required.");
            return null;
        }

        if (!IsoWithOffset().IsMatch(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            Add(errors, file, line, column, "INVALID_VALUE", $"{column} '{Clip(value)}' is not an ISO 8601 date-time with an offset (2009-04-30T23:30:00-04:00).");
            return null;
        }

        return at.ToUniversalTime();
    }

    public static string? OneOf(string value, string column, IReadOnlyList<string> allowed, string file, int line, List<ScImportError> errors)
    {
        if (value.Length == 0) return Add(errors, file, line, column, "REQUIRED", $"{column} is required.");
        return allowed.Contains(value)
            ? value
            : Add(errors, file, line, column, "INVALID_VALUE", $"{column} '{Clip(value)}' is not one of {string.Join(", ", allowed)}.");
    }

    public static string? State(string value, string file, int line, List<ScImportError> errors)
    {
        if (value.Length == 0) return Add(errors, file, line, "state", "REQUIRED", "state is required.");
        return ScKinds.States.Contains(value) ? value : Add(errors, file, line, "state", "INVALID_VALUE", $"state '{Clip(value)}' is not a USPS state or territory code.");
    }

    public static string? Ori(string value, string? state, string file, int line, List<ScImportError> errors)
    {
        if (value.Length == 0) return Add(errors, file, line, "ori", "REQUIRED", "ori is required.");
        if (!OriPattern().IsMatch(value))
            return Add(errors, file, line, "ori", "INVALID_VALUE", $"ori '{Clip(value)}' is not nine characters: a two-letter state and seven letters or digits.");
        if (state is not null && !value.StartsWith(state, StringComparison.Ordinal))
            return Add(errors, file, line, "ori", "INVALID_VALUE", $"ori '{value}' does not start with the row's state {state}.");
        return value;
    }

    public static string? Site(string value, string file, int line, List<ScImportError> errors)
    {
        if (value.Length == 0) return Add(errors, file, line, "site", "REQUIRED", "site is required.");
        if (value.Length > 32) return Add(errors, file, line, "site", "TOO_LONG", $"site is at most 32 characters ({value.Length} given).");
        return CodePattern().IsMatch(value) ? value : Add(errors, file, line, "site", "INVALID_VALUE", "site holds letters, digits, '_', '.' and '-' only.");
    }

    public static string? Add(List<ScImportError> errors, string file, int line, string? column, string code, string message)
    {
        errors.Add(new ScImportError(file, line, column, code, message));
        return null;
    }

    private static string Clip(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
