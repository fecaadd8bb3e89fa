using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Kernel.Workflow;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Summaries;

/// <summary>GraphQL <c>ReportSummary</c>. The title and text may name a suspect or victim: both are PII.</summary>
public sealed class ReportSummaryGraphType : ObjectGraphType<ReportSummary>
{
    public ReportSummaryGraphType(SummarizedReports summarized)
    {
        Name = "ReportSummary";
        Description = "An IROC summary of one or more submitted reports, sent to leadership with a reference to each report (PIA Overview).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Identifier of the summary.").Resolve(c => c.Source.Id).NotFilterable().NotSortable();
        Field<NonNullGraphType<StringGraphType>>("title").Description("Title; may name a suspect (PII).").Resolve(c => c.Source.Title).Pii().NotFilterable().NotSortable();
        Field<NonNullGraphType<StringGraphType>>("text").Description("The summary; may name a suspect or victim (PII).").Resolve(c => c.Source.Text).Pii().NotFilterable().NotSortable();
        Field(s => s.Author).Description("User name of the IROC analyst who wrote it.");
        Field(s => s.Status).Description("DRAFT while being written (only its author sees it), SENT once sent.");
        Field(s => s.CreatedAt).Description("When it was first drafted.");
        Field(s => s.UpdatedAt).Description("When it last changed.");
        Field(s => s.SentAt, nullable: true).Description("When it was sent; null while a draft.");
        Field<NonNullGraphType<IntGraphType>>("version").Description("Changes with every change; send it back as expectedVersion.").Resolve(c => c.Source.Version).NotFilterable().NotSortable();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SummarizedReportGraphType>>>>("reports")
            .Description("The reports it summarises, in order: each one's type and number for every reader, the report itself only for readers who may read it.")
            .ResolveAsync(async c => await summarized.ForAsync(c, c.Source)).NotFilterable().NotSortable();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportSummaryRecipientGraphType>>>>("recipients")
            .Description("Who it was sent to, with when each read it; empty while a draft.")
            .Resolve(c => c.Source.Recipients.OrderBy(r => r.QueuedAt).ThenBy(r => r.Kind).ThenBy(r => r.Code, StringComparer.Ordinal).ToList()).NotFilterable().NotSortable();
    }
}

/// <summary>A report a summary cites, as a reader of the summary sees it.</summary>
public sealed record SummarizedReport(int Position, string Type, string? Number, Report? Report);

/// <summary>GraphQL <c>SummarizedReport</c>: the reference every reader sees, and the report only for those who may read it.</summary>
public sealed class SummarizedReportGraphType : ObjectGraphType<SummarizedReport>
{
    public SummarizedReportGraphType()
    {
        Name = "SummarizedReport";
        Description = "A report a summary cites. Every reader of the summary sees that it exists (its type and number); only readers who may read it get its content.";
        Field<NonNullGraphType<IntGraphType>>("position").Description("Its place in the summary, from 0.").Resolve(c => c.Source.Position);
        Field<NonNullGraphType<StringGraphType>>("type").Description("Report-type code, e.g. SIR.").Resolve(c => c.Source.Type);
        Field<StringGraphType>("number").Description("The report's number, the reference to ask for it by.").Resolve(c => c.Source.Number);
        Field<NonNullGraphType<BooleanGraphType>>("readable").Description("Whether you may read the report.").Resolve(c => c.Source.Report is not null);
        Field<ReportInterfaceGraphType>("report").Description("The report; null when you may not read it (or its module is not loaded).").Resolve(c => c.Source.Report);
    }
}

/// <summary>Resolves a summary's cited reports for the caller: readable ones with their content, the others as references only.</summary>
public sealed class SummarizedReports(IDbContextFactory<SenDbContext> databases, ReportTypes reportTypes, AccessControl access)
{
    public async Task<IReadOnlyList<SummarizedReport>> ForAsync(IResolveFieldContext context, ReportSummary summary)
    {
        var ids = summary.Reports.Select(r => r.ReportId).ToList();
        await using var db = await databases.CreateDbContextAsync(context.CancellationToken);
        var readable = (await access.ReadableTypesAsync(context.Schema, context.User)).ToList();
        var visible = await reportTypes.LoadTypedAsync(context.Schema,
            db.Reports.Where(r => readable.Contains(r.Type)).VisibleTo(db.ReportRecipients, reportTypes.ViewerOf(context.Schema, context.User)).Where(r => ids.Contains(r.Id)),
            context.CancellationToken);
        return [.. summary.Reports.OrderBy(r => r.Position)
            .Select(r => new SummarizedReport(r.Position, r.ReportType, r.ReportNumber, visible.TryGetValue(r.ReportId, out var report) ? report : null))];
    }
}

