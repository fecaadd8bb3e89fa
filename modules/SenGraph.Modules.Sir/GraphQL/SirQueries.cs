using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Modules.Sir.Data;

namespace SenGraph.Modules.Sir.GraphQL;

/// <summary>The SIR module's query fields.</summary>
public sealed class SirQueries : ObjectGraphType
{
    public SirQueries(ReportDrafts<SirDbContext, SirReport> drafts, IDbContextFactory<SirDbContext> databases)
    {
        Field<SirGraphType>("sir")
            .Description("A SIR you may see, by id; null when there is none (or it is outside what you may see).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AuthorizeWithPolicy(SirPolicies.Reader)
            .ResolveAsync(async c => Guid.TryParse(c.GetArgument<string>("id"), out var id)
                ? await drafts.FindAsync(ReportViewer.From(c.User), id, c.CancellationToken)
                : null);

        this.ConnectionField<SirGraphType, SirReport>("sirs", o => o.MaxPageSize = 100)
            .Description("The SIRs you may see, most recently changed first unless ordered otherwise; filter and sort on envelope and SIR fields.")
            .AuthorizeWithPolicy(SirPolicies.Reader)
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await drafts.Visible(db, ReportViewer.From(c.User)).OrderByDescending(r => r.UpdatedAt).ToConnectionAsync(c);
            });
    }
}
