using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Security;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Kernel.SavedQueries;

/// <summary>
/// <c>savedQueries</c> and <c>savedQuery</c>: the saved queries you own or that are shared with one of your roles or your
/// office. Every role may save and run queries: a run is authorized like any request, for the user who runs it.
/// </summary>
public sealed class SavedQueryQueries : ObjectGraphType
{
    public SavedQueryQueries(IDbContextFactory<SenDbContext> databases)
    {
        this.ConnectionField<SavedQueryGraphType, SavedQuery>("savedQueries", o => o.TieBreaker(q => q.NameKey))
            .Description("The saved queries you may run: yours and those shared with your roles or office, by name unless ordered otherwise.")
            .ForEveryRole()
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await SavedQueryStore.VisibleTo(db, c.User!).AsNoTracking().Include(q => q.Shares).AsSplitQuery()
                    .OrderBy(q => q.NameKey).ToConnectionAsync(c);
            });

        Field<SavedQueryGraphType>("savedQuery")
            .Description("One saved query you may run, by name (any case); null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("name", "Its name.")
            .ForEveryRole()
            .ResolveAsync(async c =>
            {
                var key = c.GetArgument<string>("name").Trim().ToLowerInvariant();
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await SavedQueryStore.VisibleTo(db, c.User!).AsNoTracking().Include(q => q.Shares).SingleOrDefaultAsync(q => q.NameKey == key, c.CancellationToken);
            });
    }
}

/// <summary><c>saveQuery</c> and <c>deleteSavedQuery</c>.</summary>
public sealed class SavedQueryMutations : ObjectGraphType
{
    public SavedQueryMutations(SavedQueryStore store)
    {
        Field<NonNullGraphType<SaveQueryPayloadGraphType>>("saveQuery")
            .Description("Saves a named operation, or new contents for your own query of that name. The document must be valid against the schema served now.")
            .Argument<NonNullGraphType<SaveQueryInputGraphType>>("input")
            .ForEveryRole()
            .ResolveAsync(async c =>
            {
                var outcome = await store.SaveAsync(c.User!, c.GetArgument<SaveQueryInput>("input"), c.CancellationToken);
                return new SavedQueryPayload(outcome.Succeeded ? outcome.Value : null, outcome.Errors);
            });

        Field<NonNullGraphType<DeleteSavedQueryPayloadGraphType>>("deleteSavedQuery")
            .Description("Deletes one of your saved queries.")
            .Argument<NonNullGraphType<DeleteSavedQueryInputGraphType>>("input")
            .ForEveryRole()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var outcome = await store.DeleteAsync(c.User!, input.GetValueOrDefault("name") as string, c.CancellationToken);
                return new DeleteSavedQueryPayload(outcome.Succeeded ? outcome.Value : null, outcome.Errors);
            });
    }
}
