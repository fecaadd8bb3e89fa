using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Agency;

namespace SenGraph.Host.Kernel.SavedQueries;

public sealed class SavedQueryGraphType : ObjectGraphType<SavedQuery>
{
    public SavedQueryGraphType()
    {
        Name = "SavedQuery";
        Description = "A named GraphQL operation an analyst saved. Run it by name: POST { \"documentId\": \"saved:<name>\", \"variables\": {...} }.";
        Field(q => q.Name).Description("Unique without regard to case; what a run names.");
        Field<StringGraphType>("description").Description("What the query answers, as its owner describes it.").Resolve(c => c.Source.Description).NotFilterable().NotSortable();
        Field<NonNullGraphType<StringGraphType>>("document").Description("The GraphQL operation.").Resolve(c => c.Source.Document).NotFilterable().NotSortable();
        Field(q => q.Owner).Description("The user who saved it; only they change or delete it.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("sharedWithRoles").Description("Holders of these roles see and run it.")
            .Resolve(c => c.Source.Shares.Where(s => s.Kind == SavedQueryShareKind.Role).Select(s => s.Value).Order(StringComparer.Ordinal).ToList()).NotFilterable().NotSortable();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("sharedWithOffices").Description("Users of these offices see and run it.")
            .Resolve(c => c.Source.Shares.Where(s => s.Kind == SavedQueryShareKind.Office).Select(s => s.Value).Order(StringComparer.Ordinal).ToList()).NotFilterable().NotSortable();
        Field(q => q.Status).Description("VALID, or BROKEN when a schema change (a module removed or changed) made the document invalid.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("problems").Description("Why it is BROKEN: the validation messages; null when VALID.")
            .Resolve(c => c.Source.Problems?.Split('\n')).NotFilterable().NotSortable();
        Field(q => q.CreatedAt).Description("When it was first saved.");
        Field(q => q.UpdatedAt).Description("When it was last saved.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("checkedAt").Description("When it was last checked against the schema.").Resolve(c => c.Source.CheckedAt).NotFilterable();
        Field<NonNullGraphType<IntGraphType>>("version").Description("Changes on every save; send it as expectedVersion to save over it safely.").Resolve(c => c.Source.Version).NotFilterable().NotSortable();
    }
}

public sealed class SaveQueryInputGraphType : InputObjectGraphType<SaveQueryInput>
{
    public SaveQueryInputGraphType()
    {
        Name = "SaveQueryInput";
        Description = "A query to save, or new contents for one of your own (by name).";
        Field<NonNullGraphType<StringGraphType>>("name").Description("1-64 letters, digits, '_' or '-', starting with a letter; unique without regard to case.");
        Field<StringGraphType>("description").Description("What the query answers, at most 1,000 characters.");
        Field<NonNullGraphType<StringGraphType>>("document").Description("One GraphQL operation, valid against the schema served now.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("shareWithRoles").Description("Roles whose holders may see and run it (replaces the earlier list).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("shareWithOffices").Description("Offices (codes) whose users may see and run it (replaces the earlier list).");
        Field<IntGraphType>("expectedVersion").Description("When saving over your query: the version you read (CONFLICT if it changed since).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new SaveQueryInput(
        InputValues.String(value, "name"), InputValues.String(value, "description"), InputValues.String(value, "document"),
        value.TryGetValue("shareWithRoles", out var roles) ? InputValues.Strings(roles) : null,
        value.TryGetValue("shareWithOffices", out var offices) ? InputValues.Strings(offices) : null,
        value.TryGetValue("expectedVersion", out var version) ? version as int? : null);
}

public sealed class DeleteSavedQueryInputGraphType : InputObjectGraphType
{
    public DeleteSavedQueryInputGraphType()
    {
        Name = "DeleteSavedQueryInput";
        Description = "One of your saved queries to delete.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name (any case).");
    }
}

public sealed record SavedQueryPayload(SavedQuery? SavedQuery, IReadOnlyList<UserError> Errors);

public sealed record DeleteSavedQueryPayload(string? Name, IReadOnlyList<UserError> Errors);

public sealed class SaveQueryErrorGraphType() : UserErrorGraphType("SaveQueryError");

public sealed class DeleteSavedQueryErrorGraphType() : UserErrorGraphType("DeleteSavedQueryError");

public sealed class SaveQueryPayloadGraphType : ObjectGraphType<SavedQueryPayload>
{
    public SaveQueryPayloadGraphType()
    {
        Name = "SaveQueryPayload";
        Description = "The saved query, or why it was not saved.";
        Field<SavedQueryGraphType>("savedQuery").Description("As saved; null when there are errors.").Resolve(c => c.Source.SavedQuery);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SaveQueryErrorGraphType>>>>("errors").Description("Empty on success.").Resolve(c => c.Source.Errors);
    }
}

public sealed class DeleteSavedQueryPayloadGraphType : ObjectGraphType<DeleteSavedQueryPayload>
{
    public DeleteSavedQueryPayloadGraphType()
    {
        Name = "DeleteSavedQueryPayload";
        Description = "The name of the deleted query, or why nothing was deleted.";
        Field<StringGraphType>("name").Description("The deleted query's name; null when there are errors.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeleteSavedQueryErrorGraphType>>>>("errors").Description("Empty on success.").Resolve(c => c.Source.Errors);
    }
}
