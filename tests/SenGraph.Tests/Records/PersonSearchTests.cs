using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Leara;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Records;

/// <summary>
/// Access requests by person (PIA 7.1, 7.2): a privacy officer finds every report of every type naming a person, exports them, records a
/// correction request and its outcome; every search is stored and audited with its criteria; no other role may search.
/// </summary>
public sealed class PersonSearchTests(RecordsHost host) : IClassFixture<RecordsHost>
{
    private const string Search = """
        query($search: PersonSearchInput!) { reportsNamingPerson(search: $search) {
          search { id searchedBy purpose criteria found } matches { reportId type number title person { firstName lastName aNumber dateOfBirth } }
          export errors { code path } } }
        """;

    private string Alice => host.Token("alice", "Agent", "SAC-NYC");
    private string Priya => host.Token("priya", "Privacy Officer", "HQ-ICE");

    private async Task<JsonNode> SearchAsync(object search, string? token = null) =>
        (await host.PostAsync(Search, new { search }, token ?? Priya)).ShouldSucceed().Data!["reportsNamingPerson"]!;

    [Fact]
    public async Task A_privacy_officer_finds_every_report_naming_a_person_by_name_date_of_birth_a_number_or_fin_across_types()
    {
        var person = new { role = "SUSPECT", firstName = "Ines", lastName = "Quintero-Searched", aNumber = "A098765432", dateOfBirth = "1979-02-28", fin = "1234567890" };
        var (sir, _) = await host.DraftAsync(Alice, "Names Ines", ("people", new object[] { person }));
        var other = new { role = "WITNESS", firstName = "Otto", lastName = "Quintero-Searched", dateOfBirth = "1990-01-01" };
        var (sir2, _) = await host.DraftAsync(Alice, "Names Otto", ("people", new object[] { other }));
        var spot = (await host.PostAsync("""
            mutation($input: CreateSpotInput!) { createSpot(input: $input) { spot { id } errors { code message } } }
            """, new { input = new { title = "Spot naming Ines", nature = "IMMINENT_THREAT", subject = "Threat", summary = "Named.", authorizingOffice = "SAC-NYC",
                people = new object[] { new { role = "SUSPECT", firstName = "INES", lastName = "quintero-searched", aNumber = "A098765432" } } } }, Alice))
            .ShouldSucceed().Data!["createSpot"]!["spot"]!["id"]!.GetValue<string>();

        var byName = await SearchAsync(new { purpose = "FOIA 2026-0001", lastName = "QUINTERO-searched" });
        Assert.Empty(byName["errors"]!.AsArray());
        Assert.Equal(new[] { sir, sir2, spot }.Order(), byName["matches"]!.AsArray().Select(m => m!["reportId"]!.GetValue<string>()).Order());
        var byFirst = await SearchAsync(new { purpose = "FOIA 2026-0001", lastName = "Quintero-Searched", firstName = "ines" });
        Assert.Equal(new[] { sir, spot }.Order(), byFirst["matches"]!.AsArray().Select(m => m!["reportId"]!.GetValue<string>()).Order());
        Assert.Equal(new[] { "SIR", "SPOT" }, byFirst["matches"]!.AsArray().Select(m => m!["type"]!.GetValue<string>()).Order());
        var byANumber = await SearchAsync(new { purpose = "FOIA 2026-0001", aNumber = "A-098-765-432" });
        Assert.Equal(new[] { sir, spot }.Order(), byANumber["matches"]!.AsArray().Select(m => m!["reportId"]!.GetValue<string>()).Order());
        var byBirth = await SearchAsync(new { purpose = "FOIA 2026-0001", dateOfBirth = "1979-02-28", lastName = "Quintero-Searched" });
        Assert.Equal([sir], byBirth["matches"]!.AsArray().Select(m => m!["reportId"]!.GetValue<string>()));
        var byFin = await SearchAsync(new { purpose = "FOIA 2026-0001", fin = "1234567890" });
        Assert.Equal([sir], byFin["matches"]!.AsArray().Select(m => m!["reportId"]!.GetValue<string>()));

        // The export holds each report in full, with its module's fields.
        var export = JsonNode.Parse(byFirst["export"]!.GetValue<string>())!;
        Assert.Equal("FOIA 2026-0001", export["purpose"]!.GetValue<string>());
        var exported = export["reports"]!.AsArray();
        Assert.Equal(2, exported.Count);
        Assert.Contains(exported, r => r!["type"]!.GetValue<string>() == "SIR" && r["category"]!.GetValue<string>() == "SignificantArrest"
            && r["people"]![0]!["aNumber"]!.GetValue<string>() == "A098765432");
        Assert.Contains(exported, r => r!["type"]!.GetValue<string>() == "SPOT" && r["summary"]!.GetValue<string>() == "Named.");

        // Every search is kept with its criteria, and its insert is audited.
        Assert.Equal(5, await host.ScalarAsync("SELECT COUNT(*) FROM PersonSearches WHERE SearchedBy = 'priya' AND Purpose = 'FOIA 2026-0001'"));
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM PersonSearches WHERE Criteria LIKE '%\"aNumber\":\"A098765432\"%'"));
        var searchId = byFin["search"]!["id"]!.GetValue<string>();
        Assert.Equal(1, await host.ScalarAsync("SELECT COUNT(*) FROM AuditRecords WHERE Action = 'Insert' AND Entity = 'PersonSearches' AND RecordId = $id AND UserName = 'priya'",
            ("$id", searchId)));
    }

