using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Workflow;

/// <summary>
/// The lifecycle and queue mutations every report type shares (see <see cref="ReportWorkflow"/>). Each is refused at
/// validation to callers who hold its policy (author, review, read) for no report type at all; the report's own
/// type decides the rest.
/// </summary>
public sealed class ReportMutations : ObjectGraphType
{
    public ReportMutations(ReportWorkflow workflow)
    {
        Field<NonNullGraphType<ReportStepPayloadGraphType>>("requestReportReview")
            .Description("The author asks a supervisor to review a DRAFT or RETURNED report: it becomes PENDING_REVIEW.")
            .Argument<NonNullGraphType<ReportStepInputGraphType>>("input")
            .Authorize()
            .RequiresReportPolicy(ReportOperation.Author)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ReportStepInput>("input");
                return await workflow.RequestReviewAsync(c.Schema, c.User!, input.Id, input.ExpectedVersion, c.CancellationToken);
            });

        Field<NonNullGraphType<ReportStepPayloadGraphType>>("returnReport")
            .Description("A reviewer sends a PENDING_REVIEW report back to its author with the reason: it becomes RETURNED, editable again.")
            .Argument<NonNullGraphType<ReturnReportInputGraphType>>("input")
            .Authorize()
            .RequiresReportPolicy(ReportOperation.Review)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ReturnReportInput>("input");
                return await workflow.ReturnAsync(c.Schema, c.User!, input.Id, input.ExpectedVersion, input.Reason, c.CancellationToken);
            });

        Field<NonNullGraphType<ReportStepPayloadGraphType>>("approveReport")
            .Description("A reviewer approves a PENDING_REVIEW report: it becomes APPROVED, ready for its author to submit.")
            .Argument<NonNullGraphType<ReportStepInputGraphType>>("input")
            .Authorize()
            .RequiresReportPolicy(ReportOperation.Review)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ReportStepInput>("input");
                return await workflow.ApproveAsync(c.Schema, c.User!, input.Id, input.ExpectedVersion, c.CancellationToken);
            });

        Field<NonNullGraphType<ReportStepPayloadGraphType>>("submitReport")
            .Description("The author submits an APPROVED report (or a DRAFT when review is not mandatory): it is numbered, "
                + "routed to the offices its type's rules name and to the recipients given, and becomes SUBMITTED.")
            .Argument<NonNullGraphType<SubmitReportInputGraphType>>("input")
            .Authorize()
            .RequiresReportPolicy(ReportOperation.Author)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<SubmitReportInput>("input");
                return await workflow.SubmitAsync(c.Schema, c.User!, input.Id, input.ExpectedVersion, input.Recipients, c.CancellationToken);
            });

        Field<NonNullGraphType<QueuePayloadGraphType>>("markReportRead")
            .Description("Marks a report read in your queue entries (yours and your office's).")
            .Argument<NonNullGraphType<QueueInputGraphType>>("input")
            .Authorize()
            .RequiresReportPolicy(ReportOperation.Read)
            .ResolveAsync(async c => await workflow.MarkReadAsync(c.Schema, c.User!, c.GetArgument<QueueInput>("input").Id, c.CancellationToken));

        Field<NonNullGraphType<QueuePayloadGraphType>>("acknowledgeReport")
            .Description("Acknowledges a report in your queue entries (yours and your office's); marks it read too.")
            .Argument<NonNullGraphType<QueueInputGraphType>>("input")
            .Authorize()
            .RequiresReportPolicy(ReportOperation.Read)
            .ResolveAsync(async c => await workflow.AcknowledgeAsync(c.Schema, c.User!, c.GetArgument<QueueInput>("input").Id, c.CancellationToken));
    }
}

public sealed record ReportStepInput(Guid Id, int ExpectedVersion);

/// <summary>
/// The <c>id</c> of a lifecycle or queue input as the <see cref="Guid"/> the records hold. An ID may arrive as
/// any string or number; one that is not a GUID names no report, so it becomes <see cref="Guid.Empty"/> and the
/// step answers <c>NOT_FOUND</c>, as the SIR mutations do. (GraphQL.NET converts typed input objects outside its
/// handling of variable errors: left to it, a malformed id was an internal server error.)
/// </summary>
internal static class ReportIds
{
    public static IDictionary<string, object?> AsGuid(IDictionary<string, object?> value)
    {
        if (!value.TryGetValue("id", out var id) || id is Guid) return value;
        return new Dictionary<string, object?>(value)
        {
            ["id"] = IdArgument.ToGuid(id),
        };
    }
}

