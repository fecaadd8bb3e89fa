using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Modules.Sir.Data;

namespace SenGraph.Modules.Sir.GraphQL;

/// <summary>
/// The SIR module's mutations: drafting, editing and amending, which write the SIR's own fields. Review
/// and submission are the host's shared steps (<c>requestReportReview</c>, <c>returnReport</c>,
/// <c>approveReport</c>, <c>submitReport</c>).
/// </summary>
public sealed class SirMutations : ObjectGraphType
{
    public SirMutations(ReportDrafts<SirDbContext, SirReport> drafts)
    {
        Field<NonNullGraphType<SirPayloadGraphType>>("createSir")
            .Description("Drafts a SIR in your office (status DRAFT).")
            .Argument<NonNullGraphType<CreateSirInputGraphType>>("input")
            .AuthorizeWithPolicy(SirPolicies.Author)
            .ResolveAsync(async c =>
            {
                var outcome = await drafts.CreateAsync(ReportViewer.From(c.User), ReportEnvelopeInput.FromInput(Input(c)),
                    SirFields.FromInput(Input(c)).ToDetails(), c.CancellationToken);
                return new SirPayload(outcome.Report, outcome.Errors);
            });

        Field<NonNullGraphType<SirPayloadGraphType>>("updateSir")
            .Description("Replaces every field of one of your DRAFT or RETURNED SIRs.")
            .Argument<NonNullGraphType<UpdateSirInputGraphType>>("input")
            .AuthorizeWithPolicy(SirPolicies.Author)
            .ResolveAsync(async c =>
            {
                var change = SirChange.FromInput(Input(c));
                var outcome = await drafts.UpdateAsync(ReportViewer.From(c.User), change.Id, change.ExpectedVersion,
                    ReportEnvelopeInput.FromInput(Input(c)), SirFields.FromInput(Input(c)).ToDetails(), c.CancellationToken);
                return new SirPayload(outcome.Report, outcome.Errors);
            });

        Field<NonNullGraphType<SirPayloadGraphType>>("amendSir")
            .Description("Amends one of your SUBMITTED SIRs: the version before stays readable in revisions, and recipients see it as unread again.")
            .Argument<NonNullGraphType<AmendSirInputGraphType>>("input")
            .AuthorizeWithPolicy(SirPolicies.Author)
            .ResolveAsync(async c =>
            {
                var change = SirChange.FromInput(Input(c));
                var outcome = await drafts.AmendAsync(ReportViewer.From(c.User), change.Id, change.ExpectedVersion, change.Reason ?? "",
                    ReportEnvelopeInput.FromInput(Input(c)), SirFields.FromInput(Input(c)).ToDetails(), c.CancellationToken);
                return new SirPayload(outcome.Report, outcome.Errors);
            });
    }

    private static IDictionary<string, object?> Input(IResolveFieldContext context) => context.GetArgument<IDictionary<string, object?>>("input");
}
