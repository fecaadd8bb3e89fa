using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.EroTav;

/// <summary>ERO TAV end to end over HTTP against the shipped modules (FOD-NYC does not require review).</summary>
public sealed class EroTavWorkflowTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private string Ed => host.Token("ed", "Agent", "FOD-NYC");
    private string Iris => host.Token("iris", "IROC Staff", "IROC-HQ");
    private string Bob => host.Token("bob", "Agent", "SAC-BOS");
    private string Paula => host.Token("paula", "Public Affairs Officer", "HQ-OPA");

    private const string Fields = "id version number status requestingAgency agencyType visitDate facility "
        + "people { role firstName lastName aNumber fin } contacts { kind name agency } recipients { kind code reason }";

    private static Dictionary<string, object?> Input(string agency, params (string Key, object? Value)[] changes)
    {
        var input = new Dictionary<string, object?>
        {
            ["title"] = "Interview of a detainee by " + agency,
            ["requestingAgency"] = agency,
            ["agencyType"] = "FOREIGN",
            ["visitDate"] = "2026-11-18",
            ["facility"] = "Fictional County Detention Center",
            ["people"] = new object[] { new { role = "DETAINEE", firstName = "Pedro", lastName = "Gomez", aNumber = "A098765432", fin = "1234567890" } },
            ["contacts"] = new object[]
            {
                new { kind = "REQUESTING_OFFICIAL", name = "Inspector Ines Ortiz", agency, phone = "+52 55 5555 0100" },
                new { kind = "REPORTING_PERSONNEL", name = "Ed Agent", agency = "ICE FOD-NYC" },
                new { kind = "ERO_POINT_OF_CONTACT", name = "Officer Pat Point", agency = "ICE FOD-NYC" },
            },
            ["narratives"] = new object[] { new { heading = "Visit", text = "Interview about a smuggling case in the requesting country; 45 minutes, ERO officer present." } },
        };
        foreach (var (key, value) in changes) input[key] = value;
        return input;
    }

    private async Task<JsonNode> CreateAsync(string token, object input) =>
        (await host.PostAsync($"mutation($input: CreateEroTavInput!) {{ createEroTav(input: $input) {{ eroTav {{ {Fields} }} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed().Data!["createEroTav"]!;

    [Fact]
    public async Task A_third_agency_visit_is_written_submitted_and_routed_to_the_field_office_and_the_iroc_which_sees_it_in_its_feed()
    {
        var agency = "Policia Federal " + Guid.NewGuid().ToString("N")[..8];
        var created = await CreateAsync(Ed, Input(agency));
        Assert.Empty(created.ErrorCodes());
        var tav = created["eroTav"]!;
        var id = tav["id"]!.GetValue<string>();
        var detainee = Assert.Single(tav["people"]!.AsArray())!;
        Assert.Equal(("DETAINEE", "A098765432"), (detainee["role"]!.GetValue<string>(), detainee["aNumber"]!.GetValue<string>()));
        Assert.Equal(["REQUESTING_OFFICIAL", "REPORTING_PERSONNEL", "ERO_POINT_OF_CONTACT"], tav["contacts"]!.AsArray().Select(c => c!["kind"]!.GetValue<string>()));

        var submitted = await host.StepOkAsync("submitReport", Ed, new { id, expectedVersion = tav["version"]!.GetValue<int>() });
        var number = submitted["number"]!.GetValue<string>();
        Assert.Matches(@"^EROTAV-FY\d{4}-\d{6}$", number);

        var read = (await host.PostAsync($"query($id: ID!) {{ eroTav(id: $id) {{ {Fields} }} }}", new { id }, Ed)).ShouldSucceed().Data!["eroTav"]!;
        Assert.Equal(["OFFICE:FOD-NYC:ROUTED", "OFFICE:IROC-HQ:ROUTED"], read["recipients"]!.AsArray().Select(r => $"{r!["kind"]}:{r["code"]}:{r["reason"]}"));
        Assert.Equal(("FOREIGN", "2026-11-18"), (read["agencyType"]!.GetValue<string>(), read["visitDate"]!.GetValue<string>()));

        var feed = (await host.PostAsync("{ irocFeed(first: 20) { nodes { id ... on EroTav { requestingAgency agencyType } } } }", token: Iris))
            .ShouldSucceed().Data!["irocFeed"]!["nodes"]!.AsArray();
        Assert.Contains(feed, n => n!["id"]!.GetValue<string>() == id && n["requestingAgency"]!.GetValue<string>() == agency);
        var unread = (await host.PostAsync("{ myQueue(first: 50, where: { readAt: { eq: null } }) { nodes { report { id } } } }", token: Iris))
            .ShouldSucceed().Data!["myQueue"]!["nodes"]!.AsArray();
        Assert.Contains(unread, n => n!["report"]!["id"]!.GetValue<string>() == id);

        // Another area's agent does not see it; public affairs may not read the type at all.
        Assert.Null((await host.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id }, Bob)).ShouldSucceed().Data!["node"]);
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("{ eroTavs(first: 1) { totalCount } }", token: Paula)).ErrorCodes);
    }

    [Fact]
    public async Task A_visit_without_a_requesting_agency_and_with_a_bad_a_number_is_refused_with_every_error()
    {
        var created = await CreateAsync(Ed, Input("Some Agency", ("requestingAgency", "  "), ("facility", new string('x', 201)),
            ("people", new object[] { new { role = "DETAINEE", lastName = "Gomez", aNumber = "12" } })));
        var errors = created["errors"]!.AsArray().Select(e => $"{e!["code"]}@{string.Join('.', e["path"]!.AsArray().Select(p => p!.GetValue<string>()))}").ToList();
        Assert.Contains("REQUIRED@input.requestingAgency", errors);
        Assert.Contains("TOO_LONG@input.facility", errors);
        Assert.Contains("INVALID_A_NUMBER@input.people.0.aNumber", errors);
        Assert.Null(created["eroTav"]);
    }
}
