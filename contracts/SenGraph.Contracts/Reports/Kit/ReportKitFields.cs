using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;

namespace SenGraph.Contracts.Reports.Kit;

/// <summary><c>x(id)</c> and <c>xs(where, order, first, after, last, before)</c> of a declared report type.</summary>
public sealed class ReportQueries<TReport> : ObjectGraphType
    where TReport : Report, IDeclaredReport<TReport>
{
    public ReportQueries(ReportTypeDefinition<TReport> type, ReportDrafts<ReportDbContext<TReport>, TReport> drafts, IDbContextFactory<ReportDbContext<TReport>> databases)
    {
        Field<ReportObjectGraphType<TReport>>(type.FieldName)
            .Description($"{type.Article} {type.ShortName} you may see, by id; null when there is none (or it is outside what you may see).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AuthorizeWithPolicy(type.ReadPolicy)
            .ResolveAsync(async c => IdArgument.ToGuidOrNull(c.GetArgument<string>("id")) is { } id
                ? await drafts.FindAsync(ReportViewer.From(c.User), id, type.FieldName, c.CancellationToken)
                : null);

        this.ConnectionField<ReportObjectGraphType<TReport>, TReport>(type.FieldName + "s", o => o.MaxPageSize = type.MaxPageSize)
            .Description($"The {type.ShortName}s you may see, most recently changed first unless ordered otherwise; filter and sort on envelope and {type.ShortName} fields.")
            .AuthorizeWithPolicy(type.ReadPolicy)
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await drafts.Visible(db, ReportViewer.From(c.User)).OrderByDescending(r => r.UpdatedAt).ToConnectionAsync(c);
            });
    }
}

/// <summary><c>createX</c>, <c>updateX</c> and <c>amendX</c> of a declared report type; review and submission are the host's shared steps.</summary>
public sealed class ReportMutations<TReport> : ObjectGraphType
    where TReport : Report, IDeclaredReport<TReport>
{
    public ReportMutations(ReportTypeDefinition<TReport> type, ReportDrafts<ReportDbContext<TReport>, TReport> drafts)
    {
        var name = type.GraphQLName;
        Field<NonNullGraphType<ReportPayloadGraphType<TReport>>>("create" + name)
            .Description($"Drafts {type.Article.ToLowerInvariant()} {type.ShortName} in your office (status DRAFT).")
            .Argument<NonNullGraphType<CreateReportInputGraphType<TReport>>>("input")
            .AuthorizeWithPolicy(type.AuthorPolicy)
            .ResolveAsync(async c =>
            {
                var input = Input(c);
                return Payload(await drafts.CreateAsync(ReportViewer.From(c.User), ReportEnvelopeInput.FromInput(input),
                    type.ReadDetails(input), c.CancellationToken));
            });

        Field<NonNullGraphType<ReportPayloadGraphType<TReport>>>("update" + name)
            .Description($"Replaces every field of one of your DRAFT or RETURNED {type.ShortName}s.")
            .Argument<NonNullGraphType<UpdateReportInputGraphType<TReport>>>("input")
            .AuthorizeWithPolicy(type.AuthorPolicy)
            .ResolveAsync(async c =>
            {
                var input = Input(c);
                return Payload(await drafts.UpdateAsync(ReportViewer.From(c.User), Id(input), ExpectedVersion(input),
                    ReportEnvelopeInput.FromInput(input), type.ReadDetails(input), c.CancellationToken));
            });

        Field<NonNullGraphType<ReportPayloadGraphType<TReport>>>("amend" + name)
            .Description($"Amends one of your SUBMITTED {type.ShortName}s: the version before stays readable in revisions, and recipients see it as unread again.")
            .Argument<NonNullGraphType<AmendReportInputGraphType<TReport>>>("input")
            .AuthorizeWithPolicy(type.AuthorPolicy)
            .ResolveAsync(async c =>
            {
                var input = Input(c);
                return Payload(await drafts.AmendAsync(ReportViewer.From(c.User), Id(input), ExpectedVersion(input),
                    input.TryGetValue("reason", out var reason) ? reason as string ?? "" : "",
                    ReportEnvelopeInput.FromInput(input), type.ReadDetails(input), c.CancellationToken));
            });

        foreach (var update in type.DesignatedUpdates)
        {
            var field = Field<NonNullGraphType<ReportPayloadGraphType<TReport>>>("update" + name + update.Name)
                .Description($"{update.Description} For a SUBMITTED {type.ShortName}, by {update.Updaters.Describe()}; the version before stays readable in revisions.")
                .AuthorizeWithPolicy(type.ReadPolicy)
                .ResolveAsync(async c =>
                {
                    var input = Input(c);
                    return Payload(await drafts.UpdateDesignatedAsync(ReportViewer.From(c.User), Id(input), ExpectedVersion(input),
                        input.TryGetValue("reason", out var reason) ? reason as string ?? "" : "", update.Label, update.Updaters,
                        update.Read(input), c.CancellationToken));
                });
            field.FieldType.Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(new DesignatedUpdateInputGraphType<TReport>(type, update))) { Name = "input" });
        }
    }

    private static ReportPayload<TReport> Payload(ReportOutcome<TReport> outcome) => new(outcome.Report, outcome.Errors);

    private static IDictionary<string, object?> Input(IResolveFieldContext context) => context.GetArgument<IDictionary<string, object?>>("input");

    private static Guid Id(IDictionary<string, object?> input) => IdArgument.ToGuid(input, "id");

    private static int ExpectedVersion(IDictionary<string, object?> input) =>
        input.TryGetValue("expectedVersion", out var version) && version is int v ? v : 0;
}
