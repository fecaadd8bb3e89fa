using System.Text.Json.Nodes;
using SenGraph.Tests.Auditing;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Kit;

/// <summary>
/// A type's designated update (<c>type.DesignatedUpdate</c>: KPROBE's disposition, like a LEARA's) over HTTP: the author,
/// the action officer, a user named as a contact of a designated kind, a user it was sent to by name and holders of a
/// designated role update a submitted report's disposition, each change kept as a revision with who and why; anyone else,
/// a report not yet submitted, a missing reason or a stale version is refused and nothing changes; amendments stay the author's.
/// </summary>
public sealed class DesignatedUpdateTests(KitTypesHost host) : IClassFixture<KitTypesHost>
{
    private const string Update = "mutation($input: UpdateKitProbeDispositionInput!) { updateKitProbeDisposition(input: $input) { kitProbe { disposition version revision } errors { code message path } } }";

    private string Bob => host.Token("bob", "Agent", "SAC-BOS");

    /// <summary>A KPROBE by bob naming alice as action officer and Ed as requesting party; submitted to hank by name unless <paramref name="submit"/> is false.</summary>
    private async Task<(string Id, int Version)> ReportAsync(bool submit = true)
    {
        var created = (await host.PostAsync("""
            mutation { createKitProbe(input: { title: "Request to act on", outcome: ONGOING, actionOfficer: "alice", victims: [{ ageGroup: CHILD }],
                contacts: [{ kind: REQUESTING_PARTY, name: "Ed ERO Officer" }] }) { kitProbe { id version } errors { code message } } }
            """, token: Bob)).ShouldSucceed().Data!["createKitProbe"]!;
        Assert.Empty(created["errors"]!.AsArray());
        var id = created["kitProbe"]!["id"]!.GetValue<string>();
        var version = created["kitProbe"]!["version"]!.GetValue<int>();
        if (!submit) return (id, version);
        var submitted = await host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = version, recipients = new[] { new { kind = "USER", code = "hank" } } });
        return (id, submitted["version"]!.GetValue<int>());
    }

    private async Task<JsonNode> UpdateAsync(string token, string id, int version, string? disposition, string reason = "Acted on it") =>
        (await host.PostAsync(Update, new { input = new { id, expectedVersion = version, reason, disposition } }, token)).ShouldSucceed().Data!["updateKitProbeDisposition"]!;

    private static string Codes(JsonNode payload) =>
        string.Join(" ", payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>() + "@" + string.Join(".", e["path"]!.AsArray().Select(p => p!.GetValue<string>()))));

    [Fact]
    public async Task The_author_and_each_designated_updater_update_the_disposition_and_every_change_is_a_revision_with_who_and_why()
    {
        var (id, version) = await ReportAsync();
        var updaters = new[]
        {
            ("alice", host.Token("alice", "Agent", "SAC-NYC")),                       // the action officer
            ("ed", host.Token("ed", "Agent", "FOD-NYC")),                             // named as requesting party (display name)
            ("hank", host.Token("hank", "Headquarters Agent", "HQ-HSI")),             // sent to by name
            ("iris", host.Token("iris", "IROC Staff", "IROC-HQ")),                    // a designated role
            ("bob", Bob),                                                             // the author
        };
        foreach (var (user, token) in updaters)
        {
            var payload = await UpdateAsync(token, id, version, $"Handled by {user}", $"{user} acted");
            Assert.True(Codes(payload) == "", user + ": " + payload.ToJsonString());
            Assert.Equal($"Handled by {user}", payload["kitProbe"]!["disposition"]!.GetValue<string>());
            version = payload["kitProbe"]!["version"]!.GetValue<int>();
        }

        var read = (await host.PostAsync("query($id: ID!) { kitProbe(id: $id) { disposition revision title revisions { revision amendedBy reason report { ... on KitProbe { disposition title victims { ageGroup } } } } } }",
            new { id }, Bob)).ShouldSucceed().Data!["kitProbe"]!;
        Assert.Equal("Handled by bob", read["disposition"]!.GetValue<string>());
        Assert.Equal(5, read["revision"]!.GetValue<int>());
        Assert.Equal("Request to act on", read["title"]!.GetValue<string>());
        var revisions = read["revisions"]!.AsArray();
        Assert.Equal(["alice", "ed", "hank", "iris", "bob"], revisions.Select(r => r!["amendedBy"]!.GetValue<string>()));
        Assert.Equal(["alice acted", "ed acted", "hank acted", "iris acted", "bob acted"], revisions.Select(r => r!["reason"]!.GetValue<string>()));
        Assert.Equal([null, "Handled by alice", "Handled by ed", "Handled by hank", "Handled by iris"],
            revisions.Select(r => r!["report"]!["disposition"]?.GetValue<string>()));
        // The revision keeps the whole report as it was, its lists too.
        Assert.All(revisions, r => Assert.Equal("""[{"ageGroup":"CHILD"}]""", r!["report"]!["victims"]!.ToJsonString()));
    }

    [Fact]
    public async Task Anyone_else_a_draft_a_missing_reason_a_bad_value_or_a_stale_version_is_refused_and_nothing_changes()
    {
        var (id, version) = await ReportAsync();
        var alice = host.Token("alice", "Agent", "SAC-NYC");
        // Readers of every submitted KPROBE, but neither named on it nor holding a designated role.
        Assert.Equal("NOT_AUTHORIZED@input.id", Codes(await UpdateAsync(host.Token("ray", "Agent", "RAC-ALB"), id, version, "No")));
        Assert.Equal("NOT_AUTHORIZED@input.id", Codes(await UpdateAsync(host.Token("paula", "Public Affairs Officer", "HQ-OPA"), id, version, "No")));
        Assert.Equal("REQUIRED@input.reason", Codes(await UpdateAsync(alice, id, version, "No", reason: "  ")));
        Assert.Equal("TOO_LONG@input.disposition", Codes(await UpdateAsync(alice, id, version, new string('x', 501))));
        Assert.Equal("CONFLICT@input.expectedVersion", Codes(await UpdateAsync(alice, id, version - 1, "Stale")));

        var (draft, draftVersion) = await ReportAsync(submit: false);
        Assert.Equal("ILLEGAL_TRANSITION@input.id", Codes(await UpdateAsync(Bob, draft, draftVersion, "Too early")));

        var read = (await host.PostAsync("query($id: ID!) { kitProbe(id: $id) { disposition version revision revisions { revision } } }", new { id }, Bob))
            .ShouldSucceed().Data!["kitProbe"]!;
        Assert.Equal($$"""{"disposition":null,"version":{{version}},"revision":0,"revisions":[]}""", read.ToJsonString());
    }

    [Fact]
    public async Task Amendments_stay_the_authors_even_for_a_designated_updater()
    {
        var (id, version) = await ReportAsync();
        var amended = (await host.PostAsync("mutation($input: AmendKitProbeInput!) { amendKitProbe(input: $input) { errors { code path } } }",
            new { input = new { id, expectedVersion = version, reason = "Mine now", title = "Taken over", outcome = "RESOLVED", disposition = "Done" } },
            host.Token("alice", "Agent", "SAC-NYC"))).ShouldSucceed().Data!["amendKitProbe"]!;
        Assert.Equal("NOT_AUTHORIZED@input.id", Codes(amended));
    }

    [Fact]
    public async Task The_mutation_says_who_may_use_it_and_takes_only_the_designated_fields()
    {
        var schema = (await host.PostAsync("""
            { __type(name: "UpdateKitProbeDispositionInput") { inputFields { name } }
              mutation: __schema { mutationType { fields { name description } } } }
            """, token: Bob)).ShouldSucceed().Data!;
        Assert.Equal(["id", "expectedVersion", "reason", "disposition"], schema["__type"]!["inputFields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        var description = schema["mutation"]!["mutationType"]!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "updateKitProbeDisposition")!["description"]!.GetValue<string>();
        Assert.Equal("Records what was done with a kit probe report. For a SUBMITTED KPROBE, by its author, its action officer, users it was sent to by name, "
            + "users it names as contacts of kind RequestingParty or holders of IROC Staff; the version before stays readable in revisions.", description);
    }

    [Fact]
    public async Task A_designated_update_is_in_the_audit_trail_under_the_updater()
    {
        var (id, version) = await ReportAsync();
        Assert.Equal("", Codes(await UpdateAsync(host.Token("alice", "Agent", "SAC-NYC"), id, version, "Referred to FOD New York")));

        var records = await host.AuditRecordsAsync($"{{ userName: {{ eq: \"alice\" }}, recordId: {{ eq: \"{id}\" }} }}");
        var update = Assert.Single(records, r => r["action"]!.GetValue<string>() == "Update");
        Assert.Contains("KitProbeDetails", update["entity"]!.GetValue<string>());
        Assert.Contains("Disposition", update["details"]!.GetValue<string>());
        var request = await host.AuditRecordsAsync($"{{ requestId: {{ eq: \"{update["requestId"]!.GetValue<string>()}\" }} }}");
        Assert.Contains(request, r => r["action"]!.GetValue<string>() == "Insert" && r["entity"]!.GetValue<string>() == "ReportRevisions"
            && r["userName"]!.GetValue<string>() == "alice");
    }
}
