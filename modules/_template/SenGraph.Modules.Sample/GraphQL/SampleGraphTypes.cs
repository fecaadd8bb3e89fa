using GraphQL.Types;
using SenGraph.Contracts.Schema;
using SenGraph.Modules.Sample.Data;

namespace SenGraph.Modules.Sample.GraphQL;

// Type names are global across modules: every name here starts with the module's concept.

public sealed class SampleReportGraphType : ObjectGraphType<SampleReport>
{
    public SampleReportGraphType()
    {
        Name = "SampleReport";
        Description = "A Sample report.";
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Identifier of the report.");
        Field(r => r.Title).Description("Short title.");
        Field(r => r.Narrative, nullable: true).Description("What happened, in the author's words.");
        Field(r => r.Author).Description("User name of the author.");
        Field(r => r.Office).Description("Code of the originating office.");
        Field(r => r.CreatedAt).Description("When the report was created.");
    }
}

public sealed class CreateSampleReportInputGraphType : InputObjectGraphType<SampleReports.CreateFields>
{
    public CreateSampleReportInputGraphType()
    {
        Name = "CreateSampleReportInput";
        Description = "A new Sample report.";
        Field<NonNullGraphType<StringGraphType>>("title").Description($"Short title, at most {SampleReport.TitleMaxLength} characters.");
        Field<StringGraphType>("narrative").Description($"What happened, at most {SampleReport.NarrativeMaxLength} characters.");
    }
}

public sealed record CreateSampleReportPayload(SampleReport? Report, IReadOnlyList<UserError> Errors);

public sealed class CreateSampleReportErrorGraphType() : UserErrorGraphType("CreateSampleReportError");

public sealed class CreateSampleReportPayloadGraphType : ObjectGraphType<CreateSampleReportPayload>
{
    public CreateSampleReportPayloadGraphType()
    {
        Name = "CreateSampleReportPayload";
        Description = "The created report, or why it was not created.";
        Field<SampleReportGraphType>("report").Description("The new report; null when there are errors.").Resolve(c => c.Source.Report);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreateSampleReportErrorGraphType>>>>("errors")
            .Description("Empty on success.").Resolve(c => c.Source.Errors);
    }
}
