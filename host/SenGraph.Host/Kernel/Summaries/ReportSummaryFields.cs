using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Workflow;
using SenGraph.Host.GraphQL;

namespace SenGraph.Host.Kernel.Summaries;

/// <summary><c>reportSummaries</c> and <c>reportSummary</c>: the summaries you wrote and those sent to you or your office (your summary queue).</summary>
public sealed class ReportSummaryQueries : ObjectGraphType
{
    public ReportSummaryQueries(IDbContextFactory<SenDbContext> databases)
    {
        this.ConnectionField<ReportSummaryGraphType, ReportSummary>("reportSummaries", o => o.TieBreaker(s => s.Id))
            .Description("IROC summaries you wrote, and those sent to you or your office, most recently changed first unless ordered otherwise.")
            .Authorize()
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await ReportSummaryStore.VisibleTo(db, ReportViewer.From(c.User)).AsNoTracking()
                    .Include(s => s.Reports).Include(s => s.Recipients).AsSplitQuery()
                    .OrderByDescending(s => s.UpdatedAt).ToConnectionAsync(c);
            });

        Field<ReportSummaryGraphType>("reportSummary")
            .Description("One IROC summary you wrote or that was sent to you or your office; null otherwise.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The summary.")
            .Authorize()
            .ResolveAsync(async c =>
            {
                if (IdArgument.ToGuidOrNull(c.GetArgument<string>("id")) is not { } id) return null;
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await ReportSummaryStore.VisibleTo(db, ReportViewer.From(c.User)).AsNoTracking()
                    .Include(s => s.Reports).Include(s => s.Recipients).AsSplitQuery()
                    .SingleOrDefaultAsync(s => s.Id == id, c.CancellationToken);
            });
    }
}

/// <summary>
/// <c>draftReportSummary</c>, <c>updateReportSummary</c>, <c>sendReportSummary</c> (IROC staff) and <c>markReportSummaryRead</c>
/// (its recipients).
/// </summary>
public sealed class ReportSummaryMutations : ObjectGraphType
{
    public ReportSummaryMutations(ReportSummaryStore store)
    {
        Field<NonNullGraphType<ReportSummaryPayloadGraphType>>("draftReportSummary")
            .Description("IROC staff: drafts a summary of submitted reports you may read (never a SPEAR).")
            .Argument<NonNullGraphType<DraftReportSummaryInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.IrocStaff)
            .ResolveAsync(async c => Payload(await store.DraftAsync(c.Schema, c.User!, Content(Input(c)), c.CancellationToken)));

        Field<NonNullGraphType<ReportSummaryPayloadGraphType>>("updateReportSummary")
            .Description("IROC staff: new title, text and reports for one of your draft summaries.")
            .Argument<NonNullGraphType<UpdateReportSummaryInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.IrocStaff)
            .ResolveAsync(async c => Payload(await store.UpdateAsync(c.Schema, c.User!, Content(Input(c)), c.CancellationToken)));

        Field<NonNullGraphType<ReportSummaryPayloadGraphType>>("sendReportSummary")
            .Description("IROC staff: sends one of your draft summaries to users or offices; it appears in their reportSummaries and is no longer edited.")
            .Argument<NonNullGraphType<SendReportSummaryInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.IrocStaff)
            .ResolveAsync(async c =>
            {
                var input = Input(c);
                return Payload(await store.SendAsync(c.User!, Id(input), input.GetValueOrDefault("expectedVersion") as int?, Recipients(input), c.CancellationToken));
            });

        Field<NonNullGraphType<ReportSummaryPayloadGraphType>>("markReportSummaryRead")
            .Description("Marks a summary sent to you or your office read.")
            .Argument<NonNullGraphType<MarkReportSummaryReadInputGraphType>>("input")
            .Authorize()
            .ResolveAsync(async c => Payload(await store.MarkReadAsync(c.User!, Id(Input(c)), c.CancellationToken)));
    }

    private static ReportSummaryPayload Payload(Result<ReportSummary> result) =>
        new(result.Succeeded ? result.Value : null, result.Errors);

    private static Dictionary<string, object?> Input(IResolveFieldContext c) => c.GetArgument<Dictionary<string, object?>>("input");

    private static Guid? Id(Dictionary<string, object?> input) => IdArgument.ToGuidOrNull(input.GetValueOrDefault("id"));

    /// <summary>The recipients as parsed by <see cref="RecipientInputGraphType"/> (or, defensively, as plain objects).</summary>
    private static List<RecipientInput>? Recipients(Dictionary<string, object?> input) =>
        input.GetValueOrDefault("recipients") is IEnumerable<object?> items
            ? [.. items.Select(item => item switch
            {
                RecipientInput parsed => parsed,
                IDictionary<string, object?> raw => new RecipientInput(
                    Get(raw, "kind") is RecipientKind kind ? kind : Enum.TryParse<RecipientKind>(Get(raw, "kind")?.ToString(), true, out var k) ? k : RecipientKind.User,
                    Get(raw, "code")?.ToString() ?? ""),
                _ => new RecipientInput(RecipientKind.User, ""),
            })]
            : null;

    private static object? Get(IDictionary<string, object?> values, string key) => values.TryGetValue(key, out var value) ? value : null;

    private static ReportSummaryInput Content(Dictionary<string, object?> input) => new(
        Id(input),
        input.GetValueOrDefault("expectedVersion") as int?,
        input.GetValueOrDefault("title") as string,
        input.GetValueOrDefault("text") as string,
        input.GetValueOrDefault("reports") is IEnumerable<object?> reports ? [.. reports.Select(r => r?.ToString() ?? "")] : null);
}

public static class ReportSummaryExtensions
{
    /// <summary>IROC summaries: the store, the reader of cited reports, and their root fields.</summary>
    public static IServiceCollection AddReportSummaries(this IServiceCollection services)
    {
        services.AddSingleton<ReportSummaryStore>();
        services.AddSingleton<SummarizedReports>();
        services.AddRootFields<ReportSummaryQueries>(RootOperation.Query);
        services.AddRootFields<ReportSummaryMutations>(RootOperation.Mutation);
        return services;
    }
}
