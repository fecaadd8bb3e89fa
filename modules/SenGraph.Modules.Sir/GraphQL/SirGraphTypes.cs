using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;
using SenGraph.Modules.Sir.Data;

namespace SenGraph.Modules.Sir.GraphQL;

/// <summary>GraphQL <c>Sir</c>: the shared report envelope plus the SIR's own fields.</summary>
public sealed class SirGraphType : ObjectGraphType<SirReport>
{
    public SirGraphType()
    {
        Name = "Sir";
        Description = "A Significant Incident Report: an event that already happened and involved or affected field staff "
            + "(significant arrests, assaults on employees, firearm discharges involving employees, significant seizures).";
        this.ImplementReport(SirReport.TypeCode, r => r);
        Field<NonNullGraphType<SirCategoryGraphType>>("category").Description("What kind of incident it was.")
            .Resolve(c => c.Source.Category).MapsTo(r => r.Category);
        Field<StringGraphType>("seizedProperty").Description("Description of seized property.")
            .Resolve(c => c.Source.SeizedProperty).MapsTo(r => r.SeizedProperty);
        Field<StringGraphType>("injuries").Description("Description of injuries sustained.")
            .Resolve(c => c.Source.Injuries).NotFilterable().NotSortable().Pii();
        Field<StringGraphType>("hospital").Description("The hospital an injured person was taken to.")
            .Resolve(c => c.Source.Hospital).NotFilterable().NotSortable().Pii();
        Field<StringGraphType>("notes").Description("The author's notes.")
            .Resolve(c => c.Source.Notes).NotFilterable().NotSortable();
        Field<FloatGraphType>("reportedWithinHours")
            .Description("Hours from the event to the submission, to one decimal (policy wants a significant arrest reported within 24); "
                + "null before submission or when the event time is unknown.")
            .Resolve(c => c.Source.ReportedWithinHours);
        Field<BooleanGraphType>("withinPolicyDeadline")
            .Description("For a significant arrest: whether it was submitted within 24 hours of the arrest. Null for other categories and before submission.")
            .Resolve(c => c.Source.WithinPolicyDeadline);
    }
}

public sealed class SirCategoryGraphType : EnumerationGraphType<SirCategory>
{
    public SirCategoryGraphType()
    {
        Name = "SirCategory";
        Description = "What kind of significant incident a SIR reports.";
    }
}

/// <summary>The fields a SIR create, update and amend send: the envelope, then the SIR's own.</summary>
internal static class SirInputFields
{
    public static void Add(IInputObjectGraphType input)
    {
        ReportEnvelopeInputGraphType.AddEnvelopeFields(input);
        ReportEnvelopeInputGraphType.AddInputField<NonNullGraphType<SirCategoryGraphType>>(input, "category", "What kind of incident it was.");
        ReportEnvelopeInputGraphType.AddInputField<StringGraphType>(input, "seizedProperty", $"Description of seized property, at most {SirFields.DescriptionMaxLength:N0} characters.");
        ReportEnvelopeInputGraphType.AddInputField<StringGraphType>(input, "injuries", $"Description of injuries sustained, at most {SirFields.DescriptionMaxLength:N0} characters.").Pii();
        ReportEnvelopeInputGraphType.AddInputField<StringGraphType>(input, "hospital", $"The hospital an injured person was taken to, at most {SirFields.HospitalMaxLength} characters; needs injuries.").Pii();
        ReportEnvelopeInputGraphType.AddInputField<StringGraphType>(input, "notes", $"Notes, at most {SirFields.NotesMaxLength:N0} characters.");
    }
}

public sealed class CreateSirInputGraphType : InputObjectGraphType
{
    public CreateSirInputGraphType()
    {
        Name = "CreateSirInput";
        Description = "A new SIR, drafted in your office.";
        SirInputFields.Add(this);
    }
}

public sealed class UpdateSirInputGraphType : InputObjectGraphType
{
    public UpdateSirInputGraphType()
    {
        Name = "UpdateSirInput";
        Description = "Replaces every field of a DRAFT or RETURNED SIR of yours (lists included).";
        ReportEnvelopeInputGraphType.AddInputField<NonNullGraphType<IdGraphType>>(this, "id", "The SIR.");
        ReportEnvelopeInputGraphType.AddInputField<NonNullGraphType<IntGraphType>>(this, "expectedVersion", "The version you edited; a stale version is a CONFLICT.");
        SirInputFields.Add(this);
    }
}

public sealed class AmendSirInputGraphType : InputObjectGraphType
{
    public AmendSirInputGraphType()
    {
        Name = "AmendSirInput";
        Description = "Replaces every field of a SUBMITTED SIR of yours; the version it replaces stays readable in revisions.";
        ReportEnvelopeInputGraphType.AddInputField<NonNullGraphType<IdGraphType>>(this, "id", "The SIR.");
        ReportEnvelopeInputGraphType.AddInputField<NonNullGraphType<IntGraphType>>(this, "expectedVersion", "The version you amended; a stale version is a CONFLICT.");
        ReportEnvelopeInputGraphType.AddInputField<NonNullGraphType<StringGraphType>>(this, "reason", "Why the SIR is amended.");
        SirInputFields.Add(this);
    }
}

/// <summary>The identity part of an update or amend input.</summary>
public sealed record SirChange(Guid Id, int ExpectedVersion, string? Reason = null)
{
    public static SirChange FromInput(IDictionary<string, object?> input) => new(
        input.TryGetValue("id", out var id) && Guid.TryParse(id?.ToString(), out var guid) ? guid : Guid.Empty,
        input.TryGetValue("expectedVersion", out var version) && version is int v ? v : 0,
        input.TryGetValue("reason", out var reason) ? reason as string : null);
}

public sealed record SirPayload(SirReport? Sir, IReadOnlyList<UserError> Errors);

public sealed class SirErrorGraphType() : UserErrorGraphType("SirError");

public sealed class SirPayloadGraphType : ObjectGraphType<SirPayload>
{
    public SirPayloadGraphType()
    {
        Name = "SirPayload";
        Description = "The SIR after the change, or why nothing changed.";
        Field<SirGraphType>("sir").Description("The SIR after the change; null when there are errors.").Resolve(c => c.Source.Sir);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SirErrorGraphType>>>>("errors")
            .Description("Empty on success; each with a code, a message and the path of the input field at fault.").Resolve(c => c.Source.Errors);
    }
}
