using GraphQL.Types;

namespace SenGraph.Contracts.Schema;

/// <summary>
/// Base of every <c>VerbNounError</c> type: <c>code</c>, <c>message</c>, <c>path</c>. Derive one per
/// mutation so each payload names its own error type:
/// <code>public sealed class CreateSirDraftErrorType() : UserErrorGraphType("CreateSirDraftError");</code>
/// </summary>
public abstract class UserErrorGraphType : ObjectGraphType<UserError>
{
    protected UserErrorGraphType(string name, string? description = null)
    {
        Name = name;
        Description = description ?? $"Why a {name[..^"Error".Length]} mutation did not apply.";
        Field(e => e.Code).Description("Stable machine-readable error code.");
        Field(e => e.Message).Description("Human-readable explanation.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("path")
            .Description("Path of the input field at fault, starting at the mutation argument.")
            .Resolve(ctx => ctx.Source.Path);
    }
}
