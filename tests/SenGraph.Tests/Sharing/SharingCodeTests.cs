using System.Text.Json.Nodes;
using SenGraph.Tests.Auditing;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Security;
using SenGraph.Tests.Sir;
using Xunit;

namespace SenGraph.Tests.Sharing;

/// <summary>
/// Sharing codes (issue 17 item 3, the 2009 information-sharing memo): a supervisor sets a report's never-shared codes
/// with a reason; each coding is kept as a revision, bumps the report's version and is audited.
/// </summary>
public sealed class SharingCodeTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string Set = """
        mutation($input: SetReportSharingCodesInput!) {
          setReportSharingCodes(input: $input) {
            sharing { reportId reportVersion codes shareable history { revision codes codedBy codedAt reason } }
            errors { code message path }
          }
        }
        """;

    private const string Read = "query($id: ID!) { reportSharing(id: $id) { reportVersion codes shareable history { revision codes codedBy reason } } }";

    public static readonly string[] AllCategories =
    [
        "TITLE_III_INTERCEPT", "CERTIFIED_UNDERCOVER_OPERATION", "BANK_SECRECY_ACT", "CONFIDENTIAL_SOURCE",
        "GRAND_JURY_MATERIAL", "THIRD_AGENCY_RULE", "TRADE_SECRETS_ACT", "ASYLUM_CLAIM",
    ];

    private string Alice => host.Token("alice", "Agent", "SAC-NYC");
    private string Sam => host.Token("sam", "Supervisor", "SAC-NYC");
    private string Betty => host.Token("betty", "Supervisor", "SAC-BOS");
    private string Hank => host.Token("hank", "Headquarters Agent", "HQ-HSI");

    private async Task<(string Id, int Version)> SubmittedSirAsync(string title)
    {
        var (id, version) = await host.DraftAsync(Alice, title);
        var pending = await host.StepOkAsync("requestReportReview", Alice, new { id, expectedVersion = version });
        var approved = await host.StepOkAsync("approveReport", Sam, new { id, expectedVersion = pending["version"]!.GetValue<int>() });
        var submitted = await host.StepOkAsync("submitReport", Alice, new { id, expectedVersion = approved["version"]!.GetValue<int>() });
        return (id, submitted["version"]!.GetValue<int>());
    }

    private async Task<JsonNode> SetAsync(string token, object input) =>
        (await host.PostAsync(Set, new { input }, token)).ShouldSucceed().Data!["setReportSharingCodes"]!;

    [Fact]
    public async Task A_supervisor_codes_a_report_and_every_coding_is_kept_with_its_reason_and_a_new_version()
    {
        var (id, version) = await SubmittedSirAsync("Coded arrest");
        var before = (await host.PostAsync(Read, new { id }, Alice)).ShouldSucceed().Data!["reportSharing"]!;

        var first = await SetAsync(Sam, new { id, expectedVersion = version, codes = new[] { "GRAND_JURY_MATERIAL", "CONFIDENTIAL_SOURCE" }, reason = "Cites a CI and 6(e) material." });
        var second = await SetAsync(Sam, new { id, expectedVersion = version + 1, codes = new[] { "CONFIDENTIAL_SOURCE" }, reason = "The grand jury material was removed." });
        var read = (await host.PostAsync(Read, new { id }, Hank)).ShouldSucceed().Data!["reportSharing"]!;

        Assert.Empty(before["codes"]!.AsArray());
        Assert.True(before["shareable"]!.GetValue<bool>());
        Assert.Empty(first.ErrorCodes());
        Assert.Equal(["CONFIDENTIAL_SOURCE", "GRAND_JURY_MATERIAL"], first["sharing"]!["codes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.False(first["sharing"]!["shareable"]!.GetValue<bool>());
        Assert.Equal(version + 1, first["sharing"]!["reportVersion"]!.GetValue<int>());
        Assert.Empty(second.ErrorCodes());
        Assert.Equal(version + 2, read["reportVersion"]!.GetValue<int>());
        Assert.Equal(["CONFIDENTIAL_SOURCE"], read["codes"]!.AsArray().Select(c => c!.GetValue<string>()));
        var history = read["history"]!.AsArray();
        Assert.Equal([1, 2], history.Select(h => h!["revision"]!.GetValue<int>()));
        Assert.Equal(["CONFIDENTIAL_SOURCE", "GRAND_JURY_MATERIAL"], history[0]!["codes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("sam", history[1]!["codedBy"]!.GetValue<string>());
        Assert.Equal("The grand jury material was removed.", history[1]!["reason"]!.GetValue<string>());
        // The report itself moved on: its author's next step needs the new version.
        var report = (await host.PostAsync("query($id: ID!) { sir(id: $id) { version } }", new { id }, Alice)).ShouldSucceed().Data!["sir"]!;
        Assert.Equal(version + 2, report["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_one_of_the_eight_never_shared_categories_can_be_set_and_clearing_them_makes_the_report_shareable_again()
    {
        var (id, version) = await SubmittedSirAsync("All categories");

        var all = await SetAsync(Sam, new { id, expectedVersion = version, codes = AllCategories, reason = "Every category applies." });
        var none = await SetAsync(Sam, new { id, expectedVersion = version + 1, codes = Array.Empty<string>(), reason = "Reviewed: none applies." });

        Assert.Empty(all.ErrorCodes());
        Assert.Equal(AllCategories, all["sharing"]!["codes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Empty(none["sharing"]!["codes"]!.AsArray());
        Assert.True(none["sharing"]!["shareable"]!.GetValue<bool>());
        var enumValues = (await host.PostAsync("{ __type(name: \"NeverSharedCategory\") { enumValues { name } } }", token: Alice)).ShouldSucceed()
            .Data!["__type"]!["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>());
        Assert.Equal(AllCategories, enumValues);
    }

    [Fact]
    public async Task Bad_input_and_the_wrong_people_get_typed_errors_and_nothing_changes()
    {
        var (id, version) = await SubmittedSirAsync("Refused codings");
        var input = new { id, expectedVersion = version, codes = new[] { "ASYLUM_CLAIM" }, reason = "Asylum claim." };

        var noReason = await SetAsync(Sam, input with { reason = "  " });
        var tooLong = await SetAsync(Sam, input with { reason = new string('x', 2_001) });
        var stale = await SetAsync(Sam, input with { expectedVersion = version - 1 });
        var otherOffice = await SetAsync(Betty, input);   // does not see a SAC-NYC SIR at all
        var readsButOtherOffice = await SetAsync(host.Token("hq-sup", "Supervisor,Headquarters Agent", "HQ-HSI"), input);
        var missing = await SetAsync(Sam, input with { id = Guid.NewGuid().ToString() });
        var agent = await host.PostAsync(Set, new { input }, Alice);
        var unknownCode = await host.PostAsync(Set, new { input = new { id, expectedVersion = version, codes = new[] { "SECRET" }, reason = "x" } }, Sam);

        Assert.Equal(["REQUIRED"], noReason.ErrorCodes());
        Assert.Equal(["TOO_LONG"], tooLong.ErrorCodes());
        Assert.Equal(["CONFLICT"], stale.ErrorCodes());
        Assert.Equal(["NOT_FOUND"], otherOffice.ErrorCodes());
        Assert.Equal(["NOT_AUTHORIZED"], readsButOtherOffice.ErrorCodes());
        Assert.Equal(["NOT_FOUND"], missing.ErrorCodes());
        Assert.Contains("AUTH_NOT_AUTHORIZED", agent.ErrorCodes);
        Assert.NotEmpty(unknownCode.ErrorCodes);
        Assert.Null(unknownCode.Data);
        var read = (await host.PostAsync(Read, new { id }, Alice)).ShouldSucceed().Data!["reportSharing"]!;
        Assert.Empty(read["codes"]!.AsArray());
        Assert.Empty(read["history"]!.AsArray());
        Assert.Equal(version, read["reportVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_coding_is_audited_with_who_and_what()
    {
        var (id, version) = await SubmittedSirAsync("Audited coding");

        Assert.Empty((await SetAsync(Sam, new { id, expectedVersion = version, codes = new[] { "THIRD_AGENCY_RULE" }, reason = "FBI information." })).ErrorCodes());

        var records = await host.AuditRecordsAsync("{ userName: { eq: \"sam\" }, entity: { in: [\"ReportSharingCodes\", \"ReportSharingCodings\"] } }");
        var reportRecords = await host.AuditRecordsAsync($"{{ entity: {{ eq: \"Reports\" }}, recordId: {{ contains: \"{id}\" }} }}");
        bool Names(JsonNode r) => r["recordId"]?.GetValue<string>().Contains(id, StringComparison.OrdinalIgnoreCase) == true;
        Assert.Contains(records, r => r["entity"]!.GetValue<string>() == "ReportSharingCodes" && Names(r));
        Assert.Contains(records, r => r["entity"]!.GetValue<string>() == "ReportSharingCodings");
        Assert.Equal("sam", reportRecords[^1]["userName"]!.GetValue<string>());
        Assert.Contains("Version", reportRecords[^1]["details"]!.GetValue<string>());
        Assert.True((await host.VerifyAsync())["intact"]!.GetValue<bool>());
    }
}