    [Theory]
    [InlineData("""{ "purpose": "", "lastName": "Perez" }""", "input.purpose")]
    [InlineData("""{ "purpose": "FOIA" }""", "input.lastName")]
    [InlineData("""{ "purpose": "FOIA", "firstName": "Juan" }""", "input.lastName")]
    [InlineData("""{ "purpose": "FOIA", "aNumber": "12" }""", "input.aNumber")]
    public async Task A_search_without_a_purpose_or_a_criterion_is_refused_and_not_run(string search, string path)
    {
        var before = await host.ScalarAsync("SELECT COUNT(*) FROM PersonSearches");
        var result = await SearchAsync(JsonNode.Parse(search)!);
        Assert.Equal("INVALID_SEARCH", result["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains(path, result["errors"]!.AsArray().Select(e => string.Join('.', e!["path"]!.AsArray().Select(p => p!.GetValue<string>()))));
        Assert.Null(result["search"]);
        Assert.Empty(result["matches"]!.AsArray());
        Assert.Equal(before, await host.ScalarAsync("SELECT COUNT(*) FROM PersonSearches"));
    }

    [Theory]
    [InlineData("alice", "Agent", "SAC-NYC")]
    [InlineData("iris", "IROC Staff", "IROC-HQ")]
    [InlineData("rita", "Records Officer", "HQ-ICE")]
    [InlineData("root", "System Administrator", "HQ-ICE")]
    [InlineData("stella", "Statistics Analyst", "HQ-ICE")]
    public async Task Only_a_privacy_officer_may_search(string user, string role, string office)
    {
        var refused = await host.PostAsync(Search, new { search = new { purpose = "FOIA", lastName = "Perez" } }, host.Token(user, role, office));
        Assert.Contains("AUTH_NOT_AUTHORIZED", refused.ErrorCodes);
        Assert.Null(refused.Data?["reportsNamingPerson"]);
    }

    [Fact]
    public async Task A_correction_request_is_recorded_and_decided_once()
    {
        var (sir, _) = await host.DraftAsync(Alice, "To correct");
        const string Record = "mutation($input: RecordCorrectionRequestInput!) { recordCorrectionRequest(input: $input) { correctionRequest { id reportId request reference recordedBy outcome version } errors { code path } } }";
        const string Decide = "mutation($input: DecideCorrectionRequestInput!) { decideCorrectionRequest(input: $input) { correctionRequest { outcome outcomeReason decidedBy version } errors { code path } } }";

        var missing = (await host.PostAsync(Record, new { input = new { reportId = Guid.NewGuid(), request = "Fix my name" } }, Priya)).ShouldSucceed().Data!["recordCorrectionRequest"]!;
        Assert.Equal("NOT_FOUND", missing["errors"]![0]!["code"]!.GetValue<string>());
        var recorded = (await host.PostAsync(Record, new { input = new { reportId = sir, request = "My date of birth is wrong.", reference = "PA-2026-17" } }, Priya))
            .ShouldSucceed().Data!["recordCorrectionRequest"]!["correctionRequest"]!;
        Assert.Equal(("priya", "PA-2026-17", null as string), (recorded["recordedBy"]!.GetValue<string>(), recorded["reference"]!.GetValue<string>(), recorded["outcome"]?.GetValue<string>()));
        var id = recorded["id"]!.GetValue<string>();

        var open = (await host.PostAsync("query($id: ID) { correctionRequests(reportId: $id) { id outcome } }", new { id = sir }, Priya)).ShouldSucceed().Data!["correctionRequests"]!;
        Assert.Equal(id, open[0]!["id"]!.GetValue<string>());

        var stale = (await host.PostAsync(Decide, new { input = new { id, expectedVersion = 7, outcome = "DENIED", reason = "Exempt" } }, Priya)).ShouldSucceed().Data!["decideCorrectionRequest"]!;
        Assert.Equal("CONFLICT", stale["errors"]![0]!["code"]!.GetValue<string>());
        var decided = (await host.PostAsync(Decide, new { input = new { id, expectedVersion = 1, outcome = "CORRECTED", reason = "Amended by the author." } }, Priya))
            .ShouldSucceed().Data!["decideCorrectionRequest"]!["correctionRequest"]!;
        Assert.Equal("""{"outcome":"CORRECTED","outcomeReason":"Amended by the author.","decidedBy":"priya","version":2}""", decided.ToJsonString());
        var twice = (await host.PostAsync(Decide, new { input = new { id, expectedVersion = 2, outcome = "DENIED", reason = "Again" } }, Priya)).ShouldSucceed().Data!["decideCorrectionRequest"]!;
        Assert.Equal("ILLEGAL_TRANSITION", twice["errors"]![0]!["code"]!.GetValue<string>());

        var agent = await host.PostAsync(Record, new { input = new { reportId = sir, request = "x" } }, Alice);
        Assert.Contains("AUTH_NOT_AUTHORIZED", agent.ErrorCodes);
    }
}

/// <summary>Who may use records management: records officers the holds and what is due, nobody else (role × operation).</summary>
public sealed class RecordsRoleTests(RecordsHost host) : IClassFixture<RecordsHost>
{
    public static IEnumerable<object[]> Cells() =>
        from role in new[] { ("alice", "Agent", "SAC-NYC"), ("sam", "Supervisor", "SAC-NYC"), ("iris", "IROC Staff", "IROC-HQ"), ("hank", "Headquarters Agent", "HQ-HSI"),
            ("paula", "Public Affairs Officer", "HQ-OPA"), ("oscar", "Office of Professional Responsibility", "HQ-OPR"), ("stella", "Statistics Analyst", "HQ-ICE"),
            ("root", "System Administrator", "HQ-ICE"), ("rita", "Records Officer", "HQ-ICE"), ("priya", "Privacy Officer", "HQ-ICE") }
        from operation in new[] { "legalHolds", "recordsDue", "recordsTombstones", "declareLegalHold", "reportsNamingPerson", "correctionRequests" }
        select new object[] { role.Item1, role.Item2, role.Item3, operation };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Records_operations_answer_only_their_role(string user, string role, string office, string operation)
    {
        var document = operation switch
        {
            "legalHolds" => "{ legalHolds { id } }",
            "recordsDue" => "{ recordsDue(asOf: \"2030-01-01\") { asOf } }",
            "recordsTombstones" => "{ recordsTombstones(first: 1) { totalCount } }",
            "declareLegalHold" => "mutation { declareLegalHold(input: { reason: \"\" }) { errors { code } } }",
            "reportsNamingPerson" => "{ reportsNamingPerson(search: { purpose: \"\" }) { errors { code } } }",
            _ => "{ correctionRequests { id } }",
        };
        var allowed = operation is "reportsNamingPerson" or "correctionRequests" ? "Privacy Officer" : "Records Officer";
        var response = await host.PostAsync(document, token: host.Token(user, role, office));
        if (role == allowed) response.ShouldSucceed();
        else Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
    }
}
