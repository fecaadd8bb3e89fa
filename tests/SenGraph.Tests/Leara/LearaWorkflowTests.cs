using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Leara;

/// <summary>LEARA end to end over HTTP against the shipped modules (SAC-BOS does not require review).</summary>
public sealed class LearaWorkflowTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private string Bob => host.Token("bob", "Agent", "SAC-BOS");
    private string Alice => host.Token("alice", "Agent", "SAC-NYC");
    private string Hank => host.Token("hank", "Headquarters Agent", "HQ-HSI");
    private string Stella => host.Token("stella", "Statistics Analyst", "HQ-ICE");

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<(string Id, int Version, string Number)> SubmitAsync(string token, Dictionary<string, object?> input)
    {
        var created = await host.CreateLearaAsync(token, input);
        Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
        var id = created["leara"]!["id"]!.GetValue<string>();
        var submitted = await host.StepOkAsync("submitReport", token, new { id, expectedVersion = created["leara"]!["version"]!.GetValue<int>() });
        return (id, submitted["version"]!.GetValue<int>(), submitted["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_leara_is_drafted_with_its_four_contacts_submitted_numbered_and_routed_to_the_field_offices()
    {
        var agency = Unique("Suffolk County Sheriff");
        var (id, _, number) = await SubmitAsync(Bob, LearaApi.Input(agency));
        Assert.Matches(@"^LEARA-FY\d{4}-\d{6}$", number);

        var read = (await host.LearaAsync(Bob, id))!;
        Assert.Equal("LEARA", read["type"]!.GetValue<string>());
        Assert.Equal(agency, read["requestingAgency"]!.GetValue<string>());
        Assert.Equal("COUNTY", read["agencyLevel"]!.GetValue<string>());
        Assert.Equal("MA0090000", read["agencyOri"]!.GetValue<string>());
        Assert.Equal("ERO", read["program"]!.GetValue<string>());
        Assert.Null(read["outcome"]);
        Assert.False(read["responseCompleted"]!.GetValue<bool>());
        Assert.Null(read["daysToResponse"]);
        Assert.Equal(["REQUESTING_PARTY", "RECEIVED_BY", "FORWARDED_TO", "DUTY_OFFICER"],
            read["contacts"]!.AsArray().Select(c => c!["kind"]!.GetValue<string>()));
        Assert.Equal(["OFFICE:FOD-BOS:ROUTED", "OFFICE:SAC-BOS:ROUTED"],
            read["recipients"]!.AsArray().Select(r => $"{r!["kind"]}:{r["code"]}:{r["reason"]}"));

        // Typed through node and reports; headquarters reads it (cross-office), another area's agent does not.
        var node = (await host.PostAsync("query($id: ID!) { node(id: $id) { ... on Leara { number requestingAgency } } }", new { id }, Hank)).ShouldSucceed().Data!["node"]!;
        Assert.Equal(number, node["number"]!.GetValue<string>());
        Assert.Null(await host.LearaAsync(Alice, id, "id"));
        // Statistics analysts get counts only: the type's records are refused.
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("{ learas(first: 1) { totalCount } }", token: Stella)).ErrorCodes);
    }

    [Fact]
    public async Task Bad_agency_details_are_all_reported_at_once_with_their_paths_and_nothing_is_stored()
    {
        var agency = Unique("Bad Input PD");
        var payload = await host.CreateLearaAsync(Bob, LearaApi.Input(agency,
            ("agencyLevel", "MUNICIPAL"), ("agencyState", null), ("agencyOri", "12X"), ("program", "DRO"),
            ("responseCompletedOn", "2026-11-01"), ("request", "  ")));
        var errors = payload["errors"]!.AsArray().Select(e => $"{e!["code"]}@{string.Join('.', e["path"]!.AsArray().Select(p => p!.GetValue<string>()))}").ToList();
        Assert.Contains("REQUIRED@input.agencyState", errors);
        Assert.Contains("INVALID_ORI@input.agencyOri", errors);
        Assert.Contains("REQUIRED@input.outcome", errors);
        Assert.Contains("INVALID_DATE@input.responseCompletedOn", errors);
        Assert.Contains("REQUIRED@input.request", errors);
        Assert.Null(payload["leara"]);

        var other = await host.CreateLearaAsync(Bob, LearaApi.Input(agency, ("agencyState", "ZZ"), ("agencyOri", "NY0303000")));
        Assert.Contains("INVALID_STATE", other.ErrorCodes());
        var wrongState = await host.CreateLearaAsync(Bob, LearaApi.Input(agency, ("agencyOri", "NY0303000")));
        Assert.Equal(["INVALID_ORI"], wrongState.ErrorCodes());

        var stored = (await host.PostAsync("query($a: String!) { learas(where: { requestingAgency: { eq: $a } }) { totalCount } }", new { a = agency }, Bob))
            .ShouldSucceed().Data!["learas"]!["totalCount"]!.GetValue<int>();
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task A_tribal_or_federal_agency_needs_no_state_and_an_ori_is_optional()
    {
        var created = await host.CreateLearaAsync(Bob, LearaApi.Input(Unique("Wampanoag Tribal Police"), ("agencyLevel", "TRIBAL"), ("agencyState", null), ("agencyOri", null)));
        Assert.Empty(created.ErrorCodes());
        Assert.Null(created["leara"]!["agencyState"]);
    }

    [Fact]
    public async Task The_disposition_is_recorded_by_amendment_and_the_request_is_response_completed_with_the_earlier_version_kept()
    {
        var (id, version, _) = await SubmitAsync(Bob, LearaApi.Input(Unique("Boston Police Department"), ("agencyLevel", "MUNICIPAL")));
        var amended = await host.AmendLearaAsync(Bob, LearaApi.Input("Boston Police Department",
            ("id", id), ("expectedVersion", version), ("reason", "Disposition: detainer lodged."),
            ("agencyLevel", "MUNICIPAL"), ("outcome", "ASSISTANCE_PROVIDED"), ("disposition", "Detainer lodged for Juan Perez."),
            ("responseCompletedOn", "2026-11-05")));
        Assert.Empty(amended.ErrorCodes());
        var leara = amended["leara"]!;
        Assert.Equal("ASSISTANCE_PROVIDED", leara["outcome"]!.GetValue<string>());
        Assert.True(leara["responseCompleted"]!.GetValue<bool>());
        Assert.Equal(3, leara["daysToResponse"]!.GetValue<int>());
        Assert.Equal(1, leara["revision"]!.GetValue<int>());

        var revisions = (await host.LearaAsync(Bob, id, "revisions { revision amendedBy reason report { ... on Leara { outcome responseCompleted } } }"))!["revisions"]!.AsArray();
        var original = Assert.Single(revisions)!;
        Assert.Equal("bob", original["amendedBy"]!.GetValue<string>());
        Assert.Equal("Disposition: detainer lodged.", original["reason"]!.GetValue<string>());
        Assert.Null(original["report"]!["outcome"]);
        Assert.False(original["report"]!["responseCompleted"]!.GetValue<bool>());
    }

    private const string UpdateDisposition =
        "mutation($input: UpdateLearaDispositionInput!) { updateLearaDisposition(input: $input) { leara { outcome disposition responseCompletedOn responseCompleted version revision } errors { code path } } }";

    private async Task<JsonNode> UpdateDispositionAsync(string token, object input) =>
        (await host.PostAsync(UpdateDisposition, new { input }, token)).ShouldSucceed().Data!["updateLearaDisposition"]!;

    private static string[] Codes(JsonNode payload) =>
        [.. payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>() + "@" + string.Join(".", e["path"]!.AsArray().Select(p => p!.ToString())))];

    [Fact]
    public async Task The_officer_it_was_forwarded_to_and_the_duty_officer_update_the_disposition_each_update_a_revision_with_who_when_and_why()
    {
        var agency = Unique("Worcester Police Department");
        // Forwarded to hank (by display name), betty is the duty officer (by user name); both see the report.
        var (id, version, _) = await SubmitAsync(Bob, LearaApi.Input(agency, ("agencyLevel", "MUNICIPAL"), ("contacts", new object[]
        {
            new { kind = "REQUESTING_PARTY", name = "Sgt. Rita Requester", agency },
            new { kind = "RECEIVED_BY", name = "Bob Agent", agency = "ICE SAC-BOS" },
            new { kind = "FORWARDED_TO", name = "Hank Headquarters Agent", agency = "ICE HQ-HSI" },
            new { kind = "DUTY_OFFICER", name = "betty", agency = "ICE SAC-BOS" },
        })));
        var betty = host.Token("betty", "Supervisor", "SAC-BOS");

        var referred = await UpdateDispositionAsync(Hank, new { id, expectedVersion = version, reason = "Forwarded officer: referred to HSI Boston.", outcome = "REFERRED", disposition = "Referred to HSI Boston about Juan Perez." });
        Assert.Empty(Codes(referred));
        Assert.Equal("REFERRED", referred["leara"]!["outcome"]!.GetValue<string>());
        Assert.False(referred["leara"]!["responseCompleted"]!.GetValue<bool>());
        Assert.Equal(1, referred["leara"]!["revision"]!.GetValue<int>());

        var completed = await UpdateDispositionAsync(betty, new
        {
            id, expectedVersion = referred["leara"]!["version"]!.GetValue<int>(), reason = "Duty officer: HSI Boston took it over.",
            outcome = "ASSISTANCE_PROVIDED", disposition = "HSI Boston interviewed Juan Perez.", responseCompletedOn = "2026-11-06",
        });
        Assert.Empty(Codes(completed));
        Assert.True(completed["leara"]!["responseCompleted"]!.GetValue<bool>());
        Assert.Equal(2, completed["leara"]!["revision"]!.GetValue<int>());

        var read = (await host.LearaAsync(Bob, id, "outcome disposition daysToResponse requestingAgency revisions { revision amendedBy amendedAt reason report { ... on Leara { outcome disposition responseCompletedOn } } }"))!;
        Assert.Equal("ASSISTANCE_PROVIDED", read["outcome"]!.GetValue<string>());
        Assert.Equal(4, read["daysToResponse"]!.GetValue<int>());
        Assert.Equal(agency, read["requestingAgency"]!.GetValue<string>());
        var revisions = read["revisions"]!.AsArray();
        Assert.Equal(["hank", "betty"], revisions.Select(r => r!["amendedBy"]!.GetValue<string>()));
        Assert.Equal(["Forwarded officer: referred to HSI Boston.", "Duty officer: HSI Boston took it over."], revisions.Select(r => r!["reason"]!.GetValue<string>()));
        Assert.All(revisions, r => Assert.True(DateTimeOffset.Parse(r!["amendedAt"]!.GetValue<string>()) > DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal([null, "REFERRED"], revisions.Select(r => r!["report"]!["outcome"]?.GetValue<string>()));
        Assert.Equal([null, "Referred to HSI Boston about Juan Perez."], revisions.Select(r => r!["report"]!["disposition"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_disposition_update_by_anyone_else_or_breaking_the_leara_rules_is_refused_and_nothing_changes()
    {
        var (id, version, _) = await SubmitAsync(Bob, LearaApi.Input(Unique("Lowell Police Department"), ("agencyLevel", "MUNICIPAL")));
        var oscar = host.Token("oscar", "Office of Professional Responsibility", "HQ-OPR");

        // OPR reads the report but is neither its author nor named as the officer it was forwarded to or the duty officer.
        Assert.Equal(["NOT_AUTHORIZED@input.id"], Codes(await UpdateDispositionAsync(oscar, new { id, expectedVersion = version, reason = "r", outcome = "DECLINED" })));
        // Another area's agent does not see it at all.
        Assert.Equal(["NOT_FOUND@input.id"], Codes(await UpdateDispositionAsync(Alice, new { id, expectedVersion = version, reason = "r", outcome = "DECLINED" })));
        // The LEARA's own rules hold on the updated report: completed needs an outcome, and not before the request was received (2026-11-02).
        Assert.Equal(["REQUIRED@input.outcome"], Codes(await UpdateDispositionAsync(Bob, new { id, expectedVersion = version, reason = "r", responseCompletedOn = "2026-11-03" })));
        Assert.Equal(["INVALID_DATE@input.responseCompletedOn"],
            Codes(await UpdateDispositionAsync(Bob, new { id, expectedVersion = version, reason = "r", outcome = "DECLINED", responseCompletedOn = "2026-11-01" })));
        Assert.Equal(["REQUIRED@input.reason"], Codes(await UpdateDispositionAsync(Bob, new { id, expectedVersion = version, reason = " ", outcome = "DECLINED" })));

        var read = (await host.LearaAsync(Bob, id, "outcome responseCompletedOn version revision revisions { revision }"))!;
        Assert.Null(read["outcome"]);
        Assert.Null(read["responseCompletedOn"]);
        Assert.Equal(version, read["version"]!.GetValue<int>());
        Assert.Equal(0, read["revision"]!.GetValue<int>());
        Assert.Empty(read["revisions"]!.AsArray());
    }

    [Fact]
    public async Task Analysts_filter_and_sort_learas_by_agency_level_program_and_time_received()
    {
        var agency = Unique("Filter County Sheriff");
        await SubmitAsync(Bob, LearaApi.Input(agency, ("receivedOn", "2026-10-03"), ("program", "HSI")));
        await SubmitAsync(Bob, LearaApi.Input(agency, ("receivedOn", "2026-10-05"), ("program", "ERO")));
        await SubmitAsync(Bob, LearaApi.Input(agency, ("receivedOn", "2026-10-04"), ("program", "ERO")));

        var nodes = (await host.PostAsync(
                "query($a: String!) { learas(where: { requestingAgency: { eq: $a }, program: { eq: ERO }, agencyLevel: { in: [COUNTY] } }, order: [{ receivedOn: DESC }]) { totalCount nodes { receivedOn } } }",
                new { a = agency }, Hank))
            .ShouldSucceed().Data!["learas"]!;
        Assert.Equal(2, nodes["totalCount"]!.GetValue<int>());
        Assert.Equal(["2026-10-05", "2026-10-04"], nodes["nodes"]!.AsArray().Select(n => n!["receivedOn"]!.GetValue<string>()));
    }
}
