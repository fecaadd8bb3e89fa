using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.Sir.Data;

/// <summary>What a SIR draft's fields must satisfy.</summary>
public static class SirRules
{
    public const int TitleMaxLength = 200;
    public const int NarrativeMaxLength = 20_000;
    public const int CityMaxLength = 100;

    /// <summary>US states, DC and territories (USPS codes).</summary>
    public static readonly IReadOnlySet<string> StateCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
        "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC",
        "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI",
    };

    /// <summary>The editable fields of a draft, trimmed, as a create or update sends them.</summary>
    public sealed record DraftFields(string Title, string? Narrative, DateTimeOffset? EventAt, string? EventCity, string? EventState);

    /// <summary>Field-level errors; empty when the fields are acceptable.</summary>
    public static List<UserError> Validate(DraftFields fields, DateTimeOffset now)
    {
        var errors = new List<UserError>();
        if (string.IsNullOrWhiteSpace(fields.Title))
            errors.Add(UserError.ForField("REQUIRED", "A title is required.", "title"));
        else if (fields.Title.Length > TitleMaxLength)
            errors.Add(UserError.ForField("TOO_LONG", $"The title may have at most {TitleMaxLength} characters.", "title"));
        if (fields.Narrative is { Length: > NarrativeMaxLength })
            errors.Add(UserError.ForField("TOO_LONG", $"The narrative may have at most {NarrativeMaxLength} characters.", "narrative"));
        if (fields.EventAt is { } eventAt && eventAt > now.AddMinutes(5))
            errors.Add(UserError.ForField("IN_FUTURE", "A SIR reports an event that has happened: the event time is in the future.", "eventAt"));
        if (fields.EventCity is { Length: > CityMaxLength })
            errors.Add(UserError.ForField("TOO_LONG", $"The city may have at most {CityMaxLength} characters.", "eventCity"));
        if (fields.EventState is { } state && !StateCodes.Contains(state))
            errors.Add(UserError.ForField("INVALID_STATE", $"'{state}' is not a US state or territory code (e.g. NY).", "eventState"));
        return errors;
    }

    public static DraftFields Normalize(DraftFields fields) => new(
        fields.Title.Trim(),
        EmptyToNull(fields.Narrative),
        fields.EventAt?.ToUniversalTime(),
        EmptyToNull(fields.EventCity),
        EmptyToNull(fields.EventState)?.ToUpperInvariant());

    private static string? EmptyToNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
