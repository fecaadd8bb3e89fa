using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Security;
using SenGraph.Modules.Sample.Data;

namespace SenGraph.Modules.Sample.GraphQL;

/// <summary>The module's mutation fields: verbNoun(input: VerbNounInput!): VerbNounPayload!.</summary>
public sealed class SampleMutations : ObjectGraphType
{
    public SampleMutations(SampleReports reports)
    {
        Field<NonNullGraphType<CreateSampleReportPayloadGraphType>>("createSampleReport")
            .Description("Creates a Sample report in your office.")
            .Argument<NonNullGraphType<CreateSampleReportInputGraphType>>("input")
            .AuthorizeWithPolicy(SamplePolicies.Author)
            .ResolveAsync(async c =>
            {
                var office = c.User.GetOffice();
                if (office is null)
                    return new CreateSampleReportPayload(null, [new UserError("NO_OFFICE", "Your token names no office; a report belongs to an office.", ["input"])]);
                var outcome = await reports.CreateAsync(c.User.GetUserName()!, office, c.GetArgument<SampleReports.CreateFields>("input"), c.CancellationToken);
                return new CreateSampleReportPayload(outcome.Report, outcome.Errors);
            });
    }
}
