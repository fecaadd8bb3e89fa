using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Security;
using SenGraph.Modules.Sir.Data;

namespace SenGraph.Modules.Sir.GraphQL;

/// <summary>The SIR module's mutation fields.</summary>
public sealed class SirMutations : ObjectGraphType
{
    public SirMutations(SirDrafts drafts)
    {
        Field<NonNullGraphType<CreateSirDraftPayloadGraphType>>("createSirDraft")
            .Description("Starts a SIR draft in your office.")
            .Argument<NonNullGraphType<CreateSirDraftInputGraphType>>("input")
            .AuthorizeWithPolicy(SirPolicies.Author)
            .ResolveAsync(async c =>
            {
                var office = c.User.GetOffice();
                if (office is null)
                    return new SirPayload(null, [new UserError("NO_OFFICE", "Your token names no office; a SIR belongs to an office.", ["input"])]);
                var outcome = await drafts.CreateAsync(c.User.GetUserName()!, office, c.GetArgument<SirRules.DraftFields>("input"), c.CancellationToken);
                return new SirPayload(outcome.Report, outcome.Errors);
            });

        Field<NonNullGraphType<UpdateSirDraftPayloadGraphType>>("updateSirDraft")
            .Description("Replaces the editable fields of one of your drafts.")
            .Argument<NonNullGraphType<UpdateSirDraftInputGraphType>>("input")
            .AuthorizeWithPolicy(SirPolicies.Author)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<UpdateSirDraftInput>("input");
                var outcome = await drafts.UpdateAsync(c.User.GetUserName()!, input.Id, input.ExpectedVersion, input.Fields, c.CancellationToken);
                return new SirPayload(outcome.Report, outcome.Errors);
            });
    }
}