public sealed class ReportSummaryRecipientGraphType : ObjectGraphType<ReportSummaryRecipient>
{
    public ReportSummaryRecipientGraphType()
    {
        Name = "ReportSummaryRecipient";
        Description = "A user or office a summary was sent to.";
        Field<NonNullGraphType<RecipientKindGraphType>>("kind").Description("USER or OFFICE.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("code").Description("User name or office code.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("queuedAt").Description("When it reached the recipient.").Resolve(c => c.Source.QueuedAt);
        Field<DateTimeOffsetGraphType>("readAt").Description("When the recipient (for an office: anyone in it) marked it read; null until then.").Resolve(c => c.Source.ReadAt);
    }
}

public sealed class DraftReportSummaryInputGraphType : InputObjectGraphType
{
    public DraftReportSummaryInputGraphType()
    {
        Name = "DraftReportSummaryInput";
        Description = "A new summary: its title, its text and the submitted reports it summarises.";
        AddContent(this);
    }

    public static void AddContent(InputObjectGraphType input)
    {
        input.Field<NonNullGraphType<StringGraphType>>("title").Description($"Title, at most {ReportSummaryModel.TitleMaxLength} characters; may name a suspect (PII).").Pii();
        input.Field<NonNullGraphType<StringGraphType>>("text").Description($"The summary, at most {ReportSummaryModel.TextMaxLength:N0} characters; may name a suspect or victim (PII).").Pii();
        input.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("reports")
            .Description($"The submitted reports it summarises, in order, 1 to {ReportSummaryModel.MaxReports}; reports you may read, never a SPEAR.");
    }
}

public sealed class UpdateReportSummaryInputGraphType : InputObjectGraphType
{
    public UpdateReportSummaryInputGraphType()
    {
        Name = "UpdateReportSummaryInput";
        Description = "New contents for one of your draft summaries; replaces title, text and reports.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The summary.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("Its version as you saw it; a stale one is a CONFLICT.");
        DraftReportSummaryInputGraphType.AddContent(this);
    }
}

public sealed class SendReportSummaryInputGraphType : InputObjectGraphType
{
    public SendReportSummaryInputGraphType()
    {
        Name = "SendReportSummaryInput";
        Description = "One of your draft summaries to send, and to whom.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The summary.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("Its version as you saw it; a stale one is a CONFLICT.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecipientInputGraphType>>>>("recipients")
            .Description($"Users or offices to send it to, 1 to {ReportSummaryModel.MaxRecipients}.");
    }
}

public sealed class MarkReportSummaryReadInputGraphType : InputObjectGraphType
{
    public MarkReportSummaryReadInputGraphType()
    {
        Name = "MarkReportSummaryReadInput";
        Description = "A summary sent to you or your office.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The summary.");
    }
}

public sealed record ReportSummaryPayload(ReportSummary? ReportSummary, IReadOnlyList<UserError> Errors);

public sealed class ReportSummaryErrorGraphType() : UserErrorGraphType("ReportSummaryError", "Why a summary mutation did not apply.");

public sealed class ReportSummaryPayloadGraphType : ObjectGraphType<ReportSummaryPayload>
{
    public ReportSummaryPayloadGraphType()
    {
        Name = "ReportSummaryPayload";
        Description = "The summary as stored, or why nothing changed.";
        Field<ReportSummaryGraphType>("reportSummary").Description("The summary; null when there are errors.").Resolve(c => c.Source.ReportSummary);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportSummaryErrorGraphType>>>>("errors").Description("Empty on success.").Resolve(c => c.Source.Errors);
    }
}
