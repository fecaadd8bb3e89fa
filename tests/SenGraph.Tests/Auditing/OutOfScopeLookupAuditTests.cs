using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Auditing;

/// <summary>
/// Issue 12 item 7, failed access attempts (NIST AU-2): a lookup by id of a report that exists but is outside the caller's
/// scope answers exactly as one that does not exist (<c>Security/OfficeScopeTests</c>) and leaves one <c>AccessDenied</c>
/// record per request listing every such lookup (field and report id): <c>node</c>, <c>nodes</c>, <c>x(id)</c> of every
/// report type on the kit, and the workflow mutations that answer <c>NOT_FOUND</c>. Ids that name no report leave nothing,
/// and so does a report the caller may see.
/// </summary>
public sealed class OutOfScopeLookupAuditTests(KitTypesHost host) : IClassFixture<KitTypesHost>
{
    private string Alice => host.Token("alice", "Agent", "SAC-NYC");

    private static string Denied(string user) => $$"""{ userName: { eq: "{{user}}" }, action: { eq: "AccessDenied" } }""";

    /// <summary>An agent of another area: none of alice's drafts or pending reports are theirs to see.</summary>
    private string Outsider(string user) => host.Token(user, "Agent", "SAC-BOS");

    [Fact]
    public async Task Node_nodes_and_sir_lookups_of_hidden_reports_leave_one_record_listing_each_field_and_id()
    {
        var (first, _) = await host.DraftAsync(Alice, "Hidden lookup 1");
        var (second, _) = await host.DraftAsync(Alice, "Hidden lookup 2");
        var missing = Guid.NewGuid().ToString();

        var response = (await host.PostAsync(
            "query Probe($a: ID!, $b: ID!, $m: ID!) { sir(id: $a) { id } node(id: $a) { id } nodes(ids: [$a, $b, $m]) { id } }",
            new { a = first, b = second, m = missing }, Outsider("lookup-outsider"))).ShouldSucceed();

        Assert.Null(response.Data!["sir"]);
        Assert.Null(response.Data!["node"]);
        Assert.All(response.Data!["nodes"]!.AsArray(), Assert.Null);
        var record = Assert.Single(await host.AuditRecordsAsync(Denied("lookup-outsider")));
        var details = record["details"]!.GetValue<string>();
        Assert.Equal("GraphQL", record["entity"]!.GetValue<string>());
        Assert.Equal("Probe", record["operationName"]!.GetValue<string>());
        Assert.Contains($"sir: report {first}", details);
        Assert.Contains($"node: report {first}", details);
        Assert.Contains($"nodes: report {first}", details);
        Assert.Contains($"nodes: report {second}", details);
        Assert.DoesNotContain(missing, details);
    }

