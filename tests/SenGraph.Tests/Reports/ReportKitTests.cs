using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Schema;

namespace SenGraph.Tests.Reports;

/// <summary>What the kit derives from a declaration, without a host: input checks, rules, the inputs and the graph type.</summary>
public sealed class ReportKitTests
{
    public enum ProbeKind { Seen, Heard }

    public sealed class ProbeReport : Report, IDeclaredReport<ProbeReport>
    {
        public ProbeKind Kind { get; set; }
        public string? Place { get; set; }
        public string? Witness { get; set; }
        public bool Loud => Kind == ProbeKind.Heard;

        public static void Declare(ReportTypeDefinition<ProbeReport> type)
        {
            type.Named("PROBE", "Probe", "Probe report", "A probe.")
                .Policies(authors: [DirectoryRoles.Agent], reviewers: [], readers: [DirectoryRoles.Agent]);
            type.Field(r => r.Kind, "What happened.").Required();
            type.Field(r => r.Place, "Where.").MaxLength(5);
            type.Field(r => r.Witness, "Who saw it.").MaxLength(100).Pii();
            type.Computed(r => r.Loud, "Whether it was heard.");
            type.Rule(r => r.Witness is not null && r.Place is null ? UserError.ForField("REQUIRED", "Say where the witness was.", "place") : null);
        }
    }

    public sealed class BadCodeReport : Report, IDeclaredReport<BadCodeReport>
    {
        public static void Declare(ReportTypeDefinition<BadCodeReport> type) =>
            type.Named("bad code", "Bad", "Bad", "Bad.").Policies([DirectoryRoles.Agent], [], [DirectoryRoles.Agent]);
    }

    private static readonly ReportTypeDefinition<ProbeReport> Probe = ReportTypeDefinition<ProbeReport>.Declare();

    [Fact]
    public void Every_field_error_and_every_rule_error_is_reported_at_once_with_its_input_path()
    {
        var details = Probe.ReadDetails(new Dictionary<string, object?> { ["place"] = "   ", ["witness"] = " Jane " });

        Assert.Equal(
            ["REQUIRED input.kind The kind is required.", "REQUIRED input.place Say where the witness was."],
            details.Errors.Select(e => $"{e.Code} {string.Join('.', e.Path)} {e.Message}"));
    }

    [Fact]
    public void Valid_values_are_trimmed_checked_for_length_and_applied()
    {
        var tooLong = Probe.ReadDetails(new Dictionary<string, object?> { ["kind"] = ProbeKind.Seen, ["place"] = "Harbour" });
        Assert.Equal("TOO_LONG input.place The place may have at most 5 characters.",
            Assert.Single(tooLong.Errors) is var e ? $"{e.Code} {string.Join('.', e.Path)} {e.Message}" : null);

        var valid = Probe.ReadDetails(new Dictionary<string, object?> { ["kind"] = ProbeKind.Heard, ["place"] = " Pier ", ["witness"] = "" });
        Assert.Empty(valid.Errors);
        var report = new ProbeReport { Type = "PROBE", Title = "t", OriginatingOffice = "SAC-NYC", Author = "alice", Place = "old", Witness = "old" };
        valid.Apply(report);
        Assert.Equal((ProbeKind.Heard, "Pier", (string?)null, true), (report.Kind, report.Place, report.Witness, report.Loud));
    }

    [Fact]
    public void The_graph_types_mark_pii_leave_computed_fields_out_of_inputs_and_make_required_fields_non_null()
    {
        var type = new ReportObjectGraphType<ProbeReport>(Probe);
        var input = new CreateReportInputGraphType<ProbeReport>(Probe);

        Assert.True(type.GetField("witness")!.IsPii());
        Assert.True(input.GetField("witness")!.IsPii());
        Assert.False(type.GetField("place")!.IsPii());
        Assert.NotNull(type.GetField("loud"));
        Assert.Null(input.GetField("loud"));
        Assert.Equal("Where, at most 5 characters.", input.GetField("place")!.Description);
        Assert.Equal("NonNullGraphType`1", input.GetField("kind")!.Type!.Name);
        Assert.Equal(["createProbe", "updateProbe", "amendProbe"], new ReportMutations<ProbeReport>(Probe, null!).Fields.Select(f => f.Name));
    }

    [Fact]
    public void A_declaration_with_an_invalid_type_code_is_refused_with_the_reason() =>
        Assert.Contains("no valid type code", Assert.Throws<InvalidOperationException>(() => ReportTypeDefinition<BadCodeReport>.Declare()).Message);
}
