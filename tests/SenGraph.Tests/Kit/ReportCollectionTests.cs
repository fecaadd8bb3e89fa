using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Kit;

/// <summary>
/// A type's own lists (<c>type.Collection</c>: KPROBE's victims) and per-person fields (<c>type.PersonDetails</c>: its
/// person history) over HTTP: stored in order, checked at their paths, replaced by an update, kept by an amendment's
/// revision, and PII-marked item fields refused to a role without a need to know.
/// </summary>
public sealed class ReportCollectionTests(KitTypesHost host) : IClassFixture<KitTypesHost>
{
    private const string Lists = "victims { ageGroup traffickingVictim relationship } personHistory { personPosition person { lastName } mothersMaidenName entryDate fugitive priorArrests }";

    private string Bob => host.Token("bob", "Agent", "SAC-BOS");

    private async Task<JsonNode> CreateAsync(string token, object input) =>
        (await host.PostAsync($"mutation($input: CreateKitProbeInput!) {{ createKitProbe(input: $input) {{ kitProbe {{ id version {Lists} }} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed().Data!["createKitProbe"]!;

    private static object Input(string title, object[]? victims = null, object[]? personHistory = null) => new
    {
        title,
        outcome = "ONGOING",
        people = new object[] { new { role = "SUSPECT", lastName = "Doe" }, new { role = "VICTIM", lastName = "Roe" } },
        victims = victims ?? [new { ageGroup = "CHILD", traffickingVictim = true, relationship = "Niece" }, new { ageGroup = "ADULT" }],
        personHistory = personHistory ?? [new { personPosition = 1, mothersMaidenName = "Smith", entryDate = "2019-04-02", fugitive = true, priorArrests = 3 }],
    };

    private static string Paths(JsonNode payload) =>
        string.Join(" ", payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>() + "@" + string.Join(".", e["path"]!.AsArray().Select(p => p!.GetValue<string>()))));

    private async Task<JsonNode> ReadAsync(string id, string token, string selection = Lists) =>
        (await host.PostAsync($"query($id: ID!) {{ kitProbe(id: $id) {{ {selection} }} }}", new { id }, token)).ShouldSucceed().Data!["kitProbe"]!;

    [Fact]
    public async Task A_report_keeps_its_lists_in_order_and_each_person_detail_links_to_its_person()
    {
        var created = await CreateAsync(Bob, Input("Lists in order"));
        Assert.Equal("", Paths(created));
        const string expected = """{"victims":[{"ageGroup":"CHILD","traffickingVictim":true,"relationship":"Niece"},{"ageGroup":"ADULT","traffickingVictim":false,"relationship":null}],"personHistory":[{"personPosition":1,"person":{"lastName":"Roe"},"mothersMaidenName":"Smith","entryDate":"2019-04-02","fugitive":true,"priorArrests":3}]}""";
        var id = created["kitProbe"]!["id"]!.GetValue<string>();
        var payload = created["kitProbe"]!.DeepClone().AsObject();
        payload.Remove("id");
        payload.Remove("version");
        Assert.Equal(expected, payload.ToJsonString());
        Assert.Equal(expected, (await ReadAsync(id, Bob)).ToJsonString());

        // Read in batches over many reports: each report gets its own items.
        var other = await CreateAsync(Bob, Input("Another", victims: [new { ageGroup = "UNKNOWN" }], personHistory: []));
        var nodes = (await host.PostAsync("{ kitProbes(first: 50) { nodes { id victims { ageGroup } personHistory { person { lastName } } } } }", token: Bob))
            .ShouldSucceed().Data!["kitProbes"]!["nodes"]!.AsArray();
        Assert.Equal("""{"victims":[{"ageGroup":"UNKNOWN"}],"personHistory":[]}""",
            Without(nodes.Single(n => n!["id"]!.GetValue<string>() == other["kitProbe"]!["id"]!.GetValue<string>())!, "id"));
        Assert.Equal("""{"victims":[{"ageGroup":"CHILD"},{"ageGroup":"ADULT"}],"personHistory":[{"person":{"lastName":"Roe"}}]}""",
            Without(nodes.Single(n => n!["id"]!.GetValue<string>() == id)!, "id"));
    }

    private static string Without(JsonNode node, string property)
    {
        var copy = node.DeepClone().AsObject();
        copy.Remove(property);
        return copy.ToJsonString();
    }

    [Fact]
    public async Task Bad_items_are_reported_at_their_paths_with_the_envelope_errors_and_nothing_is_stored()
    {
        var before = (await host.IdsAsync(Bob, "kitProbes")).Count;
        var payload = await CreateAsync(Bob, Input("",
            victims: [new { ageGroup = "CHILD" }, new { ageGroup = "ADULT", relationship = new string('x', 101) }],
            personHistory: [new { personPosition = 0, mothersMaidenName = new string('m', 101) }, new { personPosition = 2 }, new { personPosition = 0 }]));
        Assert.Null(payload["kitProbe"]);
        Assert.Equal("REQUIRED@input.title TOO_LONG@input.victims.1.relationship TOO_LONG@input.personHistory.0.mothersMaidenName "
            + "UNKNOWN_PERSON@input.personHistory.1.personPosition DUPLICATE@input.personHistory.2.personPosition", Paths(payload));

        var tooMany = await CreateAsync(Bob, Input("Too many victims", victims: [.. Enumerable.Range(0, 6).Select(_ => new { ageGroup = "ADULT" })]));
        Assert.Equal("TOO_LONG@input.victims", Paths(tooMany));
        Assert.Equal(before, (await host.IdsAsync(Bob, "kitProbes")).Count);
    }

    [Fact]
    public async Task An_update_replaces_the_lists_as_a_whole()
    {
        var created = (await CreateAsync(Bob, Input("To be edited")))["kitProbe"]!;
        var id = created["id"]!.GetValue<string>();
        var update = new Dictionary<string, object?>
        {
            ["id"] = id, ["expectedVersion"] = created["version"]!.GetValue<int>(), ["title"] = "Edited", ["outcome"] = "RESOLVED",
            ["people"] = new object[] { new { role = "SUSPECT", lastName = "Doe" } },
            ["victims"] = new object[] { new { ageGroup = "ADULT", relationship = "Neighbour" } },
            ["personHistory"] = new object[] { new { personPosition = 0, fugitive = false, priorArrests = 1 } },
        };
        var updated = (await host.PostAsync($"mutation($input: UpdateKitProbeInput!) {{ updateKitProbe(input: $input) {{ kitProbe {{ version {Lists} }} errors {{ code path }} }} }}",
            new { input = update }, Bob)).ShouldSucceed().Data!["updateKitProbe"]!;
        Assert.Equal("", Paths(updated));
        Assert.Equal("""{"victims":[{"ageGroup":"ADULT","traffickingVictim":false,"relationship":"Neighbour"}],"personHistory":[{"personPosition":0,"person":{"lastName":"Doe"},"mothersMaidenName":null,"entryDate":null,"fugitive":false,"priorArrests":1}]}""",
            (await ReadAsync(id, Bob)).ToJsonString());

        // Left out, a list is emptied.
        update.Remove("victims");
        update.Remove("personHistory");
        update["expectedVersion"] = updated["kitProbe"]!["version"]!.GetValue<int>();
        (await host.PostAsync("mutation($input: UpdateKitProbeInput!) { updateKitProbe(input: $input) { errors { code } } }", new { input = update }, Bob)).ShouldSucceed();
        Assert.Equal("""{"victims":[],"personHistory":[]}""", (await ReadAsync(id, Bob, "victims { ageGroup } personHistory { fugitive }")).ToJsonString());
    }

    [Fact]
    public async Task An_amendment_keeps_the_lists_as_they_were_in_the_revision()
    {
        var created = (await CreateAsync(Bob, Input("To be amended")))["kitProbe"]!;
        var id = created["id"]!.GetValue<string>();
        var submitted = await host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = created["version"]!.GetValue<int>() });
        var amendment = new Dictionary<string, object?>
        {
            ["id"] = id, ["expectedVersion"] = submitted["version"]!.GetValue<int>(), ["reason"] = "The victim was an adult", ["title"] = "Amended",
            ["outcome"] = "RESOLVED", ["people"] = new object[] { new { role = "SUSPECT", lastName = "Doe" }, new { role = "VICTIM", lastName = "Roe-Smith" } },
            ["victims"] = new object[] { new { ageGroup = "ADULT" } },
            ["personHistory"] = new object[] { new { personPosition = 0, fugitive = true } },
        };
        var amended = (await host.PostAsync("mutation($input: AmendKitProbeInput!) { amendKitProbe(input: $input) { errors { code path } } }", new { input = amendment }, Bob))
            .ShouldSucceed().Data!["amendKitProbe"]!;
        Assert.Equal("", Paths(amended));