    [Fact]
    public async Task The_by_id_query_of_every_report_type_on_the_kit_is_audited_when_the_report_is_hidden()
    {
        await host.DraftAsync(Alice, "Hidden SIR for the by-id walk");
        var probe = (await host.PostAsync("mutation { createKitProbe(input: { title: \"Hidden probe\", outcome: RESOLVED }) { kitProbe { id } errors { code } } }",
            token: Alice)).ShouldSucceed();
        Assert.Empty(probe.Data!["createKitProbe"]!["errors"]!.AsArray());

        // Every type alice has a draft of, and the Query field that reads that type by id (from the schema, not a list here).
        var drafts = (await host.PostAsync("{ reports(first: 100, where: { status: { eq: DRAFT } }) { nodes { __typename id } } }", token: Alice))
            .ShouldSucceed().Data!["reports"]!["nodes"]!.AsArray()
            .GroupBy(n => n!["__typename"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.First()!["id"]!.GetValue<string>());
        var byId = await ByIdFieldsAsync();
        var lookups = drafts.Where(d => byId.ContainsKey(d.Key)).Select(d => (Field: byId[d.Key], Id: d.Value)).ToList();
        Assert.Contains(lookups, l => l.Field == "sir");
        Assert.Contains(lookups, l => l.Field == "kitProbe");

        var query = "{ " + string.Join(" ", lookups.Select((l, i) => $"q{i}: {l.Field}(id: \"{l.Id}\") {{ id }}")) + " }";
        var response = (await host.PostAsync(query, token: Outsider("by-id-outsider"))).ShouldSucceed();

        Assert.All(lookups.Select((_, i) => response.Data![$"q{i}"]), Assert.Null);
        var details = Assert.Single(await host.AuditRecordsAsync(Denied("by-id-outsider")))["details"]!.GetValue<string>();
        Assert.All(lookups, l => Assert.Contains($"{l.Field}: report {l.Id}", details));
    }

    [Fact]
    public async Task Workflow_mutations_answering_not_found_for_a_hidden_report_are_audited_once_per_request()
    {
        var (id, version) = await host.DraftAsync(Alice, "Hidden from the workflow");
        var update = new Dictionary<string, object?>(SirApi.Input("Hijacked")) { ["id"] = id, ["expectedVersion"] = version };
        var mutations = new (string Field, string Query, object Variables)[]
        {
            ("requestReportReview", "mutation($id: ID!, $v: Int!) { requestReportReview(input: { id: $id, expectedVersion: $v }) { errors { code } } }", new { id, v = version }),
            ("submitReport", "mutation($id: ID!, $v: Int!) { submitReport(input: { id: $id, expectedVersion: $v }) { errors { code } } }", new { id, v = version }),
            ("approveReport", "mutation($id: ID!, $v: Int!) { approveReport(input: { id: $id, expectedVersion: $v }) { errors { code } } }", new { id, v = version }),
            ("returnReport", "mutation($id: ID!, $v: Int!) { returnReport(input: { id: $id, expectedVersion: $v, reason: \"No.\" }) { errors { code } } }", new { id, v = version }),
            ("markReportRead", "mutation($id: ID!) { markReportRead(input: { id: $id }) { errors { code } } }", new { id }),
            ("acknowledgeReport", "mutation($id: ID!) { acknowledgeReport(input: { id: $id }) { errors { code } } }", new { id }),
            ("update SIR", "mutation($input: UpdateSirInput!) { updateSir(input: $input) { errors { code } } }", new { input = update }),
            ("amend SIR", "mutation($input: AmendSirInput!) { amendSir(input: $input) { errors { code } } }",
                new { input = new Dictionary<string, object?>(update) { ["reason"] = "Because" } }),
        };

        foreach (var (field, query, variables) in mutations)
        {
            var user = "wf-" + field.Replace(' ', '-').ToLowerInvariant();
            var roles = field is "approveReport" or "returnReport" ? "Supervisor" : "Agent";
            var response = (await host.PostAsync(query, variables, host.Token(user, roles, "SAC-BOS"))).ShouldSucceed();

            Assert.Contains("NOT_FOUND", response.Body);
            var record = Assert.Single(await host.AuditRecordsAsync(Denied(user)));
            Assert.Contains($"{field}: report {id}", record["details"]!.GetValue<string>());
        }

        // Nothing changed.
        var still = (await host.PostAsync("query($id: ID!) { sir(id: $id) { status version } }", new { id }, Alice)).ShouldSucceed();
        Assert.Equal(version, still.Data!["sir"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Ids_of_no_report_and_reports_the_caller_may_see_leave_no_record()
    {
        var (id, version) = await host.DraftAsync(Alice, "Seen by its own office");
        var pending = await host.StepOkAsync("requestReportReview", Alice, new { id, expectedVersion = version });
        var missing = Guid.NewGuid().ToString();
        var sam = host.Token("scope-sam", "Supervisor", "SAC-NYC");

        // An id that names nothing, asked by an outsider: no report was denied.
        (await host.PostAsync("query($m: ID!) { sir(id: $m) { id } node(id: $m) { id } nodes(ids: [$m]) { id } }", new { m = missing },
            Outsider("nothing-outsider"))).ShouldSucceed();
        (await host.PostAsync("mutation($m: ID!) { submitReport(input: { id: $m, expectedVersion: 1 }) { errors { code } } }", new { m = missing },
            Outsider("nothing-outsider"))).ShouldSucceed();
        // A supervisor of the office sees the pending report; it is not in his queue, which is NOT_FOUND but not a denial.
        var seen = (await host.PostAsync("query($id: ID!) { sir(id: $id) { id } node(id: $id) { id } }", new { id }, sam)).ShouldSucceed();
        var marked = (await host.PostAsync("mutation($id: ID!) { markReportRead(input: { id: $id }) { errors { code } } }", new { id }, sam)).ShouldSucceed();

        Assert.NotNull(seen.Data!["sir"]);
        Assert.Contains("NOT_FOUND", marked.Body);
        Assert.Equal("PENDING_REVIEW", pending["status"]!.GetValue<string>());
        Assert.Empty(await host.AuditRecordsAsync(Denied("nothing-outsider")));
        Assert.Empty(await host.AuditRecordsAsync(Denied("scope-sam")));
    }

    /// <summary>Query fields with one <c>id</c> argument returning an object type that implements <c>Report</c>, by that type's name.</summary>
    private async Task<Dictionary<string, string>> ByIdFieldsAsync()
    {
        var schema = (await host.PostAsync(
            "{ __type(name: \"Report\") { possibleTypes { name } } __schema { queryType { fields { name args { name } type { name kind } } } } }",
            token: Alice)).ShouldSucceed().Data!;
        var reportTypes = schema["__type"]!["possibleTypes"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToHashSet();
        return schema["__schema"]!["queryType"]!["fields"]!.AsArray()
            .Where(f => f!["args"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).SequenceEqual(["id"])
                && f["type"]!["kind"]!.GetValue<string>() == "OBJECT" && reportTypes.Contains(f["type"]!["name"]!.GetValue<string>()))
            .ToDictionary(f => f!["type"]!["name"]!.GetValue<string>(), f => f!["name"]!.GetValue<string>());
    }
}