public sealed record ReturnReportInput(Guid Id, int ExpectedVersion, string Reason);

public sealed record SubmitReportInput(Guid Id, int ExpectedVersion, List<RecipientInput>? Recipients);

public sealed record QueueInput(Guid Id);

public sealed class ReportStepInputGraphType : InputObjectGraphType<ReportStepInput>
{
    public ReportStepInputGraphType()
    {
        Name = "ReportStepInput";
        Description = "The report to act on and the version you saw.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The report.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The report's version as you saw it; a stale version is a CONFLICT.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => base.ParseDictionary(ReportIds.AsGuid(value));
}

public sealed class ReturnReportInputGraphType : InputObjectGraphType<ReturnReportInput>
{
    public ReturnReportInputGraphType()
    {
        Name = "ReturnReportInput";
        Description = "The report to return, the version you saw, and why.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The report.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The report's version as you saw it; a stale version is a CONFLICT.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description($"What the author must correct, at most {ReportLimits.ReasonMaxLength:N0} characters.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => base.ParseDictionary(ReportIds.AsGuid(value));
}

public sealed class SubmitReportInputGraphType : InputObjectGraphType<SubmitReportInput>
{
    public SubmitReportInputGraphType()
    {
        Name = "SubmitReportInput";
        Description = "The report to submit, the version you saw, and recipients besides those its type routes it to.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The report.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The report's version as you saw it; a stale version is a CONFLICT.");
        Field<ListGraphType<NonNullGraphType<RecipientInputGraphType>>>("recipients")
            .Description($"Users or offices to send the report to as well, at most {ReportWorkflow.MaxNamedRecipients}.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => base.ParseDictionary(ReportIds.AsGuid(value));
}

public sealed class RecipientInputGraphType : InputObjectGraphType<RecipientInput>
{
    public RecipientInputGraphType()
    {
        Name = "RecipientInput";
        Description = "A user (by user name) or an office (by code) to send a report to.";
        Field<NonNullGraphType<RecipientKindGraphType>>("kind").Description("USER or OFFICE.");
        Field<NonNullGraphType<StringGraphType>>("code").Description("The user name or office code.");
    }
}

public sealed class QueueInputGraphType : InputObjectGraphType<QueueInput>
{
    public QueueInputGraphType()
    {
        Name = "QueueInput";
        Description = "A report in your queue.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The report.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => base.ParseDictionary(ReportIds.AsGuid(value));
}

public sealed class ReportStepErrorGraphType() : UserErrorGraphType("ReportStepError");

public sealed class ReportStepPayloadGraphType : ObjectGraphType<ReportWorkflow.Outcome>
{
    public ReportStepPayloadGraphType(ReportTypes reportTypes)
    {
        Name = "ReportStepPayload";
        Description = "The report after the step, or why the step was refused (then nothing changed).";
        Field<ReportInterfaceGraphType>("report").Description("The report after the step; null when there are errors.")
            .ResolveAsync(async c => c.Source.Report is { } report
                ? (await reportTypes.TypedAsync(c.Schema, [report], c.CancellationToken))[report.Id]
                : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportStepErrorGraphType>>>>("errors").Description("Empty on success.")
            .Resolve(c => c.Source.Errors);
    }
}

public sealed class QueueErrorGraphType() : UserErrorGraphType("QueueError");

public sealed class QueuePayloadGraphType : ObjectGraphType<ReportWorkflow.QueueOutcome>
{
    public QueuePayloadGraphType()
    {
        Name = "QueuePayload";
        Description = "Your queue entries for the report after the change, or why nothing changed.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QueueItemGraphType>>>>("items").Description("Your entries for the report (yours, your office's).")
            .Resolve(c => c.Source.Entries);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QueueErrorGraphType>>>>("errors").Description("Empty on success.")
            .Resolve(c => c.Source.Errors);
    }
}