        var read = await ReadAsync(id, Bob,
            "victims { ageGroup } personHistory { person { lastName } fugitive } revisions { report { ... on KitProbe { victims { ageGroup } personHistory { person { lastName } fugitive } } } }");
        Assert.Equal("""{"victims":[{"ageGroup":"ADULT"}],"personHistory":[{"person":{"lastName":"Doe"},"fugitive":true}],"revisions":[{"report":{"victims":[{"ageGroup":"CHILD"},{"ageGroup":"ADULT"}],"personHistory":[{"person":{"lastName":"Roe"},"fugitive":true}]}}]}""",
            read.ToJsonString());
    }

    [Fact]
    public async Task A_pii_item_field_and_the_linked_person_are_refused_to_a_role_without_a_need_to_know_on_every_path()
    {
        var created = (await CreateAsync(Bob, Input("Read by public affairs")))["kitProbe"]!;
        var id = created["id"]!.GetValue<string>();
        await host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = created["version"]!.GetValue<int>() });
        var publicAffairs = host.Token("kit-pao", "Public Affairs Officer", "HQ-ICE");

        // The type's readers include Public Affairs: what is not PII they read.
        Assert.Equal("""{"victims":[{"ageGroup":"CHILD"},{"ageGroup":"ADULT"}],"personHistory":[{"personPosition":1,"fugitive":true}]}""",
            (await ReadAsync(id, publicAffairs, "victims { ageGroup } personHistory { personPosition fugitive }")).ToJsonString());
        foreach (var query in new[]
        {
            "query($id: ID!) { kitProbe(id: $id) { personHistory { mothersMaidenName } } }",
            "query($id: ID!) { kitProbe(id: $id) { personHistory { person { lastName } } } }",
            "query($id: ID!) { node(id: $id) { ... on KitProbe { personHistory { mothersMaidenName } } } }",
            "query { kitProbes(first: 5) { nodes { personHistory { mothersMaidenName } } } }",
            "query { reports(first: 5) { nodes { ... on KitProbe { personHistory { mothersMaidenName } } } } }",
            "query($id: ID!) { kitProbe(id: $id) { revisions { report { ... on KitProbe { personHistory { mothersMaidenName } } } } } }",
        })
        {
            var response = await host.PostAsync(query, query.Contains("$id") ? new { id } : null, publicAffairs);
            Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
            Assert.True(response.Data is null || response.Data.ToJsonString() == "null", query + ": " + response.Body);
        }

        // Sending the field is refused as well (an author without a need to know cannot exist among KPROBE's authors, so by schema mark).
        var marks = (await host.PostAsync("""{ __type(name: "KitProbePersonHistoryInput") { inputFields { name appliedDirectives { name } } } }""", token: Bob))
            .ShouldSucceed().Data!["__type"]!["inputFields"]!.AsArray();
        Assert.Equal(["mothersMaidenName"], marks.Where(f => f!["appliedDirectives"]!.AsArray().Any(d => d!["name"]!.GetValue<string>() == "pii")).Select(f => f!["name"]!.GetValue<string>()));
    }
}
