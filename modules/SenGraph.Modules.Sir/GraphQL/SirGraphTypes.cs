using GraphQL.Types;
using SenGraph.Contracts.Schema;
using SenGraph.Modules.Sir.Data;

namespace SenGraph.Modules.Sir.GraphQL;

public sealed class SirGraphType : ObjectGraphType<SirReport>
{
    public SirGraphType()
    {
        Name = "Sir";
        Description = "A Significant Incident Report: an event that already happened and involved or affected field staff.";
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Identifier of the report.");
        Field<NonNullGraphType<SirStatusGraphType>>("status").Description("Where the report stands.").Resolve(c => c.Source.Status);
        Field(r => r.Title).Description("Short title of the incident.");
        Field(r => r.Narrative, nullable: true).Description("What happened, in the author's words.");
        Field(r => r.EventAt, nullable: true).Description("When the incident happened.");
        Field(r => r.EventCity, nullable: true).Description("City where the incident happened.");
        Field(r => r.EventState, nullable: true).Description("US state or territory code where the incident happened.");
        Field(r => r.Author).Description("User name of the author.");
        Field(r => r.Office).Description("Code of the originating office.");
        Field(r => r.CreatedAt).Description("When the draft was created.");
        Field(r => r.UpdatedAt).Description("When the report last changed.");
        Field(r => r.Version).Description("Changes with every edit; send it back as expectedVersion when editing.");
    }
}

public sealed class SirStatusGraphType : EnumerationGraphType<SirStatus>
{
    public SirStatusGraphType()
    {
        Name = "SirStatus";
        Description = "Lifecycle state of a SIR.";
    }
}

public sealed class CreateSirDraftInputGraphType : InputObjectGraphType<SirRules.DraftFields>
{
    public CreateSirDraftInputGraphType()
    {
        Name = "CreateSirDraftInput";
        Description = "A new SIR draft.";
        SirDraftFields.Add(this);
    }
}

public sealed class UpdateSirDraftInputGraphType : InputObjectGraphType<UpdateSirDraftInput>
{
    public UpdateSirDraftInputGraphType()
    {
        Name = "UpdateSirDraftInput";
        Description = "Replaces the editable fields of a SIR draft.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The draft to edit.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The version the edit is based on; a stale version is a CONFLICT.");
        SirDraftFields.Add(this);
    }
}

/// <summary>What an update sends: the draft, the version it was read at, and the new fields.</summary>
public sealed record UpdateSirDraftInput(Guid Id, int ExpectedVersion, string Title, string? Narrative, DateTimeOffset? EventAt, string? EventCity, string? EventState)
{
    public SirRules.DraftFields Fields => new(Title, Narrative, EventAt, EventCity, EventState);
}

/// <summary>The editable fields, shared by create and update inputs.</summary>
internal static class SirDraftFields
{
    public static void Add(IInputObjectGraphType input)
    {
        input.AddField(new FieldType { Name = "title", Type = typeof(NonNullGraphType<StringGraphType>), Description = $"Short title, at most {SirRules.TitleMaxLength} characters." });
        input.AddField(new FieldType { Name = "narrative", Type = typeof(StringGraphType), Description = $"What happened, at most {SirRules.NarrativeMaxLength} characters." });
        input.AddField(new FieldType { Name = "eventAt", Type = typeof(DateTimeOffsetGraphType), Description = "When it happened (not in the future)." });
        input.AddField(new FieldType { Name = "eventCity", Type = typeof(StringGraphType), Description = "City." });
        input.AddField(new FieldType { Name = "eventState", Type = typeof(StringGraphType), Description = "US state or territory code, e.g. NY." });
    }
}

public sealed record SirPayload(SirReport? Sir, IReadOnlyList<UserError> Errors);

public sealed class CreateSirDraftErrorGraphType() : UserErrorGraphType("CreateSirDraftError");

public sealed class UpdateSirDraftErrorGraphType() : UserErrorGraphType("UpdateSirDraftError");

public sealed class CreateSirDraftPayloadGraphType : ObjectGraphType<SirPayload>
{
    public CreateSirDraftPayloadGraphType()
    {
        Name = "CreateSirDraftPayload";
        Description = "The created draft, or why it was not created.";
        Field<SirGraphType>("sir").Description("The new draft; null when there are errors.").Resolve(c => c.Source.Sir);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreateSirDraftErrorGraphType>>>>("errors")
            .Description("Empty on success.").Resolve(c => c.Source.Errors);
    }
}

public sealed class UpdateSirDraftPayloadGraphType : ObjectGraphType<SirPayload>
{
    public UpdateSirDraftPayloadGraphType()
    {
        Name = "UpdateSirDraftPayload";
        Description = "The edited draft, or why it was not edited.";
        Field<SirGraphType>("sir").Description("The draft after the edit; null when there are errors.").Resolve(c => c.Source.Sir);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UpdateSirDraftErrorGraphType>>>>("errors")
            .Description("Empty on success.").Resolve(c => c.Source.Errors);
    }
}
