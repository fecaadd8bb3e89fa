using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using SenGraph.Tests.WebSockets;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Security;

/// <summary>
/// A report type's read policy guards the host's shared paths too (node, nodes, reports, myQueue, reportSubmitted, the
/// queue marks): a SIR sent by name to a Public Affairs Officer or a System Administrator, who may not read SIRs,
/// is to them a report that does not exist; naming the Sir type in a document is refused outright.
/// </summary>
public sealed class ReportTypeReadPolicyTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    public static readonly TheoryData<string> NonReaders = new() { PublicAffairsOfficer.Role, SystemAdministrator.Role };

    private const string SharedPaths = """
        query($id: ID!) {
          node(id: $id) { id }
          nodes(ids: [$id]) { id }
          reports(where: { id: { eq: $id } }) { totalCount nodes { id } }
          myQueue { totalCount nodes { report { id } } }
        }
        """;

    /// <summary>A SIR by the agent, submitted and sent by name to the Public Affairs Officer, the administrator and the IROC.</summary>
    private async Task<string> SubmittedToNonReadersAsync(string title)
    {
        var (id, version) = await host.DraftAsync(host.TokenOf(Agent), title);
        var recipients = new[] { PublicAffairsOfficer, SystemAdministrator, IrocStaff }.Select(a => new { kind = "USER", code = a.User }).ToArray();
        await host.StepOkAsync("submitReport", host.TokenOf(Agent), new { id, expectedVersion = version, recipients });
        return id;
    }

    [Theory]
    [MemberData(nameof(NonReaders))]
    public async Task A_sir_sent_to_a_role_that_may_not_read_sirs_answers_exactly_as_a_report_that_does_not_exist(string role)
    {
        var id = await SubmittedToNonReadersAsync("Sent to " + role);
        var token = host.TokenOf(ByRole(role));

        var sent = (await host.PostAsync(SharedPaths, new { id }, token)).ShouldSucceed();
        var unknownId = Guid.NewGuid().ToString();
        var unknown = (await host.PostAsync(SharedPaths, new { id = unknownId }, token)).ShouldSucceed();

        Assert.Null(sent.Data!["node"]);
        Assert.Null(sent.Data!["nodes"]![0]);
        Assert.Equal(0, sent.Data!["reports"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, sent.Data!["myQueue"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(unknown.Body, sent.Body);
        foreach (var mark in new[] { "markReportRead", "acknowledgeReport" })
        {
            var refused = await host.PostAsync($"mutation($id: ID!) {{ {mark}(input: {{ id: $id }}) {{ errors {{ code }} }} }}", new { id }, token);
            Assert.Contains("AUTH_NOT_AUTHORIZED", refused.ErrorCodes);
            Assert.Null(refused.Data);
        }

        // The same report, sent the same way, is there for a reader.
        var iroc = (await host.PostAsync(SharedPaths, new { id }, host.TokenOf(IrocStaff))).ShouldSucceed();
        Assert.Equal(id, iroc.Data!["node"]!["id"]!.GetValue<string>());
        Assert.Equal(id, iroc.Data!["nodes"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, iroc.Data!["reports"]!["totalCount"]!.GetValue<int>());
        Assert.Contains(iroc.Data!["myQueue"]!["nodes"]!.AsArray(), n => n!["report"]!["id"]!.GetValue<string>() == id);
    }

    public static readonly TheoryData<string> SirNamingSelections = new()
    {
        "query($id: ID!) { node(id: $id) { ... on Sir { category } } }",
        "query($id: ID!) { node(id: $id) { ... on Sir { __typename } } }",
        "query($id: ID!) { nodes(ids: [$id]) { ...S } } fragment S on Sir { id }",
        "query($id: ID!) { reports(where: { id: { eq: $id } }) { nodes { ... on Sir { title } } } }",
        "query($id: ID!) { myQueue { nodes { report { ... on Sir { seizedProperty } } } } node(id: $id) { id } }",
        "query($id: ID!) { sir(id: $id) { id } }",
        "query($id: ID!) { sirs(where: { id: { eq: $id } }) { totalCount } }",
    };

    [Theory]
    [MemberData(nameof(SirNamingSelections))]
    public async Task Naming_the_sir_type_is_refused_to_roles_that_may_not_read_sirs_and_allowed_to_readers(string query)
    {
        var id = await SubmittedToNonReadersAsync("Named " + Guid.NewGuid().ToString("N")[..6]);

        foreach (var nonReader in new[] { PublicAffairsOfficer, SystemAdministrator })
        {
            var refused = await host.PostAsync(query, new { id }, host.TokenOf(nonReader));
            Assert.Contains("AUTH_NOT_AUTHORIZED", refused.ErrorCodes);
            Assert.Null(refused.Data);
            Assert.DoesNotContain(id, refused.Body);
        }

        (await host.PostAsync(query, new { id }, host.TokenOf(IrocStaff))).ShouldSucceed();
    }

    [Fact]
    public async Task A_sir_is_not_delivered_live_to_roles_that_may_not_read_sirs()
    {
        const string live = "subscription { reportSubmitted { id number } }";  // no PII (the title is PII): roles without a need to know may subscribe
        await using var iroc = await GraphQLWsTestClient.InitializedAsync(host, authorization: "Bearer " + host.TokenOf(IrocStaff));
        await iroc.SubscribeAsync("iroc", live);
        var nonReaders = new List<GraphQLWsTestClient>();
        try
        {
            foreach (var actor in new[] { PublicAffairsOfficer, SystemAdministrator })
            {
                var client = await GraphQLWsTestClient.InitializedAsync(host, authorization: "Bearer " + host.TokenOf(actor));
                nonReaders.Add(client);
                await client.SubscribeAsync("live", live);
            }
            // Every subscription is registered with the server (none was refused).
            foreach (var actor in new[] { IrocStaff, PublicAffairsOfficer, SystemAdministrator }) await host.WaitForReportSubscribersAsync(actor.User);
            var events = host.ReportEvents();
            var before = new[] { IrocStaff, PublicAffairsOfficer, SystemAdministrator }.ToDictionary(a => a.User, a => events.DeliveriesTo(a.User));

            var id = await SubmittedToNonReadersAsync("Live to non-readers");

            // The event is handed out inside submitReport: by its answer every subscription got it or never will.
            Assert.Equal(before[PublicAffairsOfficer.User], events.DeliveriesTo(PublicAffairsOfficer.User));
            Assert.Equal(before[SystemAdministrator.User], events.DeliveriesTo(SystemAdministrator.User));
            Assert.True(events.DeliveriesTo(IrocStaff.User) > before[IrocStaff.User], "IROC's subscription was not handed the event.");
            var delivered = (await iroc.ReceiveUntilAsync("iroc", "next")).Last();
            Assert.Equal(id, delivered["payload"]!["data"]!["reportSubmitted"]!["id"]!.GetValue<string>());
        }
        finally
        {
            foreach (var client in nonReaders) await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Personal_data_of_a_report_a_role_may_otherwise_list_is_refused_at_validation()
    {
        // Public Affairs may list reports (none of a type they read, today), never a person in one.
        const string query = "{ reports { nodes { id people { role lastName } } } }";

        var refused = await host.PostAsync(query, token: host.TokenOf(PublicAffairsOfficer));
        var open = (await host.PostAsync("{ reports { nodes { id people { role } } } }", token: host.TokenOf(PublicAffairsOfficer))).ShouldSucceed();

        Assert.Contains("AUTH_NOT_AUTHORIZED", refused.ErrorCodes);
        Assert.Contains("ReportPerson.lastName", refused.Errors[0]!["message"]!.GetValue<string>());
        Assert.NotNull(open.Data!["reports"]);
    }

    [Fact]
    public async Task Applied_directive_introspection_shows_the_pii_mark()
    {
        var response = (await host.PostAsync("""{ __type(name: "ReportPerson") { fields { name appliedDirectives { name } } } }""", token: host.TokenOf(IrocStaff))).ShouldSucceed();

        var marked = response.Data!["__type"]!["fields"]!.AsArray()
            .Where(f => f!["appliedDirectives"]!.AsArray().Any(d => d!["name"]!.GetValue<string>() == "pii"))
            .Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("lastName", marked);
        Assert.Contains("aNumber", marked);
        Assert.DoesNotContain("role", marked);
        Assert.DoesNotContain("sex", marked);
    }
}
