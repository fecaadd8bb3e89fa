using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Tests.Kit;

/// <summary>A type's <see cref="SubmittedReaders"/> decide who reads its submitted reports beyond recipients (in memory: <see cref="ReportVisibility.CanSee"/>).</summary>
public sealed class SubmittedReadersTests
{
    private sealed class DeclaredType(string code, SubmittedReaders readers) : IReportType
    {
        public string Code => code;
        public string Name => code;
        public bool ReviewMandatory => false;
        public ReportRoutes Routes => ReportRoutes.None;
        public SubmittedReaders SubmittedReaders => readers;
        public string AuthorPolicy => "";
        public string ReviewPolicy => "";
        public string ReadPolicy => "";
        public Task<IReadOnlyDictionary<Guid, Report>> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) => throw new NotSupportedException();
        public string WriteSnapshot(Report report) => throw new NotSupportedException();
        public Report ReadSnapshot(string json) => throw new NotSupportedException();
    }

    private static readonly IReportType[] Types =
    [
        new DeclaredType("SIR", SubmittedReaders.CrossOffice),
        new DeclaredType("SPOT", SubmittedReaders.Everyone),
        new DeclaredType("LEAD", SubmittedReaders.OnlyRoles(DirectoryRoles.HsiIntelligence)),
    ];

    private static Report Submitted(string type, ReportStatus status = ReportStatus.Submitted) =>
        new() { Type = type, Title = "t", Author = "bob", OriginatingOffice = "SAC-BOS", Status = status };

    private static bool Sees(string roles, string office, Report report) =>
        ReportVisibility.CanSee(report, [], new ReportViewer("someone", office, roles.Split(',').ToHashSet()).ReadingInFull(Types));

    [Theory]
    [InlineData("SIR", DirectoryRoles.IrocStaff, true)]
    [InlineData("SIR", DirectoryRoles.HeadquartersAgent, true)]
    [InlineData("SIR", DirectoryRoles.Agent, false)]
    [InlineData("SPOT", DirectoryRoles.Agent, true)]
    [InlineData("SPOT", DirectoryRoles.IrocStaff, true)]
    [InlineData("LEAD", DirectoryRoles.HsiIntelligence, true)]
    [InlineData("LEAD", DirectoryRoles.IrocStaff, false)]
    [InlineData("LEAD", DirectoryRoles.HeadquartersAgent, false)]
    public void A_submitted_report_from_another_office_is_read_by_the_roles_its_type_declares(string type, string role, bool expected) =>
        Assert.Equal(expected, Sees(role, "SAC-NYC", Submitted(type)));

    [Theory]
    [InlineData("SPOT")]
    [InlineData("SIR")]
    public void A_report_not_yet_submitted_is_never_read_beyond_its_office_whatever_the_type_declares(string type) =>
        Assert.False(Sees(DirectoryRoles.IrocStaff, "IROC-HQ", Submitted(type, ReportStatus.Approved)));

    [Fact]
    public void A_recipient_reads_a_submitted_report_its_type_does_not_open_to_its_role() =>
        Assert.True(ReportVisibility.CanSee(Submitted("LEAD"), [RecipientRef.ForOffice("IROC-HQ")],
            new ReportViewer("iris", "IROC-HQ", new HashSet<string> { DirectoryRoles.IrocStaff }).ReadingInFull(Types)));

    [Fact]
    public void A_viewer_reads_every_submitted_report_only_when_every_type_is_read_in_full()
    {
        Assert.False(new ReportViewer("iris", "IROC-HQ", new HashSet<string> { DirectoryRoles.IrocStaff }).ReadingInFull(Types).ReadsEverySubmitted);
        Assert.True(new ReportViewer("iris", "IROC-HQ", new HashSet<string> { DirectoryRoles.IrocStaff }).ReadingInFull(Types[..2]).ReadsEverySubmitted);
    }

    [Fact]
    public void A_viewer_never_told_the_types_reads_no_submitted_report_in_full() =>
        Assert.False(ReportVisibility.CanSee(Submitted("SIR"), [], new ReportViewer("iris", "IROC-HQ", new HashSet<string> { DirectoryRoles.IrocStaff })));
}
