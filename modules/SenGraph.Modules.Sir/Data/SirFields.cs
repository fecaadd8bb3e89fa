using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.Sir.Data;

/// <summary>The SIR's own fields as a create, update or amend sends them, and their rules.</summary>
public sealed record SirFields(SirCategory Category, string? SeizedProperty = null, string? Injuries = null, string? Hospital = null, string? Notes = null)
{
    public const int DescriptionMaxLength = 4_000;
    public const int HospitalMaxLength = 200;
    public const int NotesMaxLength = 20_000;

    /// <summary>The SIR fields of a create, update or amend input (the envelope's are read by the contracts).</summary>
    public static SirFields FromInput(IDictionary<string, object?> input) => new(
        input.TryGetValue("category", out var category) && category is SirCategory c ? c : (SirCategory)(-1),
        input.TryGetValue("seizedProperty", out var seized) ? seized as string : null,
        input.TryGetValue("injuries", out var injuries) ? injuries as string : null,
        input.TryGetValue("hospital", out var hospital) ? hospital as string : null,
        input.TryGetValue("notes", out var notes) ? notes as string : null);

    /// <summary>Trimmed (blank as null), checked (paths from <c>input</c>), ready for <see cref="ReportDrafts{TContext, TReport}"/>.</summary>
    public ReportDetails<SirReport> ToDetails()
    {
        var seized = Text(SeizedProperty);
        var injuries = Text(Injuries);
        var hospital = Text(Hospital);
        var notes = Text(Notes);
        var errors = new List<UserError>();
        if (!Enum.IsDefined(Category)) errors.Add(UserError.ForField("REQUIRED", "A category is required.", "category"));
        MaxLength(errors, seized, DescriptionMaxLength, "The seized property description", "seizedProperty");
        MaxLength(errors, injuries, DescriptionMaxLength, "The injuries description", "injuries");
        MaxLength(errors, hospital, HospitalMaxLength, "The hospital", "hospital");
        MaxLength(errors, notes, NotesMaxLength, "The notes", "notes");
        if (hospital is not null && injuries is null)
            errors.Add(UserError.ForField("REQUIRED", "Describe the injuries when naming the hospital an injured person was taken to.", "injuries"));
        return new ReportDetails<SirReport>(errors, report =>
        {
            report.Category = Category;
            report.SeizedProperty = seized;
            report.Injuries = injuries;
            report.Hospital = hospital;
            report.Notes = notes;
        });
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void MaxLength(List<UserError> errors, string? value, int max, string what, string field)
    {
        if (value is { Length: var length } && length > max)
            errors.Add(UserError.ForField("TOO_LONG", $"{what} may have at most {max:N0} characters.", field));
    }
}
