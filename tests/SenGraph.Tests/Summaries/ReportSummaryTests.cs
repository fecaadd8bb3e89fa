using System.Net;
using System.Text.Json.Nodes;
using SenGraph.Tests.Auditing;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Leara;
using SenGraph.Tests.ReportTypes;
using SenGraph.Tests.Sir;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Summaries;

/// <summary>
/// IROC summaries (issue 15 item 4; PIA Overview: the IROC summarises reports and sends the summaries to leadership with a
/// reference to the original report) over HTTP against the shipped modules: IROC staff draft, edit and send; recipients read
/// them in their summary queue; a reader who may not read a cited report sees only its type and number; SPEARs are never
/// summarised; every write and read is in the audit trail.
/// </summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class ReportSummaryTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string Fields = "id title text author status sentAt version reports { position type number readable report { id number title } } recipients { kind code readAt }";

    private string Bob => host.Token("bob", "Agent", "SAC-BOS");
    private string Iris => host.Token("iris", "IROC Staff", "IROC-HQ");
    private string Hank => host.Token("hank", "Headquarters Agent", "HQ-HSI");

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<(string Id, string Number)> SubmittedSirAsync(string title)
    {
        var (id, version) = await host.DraftAsync(Bob, title);
        var submitted = await host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = version });
        return (id, submitted["number"]!.GetValue<string>());
    }

    private async Task<JsonNode> MutateAsync(string mutation, string token, object input) =>
        (await host.PostAsync($"mutation($input: {char.ToUpperInvariant(mutation[0])}{mutation[1..]}Input!) {{ {mutation}(input: $input) {{ reportSummary {{ {Fields} }} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed().Data![mutation]!;

    private static string[] Codes(JsonNode payload) =>
        [.. payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>() + "@" + string.Join(".", e["path"]!.AsArray().Select(p => p!.ToString())))];

    private async Task<JsonNode?> ReadAsync(string token, string id, string selection = Fields) =>
        (await host.PostAsync($"query($id: ID!) {{ reportSummary(id: $id) {{ {selection} }} }}", new { id }, token)).ShouldSucceed().Data!["reportSummary"];

    [Fact]
    public async Task Iroc_staff_draft_edit_and_send_a_summary_and_its_recipients_read_it_in_their_queue_with_links_to_the_reports()
    {
        var (first, firstNumber) = await SubmittedSirAsync(Unique("Shooting at the port"));
        var (second, secondNumber) = await SubmittedSirAsync(Unique("Follow-up arrest"));

        var drafted = await MutateAsync("draftReportSummary", Iris, new { title = "Port shooting", text = "Two SIRs on the shooting at the port.", reports = new[] { first, second } });
        Assert.Empty(Codes(drafted));
        var summary = drafted["reportSummary"]!;
        var id = summary["id"]!.GetValue<string>();
        Assert.Equal("DRAFT", summary["status"]!.GetValue<string>());
        Assert.Equal("iris", summary["author"]!.GetValue<string>());
        Assert.Equal([firstNumber, secondNumber], summary["reports"]!.AsArray().Select(r => r!["number"]!.GetValue<string>()));
        // A draft is its author's only.
        Assert.Null(await ReadAsync(Hank, id));

        var stale = await MutateAsync("updateReportSummary", Iris, new { id, expectedVersion = 0, title = "x", text = "x", reports = new[] { first } });
        Assert.Equal(["CONFLICT@input.expectedVersion"], Codes(stale));
        var edited = await MutateAsync("updateReportSummary", Iris, new
        {
            id, expectedVersion = summary["version"]!.GetValue<int>(), title = "Port shooting: suspect in custody", text = "The suspect is in custody.", reports = new[] { second, first },
        });
        Assert.Empty(Codes(edited));
        Assert.Equal([secondNumber, firstNumber], edited["reportSummary"]!["reports"]!.AsArray().Select(r => r!["number"]!.GetValue<string>()));

        var sent = await MutateAsync("sendReportSummary", Iris, new
        {
            id, expectedVersion = edited["reportSummary"]!["version"]!.GetValue<int>(),
            recipients = new object[] { new { kind = "USER", code = "hank" }, new { kind = "OFFICE", code = "HQ-OPR" } },
        });
        Assert.Empty(Codes(sent));
        Assert.Equal("SENT", sent["reportSummary"]!["status"]!.GetValue<string>());
        Assert.Equal(["ALREADY_SENT@input.id"], Codes(await MutateAsync("updateReportSummary", Iris, new
        {
            id, expectedVersion = sent["reportSummary"]!["version"]!.GetValue<int>(), title = "x", text = "x", reports = new[] { first },
        })));

        // Hank (by name) and OPR (by office) find it in their queue and follow its links to the reports.
        foreach (var token in new[] { Hank, host.Token("oscar", "Office of Professional Responsibility", "HQ-OPR") })
        {
            var queue = (await host.PostAsync("{ reportSummaries(first: 50) { nodes { id title reports { readable report { id } } } } }", token: token))
                .ShouldSucceed().Data!["reportSummaries"]!["nodes"]!.AsArray();
            var mine = Assert.Single(queue, n => n!["id"]!.GetValue<string>() == id)!;
            Assert.Equal("Port shooting: suspect in custody", mine["title"]!.GetValue<string>());
            Assert.Equal([second, first], mine["reports"]!.AsArray().Select(r => r!["report"]!["id"]!.GetValue<string>()));
        }
        Assert.Null(await ReadAsync(host.Token("alice", "Agent", "SAC-NYC"), id));

        var read = (await host.PostAsync("mutation($id: ID!) { markReportSummaryRead(input: { id: $id }) { reportSummary { recipients { code readAt } } errors { code } } }",
            new { id }, Hank)).ShouldSucceed().Data!["markReportSummaryRead"]!;
        Assert.Empty(read["errors"]!.AsArray());
        var recipients = read["reportSummary"]!["recipients"]!.AsArray();
        Assert.NotNull(Assert.Single(recipients, r => r!["code"]!.GetValue<string>() == "hank")!["readAt"]);
        Assert.Null(Assert.Single(recipients, r => r!["code"]!.GetValue<string>() == "HQ-OPR")!["readAt"]);
    }

    [Fact]
    public async Task A_reader_who_may_not_read_a_cited_report_sees_only_that_it_exists_its_type_and_number()
    {
        // HSI intelligence does not read LEARAs; Public Affairs reads no reports (and no PII).
        var created = await host.CreateLearaAsync(Bob, LearaApi.Input(Unique("Quincy Police Department")));
        var learaId = created["leara"]!["id"]!.GetValue<string>();
        var learaNumber = (await host.StepOkAsync("submitReport", Bob, new { id = learaId, expectedVersion = created["leara"]!["version"]!.GetValue<int>() }))["number"]!.GetValue<string>();
        var (sirId, sirNumber) = await SubmittedSirAsync(Unique("Assault on an officer"));
        var drafted = await MutateAsync("draftReportSummary", Iris, new { title = "Week in review", text = "A request for assistance and an assault.", reports = new[] { learaId, sirId } });
        var id = drafted["reportSummary"]!["id"]!.GetValue<string>();
        Assert.Empty(Codes(await MutateAsync("sendReportSummary", Iris, new
        {
            id, expectedVersion = drafted["reportSummary"]!["version"]!.GetValue<int>(),
            recipients = new object[] { new { kind = "USER", code = "ivan" }, new { kind = "USER", code = "paula" } },
        })));

        // Through the Report interface only: naming the Leara type itself is refused to a role that may not read LEARAs at all.
        const string References = "reports { position type number readable report { id title } }";
        var ivan = (await ReadAsync(host.Token("ivan", "HSI Intelligence", "FIG-NYC"), id, "title " + References))!;
        Assert.Equal("""[{"position":0,"type":"LEARA","number":"NUMBER","readable":false,"report":null}]""".Replace("NUMBER", learaNumber),
            new JsonArray(ivan["reports"]![0]!.DeepClone()).ToJsonString());
        Assert.True(ivan["reports"]![1]!["readable"]!.GetValue<bool>());
        Assert.Equal(sirId, ivan["reports"]![1]!["report"]!["id"]!.GetValue<string>());

        var paula = host.Token("paula", "Public Affairs Officer", "HQ-OPA");
        var references = (await host.PostAsync($"query($id: ID!) {{ reportSummary(id: $id) {{ id reports {{ type number readable report {{ id }} }} }} }}", new { id }, paula)).ShouldSucceed();
        Assert.Equal([("LEARA", learaNumber, false), ("SIR", sirNumber, false)], references.Data!["reportSummary"]!["reports"]!.AsArray()
            .Select(r => (r!["type"]!.GetValue<string>(), r["number"]!.GetValue<string>(), r["readable"]!.GetValue<bool>())));
        Assert.All(references.Data!["reportSummary"]!["reports"]!.AsArray(), r => Assert.Null(r!["report"]));
        Assert.DoesNotContain("Quincy", references.Body);
        // The summary's own text may name a suspect: Public Affairs has no need to know it.
        var text = await host.PostAsync("query($id: ID!) { reportSummary(id: $id) { text } }", new { id }, paula);
        Assert.Equal(HttpStatusCode.Forbidden, text.Status);
        Assert.Contains("AUTH_NOT_AUTHORIZED", text.ErrorCodes);
    }

    [Fact]
    public async Task A_spear_a_draft_an_unknown_or_repeated_report_or_a_blank_title_is_refused_with_every_error_at_once_and_nothing_is_stored()
    {
        var spear = await SpearTests.Api.DraftAsync(host, Bob, SpearTests.Input(Unique("Planned search")));
        var betty = host.Token("betty", "Supervisor", "SAC-BOS");
        var pending = await host.StepOkAsync("requestReportReview", Bob, new { id = spear.Id, expectedVersion = spear.Version });
        var approved = await host.StepOkAsync("approveReport", betty, new { id = spear.Id, expectedVersion = pending["version"]!.GetValue<int>() });
        await host.StepOkAsync("submitReport", Bob, new { id = spear.Id, expectedVersion = approved["version"]!.GetValue<int>() });
        // A draft is its author's and their office's: to the IROC it does not exist yet.
        var (draft, _) = await host.DraftAsync(Bob, Unique("not submitted"));
        var (sir, _) = await SubmittedSirAsync(Unique("Seizure"));
        var before = await CountAsync();

        var refused = await MutateAsync("draftReportSummary", Iris, new { title = " ", text = "Ok", reports = new[] { sir, spear.Id, draft, Guid.NewGuid().ToString(), sir } });

        Assert.Null(refused["reportSummary"]);
        Assert.Equal(["REQUIRED@input.title", "NOT_SUMMARISABLE@input.reports.1", "NOT_FOUND@input.reports.2", "NOT_FOUND@input.reports.3", "DUPLICATE@input.reports.4"],
            Codes(refused));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_summary_is_sent_only_to_agency_users_and_offices_and_a_refused_send_stays_a_draft()
    {
        var (sir, _) = await SubmittedSirAsync(Unique("Seizure for the summary recipients"));
        var drafted = await MutateAsync("draftReportSummary", Iris, new { title = "Recipients", text = "One seizure.", reports = new[] { sir } });
        var id = drafted["reportSummary"]!["id"]!.GetValue<string>();

        var refused = await MutateAsync("sendReportSummary", Iris, new
        {
            id, expectedVersion = drafted["reportSummary"]!["version"]!.GetValue<int>(),
            recipients = new object[] { new { kind = "USER", code = "ivan" }, new { kind = "USER", code = "pat" }, new { kind = "OFFICE", code = "SAC-ATLANTIS" } },
        });

        Assert.Equal(["RECIPIENT_OUTSIDE_AGENCY@input.recipients.1.code", "UNKNOWN_RECIPIENT@input.recipients.2.code"], Codes(refused));
        Assert.Equal("DRAFT", (await ReadAsync(Iris, id, "status"))!["status"]!.GetValue<string>());
    }

    private async Task<int> CountAsync() =>
        (await host.PostAsync("{ reportSummaries { totalCount } }", token: Iris)).ShouldSucceed().Data!["reportSummaries"]!["totalCount"]!.GetValue<int>();

    /// <summary>Who may do what with summaries (PIA Overview, 8.1): only the IROC writes them; any role reads those sent to it; PII only with a need to know.</summary>
    public static readonly TheoryData<string, bool, bool, bool> Matrix = new()
    {
        // role                                   draft  list   title (PII)
        { "Agent",                                 false, true,  true },
        { "Supervisor",                            false, true,  true },
        { "Office Manager",                        false, true,  true },
        { "IROC Staff",                            true,  true,  true },
        { "Headquarters Agent",                    false, true,  true },
        { "HSI Intelligence",                      false, true,  true },
        { "Public Affairs Officer",                false, true,  false },
        { "Office of Professional Responsibility", false, true,  true },
        { "Statistics Analyst",                    false, false, false },
        { "System Administrator",                  false, true,  false },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Role_summary_operations(string role, bool drafts, bool lists, bool readsTitle)
    {
        var actor = ByRole(role);
        var token = host.TokenOf(actor);
        var (sir, _) = await SubmittedSirAsync(Unique("Matrix"));

        var draft = await host.PostAsync("mutation($input: DraftReportSummaryInput!) { draftReportSummary(input: $input) { reportSummary { id } errors { code } } }",
            new { input = new { title = "t", text = "t", reports = new[] { sir } } }, token);
        if (drafts) Assert.Empty(draft.ShouldSucceed().Data!["draftReportSummary"]!["errors"]!.AsArray());
        else Assert.Contains("AUTH_NOT_AUTHORIZED", draft.ErrorCodes);

        var list = await host.PostAsync("{ reportSummaries { totalCount } }", token: token);
        Assert.Equal(lists, list.Errors.Count == 0);
        var title = await host.PostAsync("{ reportSummaries { nodes { title } } }", token: token);
        Assert.Equal(readsTitle, title.Errors.Count == 0);
    }

    [Fact]
    public async Task Summary_writes_and_reads_are_in_the_audit_trail_with_the_pii_fields_returned()
    {
        var (sir, _) = await SubmittedSirAsync(Unique("Audited"));
        var drafted = await MutateAsync("draftReportSummary", Iris, new { title = "Audited summary", text = "Names Juan Perez.", reports = new[] { sir } });
        var id = drafted["reportSummary"]!["id"]!.GetValue<string>();
        (await host.PostAsync("query ReadSummary($id: ID!) { reportSummary(id: $id) { title text reports { number } } }", new { id }, Iris)).ShouldSucceed();

        var records = await host.AuditRecordsAsync($"{{ recordId: {{ eq: \"{id}\" }} }}");
        Assert.Contains(records, r => r.Str("action") == "Insert" && r.Str("entity") == "ReportSummaries" && r.Str("userName") == "iris");
        var view = Assert.Single(records, r => r.Str("action") == "Read" && r.Str("operationName") == "ReadSummary");
        Assert.Equal("ReportSummaries", view.Str("entity"));
        Assert.Equal(["ReportSummary.text", "ReportSummary.title"], view["piiFields"]!.AsArray().Select(f => f!.GetValue<string>()));
    }
}
