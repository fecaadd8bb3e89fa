using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Security;
using SenGraph.Modules.Sir.Data;

namespace SenGraph.Modules.Sir.GraphQL;

/// <summary>The SIR module's query fields.</summary>
public sealed class SirQueries : ObjectGraphType
{
    public SirQueries(SirDrafts drafts)
    {
        Field<SirGraphType>("sir")
            .Description("One of your SIRs by id; null when there is none you may see.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AuthorizeWithPolicy(SirPolicies.Reader)
            .ResolveAsync(async c => await drafts.FindAsync(c.User.GetUserName()!, c.GetArgument<Guid>("id"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SirGraphType>>>>("mySirDrafts")
            .Description($"Your SIR drafts, most recently changed first (at most {SirDrafts.MaxDraftsListed}).")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .AuthorizeWithPolicy(SirPolicies.Reader)
            .ResolveAsync(async c => await drafts.ListDraftsAsync(c.User.GetUserName()!, c.GetArgument<int>("first"), c.CancellationToken));
    }
}
