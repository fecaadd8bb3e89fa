using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Security;
using SenGraph.Modules.Sample.Data;

namespace SenGraph.Modules.Sample.GraphQL;

/// <summary>The module's query fields (they join Query; root field names are global).</summary>
public sealed class SampleQueries : ObjectGraphType
{
    public SampleQueries(SampleReports reports)
    {
        Field<SampleReportGraphType>("sampleReport")
            .Description("One of your Sample reports by id; null when there is none you may see.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AuthorizeWithPolicy(SamplePolicies.Reader)
            .ResolveAsync(async c => await reports.FindAsync(c.User.GetUserName()!, c.GetArgument<Guid>("id"), c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SampleReportGraphType>>>>("mySampleReports")
            .Description($"Your Sample reports, newest first (at most {SampleReports.MaxListed}).")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .AuthorizeWithPolicy(SamplePolicies.Reader)
            .ResolveAsync(async c => await reports.ListMineAsync(c.User.GetUserName()!, c.GetArgument<int>("first"), c.CancellationToken));
    }
}
