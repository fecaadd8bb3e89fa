using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.WebSockets;

namespace SenGraph.Tests.Sir;

/// <summary>
/// The shared report workflow through the SIR module, as front ends drive it over HTTP and the
/// graphql-transport-ws WebSocket, against the development directory (SAC-NYC requires review, SAC-BOS does not).
/// </summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class SirWorkflowTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private string Alice => host.Token("alice", "Agent", "SAC-NYC");
    private string Sam => host.Token("sam", "Supervisor", "SAC-NYC");
    private string Ed => host.Token("ed", "Agent", "FOD-NYC");
    private string Hank => host.Token("hank", "Headquarters Agent", "HQ-HSI");
    private string Iris => host.Token("iris", "IROC Staff", "IROC-HQ");
    private string Bob => host.Token("bob", "Agent", "SAC-BOS");

    private const string LiveSelection = "subscription { reportSubmitted { id number title status originatingOffice ... on Sir { category reportedWithinHours } } }";

    [Fact]
    public async Task An_agent_drafts_a_supervisor_returns_the_agent_corrects_and_submits_and_recipients_the_iroc_and_subscribers_get_it()
    {
        await using var irocLive = await GraphQLWsTestClient.InitializedAsync(host, authorization: "Bearer " + Iris);
        await irocLive.SubscribeAsync("iroc", LiveSelection);
        await using var fodLive = await GraphQLWsTestClient.InitializedAsync(host, authorization: "Bearer " + Ed);
        await fodLive.SubscribeAsync("fod", LiveSelection);

        var title = "Significant arrest at JFK " + Guid.NewGuid().ToString("N")[..8];
        var (id, v1) = await host.DraftAsync(Alice, title);

        // SAC-NYC requires review: a draft cannot be submitted straight away.
        var early = await host.StepAsync("submitReport", Alice, new { id, expectedVersion = v1 });
        Assert.Equal(["ILLEGAL_TRANSITION"], early.ErrorCodes());

        var pending = await host.StepOkAsync("requestReportReview", Alice, new { id, expectedVersion = v1 });
        Assert.Equal("PENDING_REVIEW", pending["status"]!.GetValue<string>());
        var v2 = pending["version"]!.GetValue<int>();

        Assert.Equal(["ILLEGAL_TRANSITION"], (await host.UpdateAsync(Alice, SirApi.Input(title, ("id", id), ("expectedVersion", v2)))).ErrorCodes());
        // An agent reviews no report type: refused before anything runs.
        Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("mutation($input: ReportStepInput!) { approveReport(input: $input) { errors { code } } }",
            new { input = new { id, expectedVersion = v2 } }, Alice)).ErrorCodes);

        var returned = await host.StepOkAsync("returnReport", Sam, new { id, expectedVersion = v2, reason = "Add the suspect's FBI number." });
        Assert.Equal("RETURNED", returned["status"]!.GetValue<string>());
        Assert.Equal("Add the suspect's FBI number.", returned["returnReason"]!.GetValue<string>());
        Assert.Equal("sam", returned["supervisor"]!.GetValue<string>());
        var v3 = returned["version"]!.GetValue<int>();

        var corrected = await host.UpdateAsync(Alice, SirApi.Input(title, ("id", id), ("expectedVersion", v3), ("supervisor", "sam"),
            ("people", new object[] { new { role = "SUSPECT", firstName = "Juan", lastName = "Perez", aNumber = "A012345678", fbiNumber = "123456AB1" } })));
        Assert.Empty(corrected.ErrorCodes());
        Assert.Equal("RETURNED", corrected["sir"]!["status"]!.GetValue<string>());
        var v4 = corrected["sir"]!["version"]!.GetValue<int>();

        var again = await host.StepOkAsync("requestReportReview", Alice, new { id, expectedVersion = v4 });
        Assert.Null(again["returnReason"]);
        var approved = await host.StepOkAsync("approveReport", Sam, new { id, expectedVersion = again["version"]!.GetValue<int>() });
        Assert.Equal("APPROVED", approved["status"]!.GetValue<string>());

        var submitted = await host.StepOkAsync("submitReport", Alice, new
        {
            id, expectedVersion = approved["version"]!.GetValue<int>(), recipients = new[] { new { kind = "USER", code = "Hank" } },
        });
        Assert.Equal("SUBMITTED", submitted["status"]!.GetValue<string>());
        var number = submitted["number"]!.GetValue<string>();
        Assert.Matches(@"^SIR-FY\d{4}-\d{6}$", number);

        // Routed: the SAC, the area's FOD and FIG, the IROC; plus the named recipient.
        var read = (await host.PostAsync("query($id: ID!) { sir(id: $id) { reportedWithinHours withinPolicyDeadline recipients { kind code reason } } }",
            new { id }, Alice)).ShouldSucceed().Data!["sir"]!;
        Assert.Equal(
            ["OFFICE:FIG-NYC:ROUTED", "OFFICE:FOD-NYC:ROUTED", "OFFICE:IROC-HQ:ROUTED", "OFFICE:SAC-NYC:ROUTED", "USER:hank:NAMED"],
            read["recipients"]!.AsArray().Select(r => $"{r!["kind"]}:{r["code"]}:{r["reason"]}"));
        Assert.InRange(read["reportedWithinHours"]!.GetValue<double>(), 2.9, 3.2);
        Assert.True(read["withinPolicyDeadline"]!.GetValue<bool>());

        // The FOD's queue has it unread; reading and acknowledging are recorded.
        var edItem = await QueueItemAsync(Ed, id);
        Assert.Equal("OFFICE", edItem["kind"]!.GetValue<string>());
        Assert.Null(edItem["readAt"]);
        Assert.Equal(number, edItem["report"]!["number"]!.GetValue<string>());
        var ack = (await host.PostAsync("mutation($id: ID!) { acknowledgeReport(input: { id: $id }) { items { readAt acknowledgedAt } errors { code } } }",
            new { id }, Ed)).ShouldSucceed().Data!["acknowledgeReport"]!;
        Assert.Empty(ack.ErrorCodes());
        Assert.NotNull(Assert.Single(ack["items"]!.AsArray())!["acknowledgedAt"]);
        Assert.NotNull((await QueueItemAsync(Ed, id))["acknowledgedAt"]);

        // The named headquarters agent has it in their own queue.
        var hankItem = await QueueItemAsync(Hank, id);
        Assert.Equal("USER", hankItem["kind"]!.GetValue<string>());
        Assert.Equal("NAMED", hankItem["reason"]!.GetValue<string>());

        // The IROC feed lists it, newest submission first.
        var feed = (await host.PostAsync("{ irocFeed(first: 20) { nodes { id submittedAt ... on Sir { category } } } }", token: Iris))
            .ShouldSucceed().Data!["irocFeed"]!["nodes"]!.AsArray();
        Assert.Contains(feed, n => n!["id"]!.GetValue<string>() == id && n["category"]!.GetValue<string>() == "SIGNIFICANT_ARREST");
        var times = feed.Select(n => DateTimeOffset.Parse(n!["submittedAt"]!.GetValue<string>())).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        // Subscribers that may see it got it live, typed as a SIR.
        foreach (var (live, subscription) in new[] { (irocLive, "iroc"), (fodLive, "fod") })
        {
            var next = await NextAboutAsync(live, subscription, id);
            Assert.Equal(number, next["number"]!.GetValue<string>());
            Assert.Equal("SIGNIFICANT_ARREST", next["category"]!.GetValue<string>());
        }

        // Boston sees none of it.
        Assert.Null(await host.SirAsync(Bob, id, "id"));
        Assert.Null((await host.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id }, Bob)).ShouldSucceed().Data!["node"]);
    }

    [Fact]
    public async Task An_amendment_keeps_the_submitted_version_readable_and_queues_the_report_as_unread_again()
    {
        var (id, v1) = await host.DraftAsync(Bob, "Seizure at Logan", ("category", "SIGNIFICANT_SEIZURE"), ("seizedProperty", "12 kg cocaine"), ("eventState", "MA"));
        var submitted = await host.StepOkAsync("submitReport", Bob, new { id, expectedVersion = v1 });
        Assert.Equal("SUBMITTED", submitted["status"]!.GetValue<string>());
        Assert.Equal(["ILLEGAL_TRANSITION"], (await host.UpdateAsync(Bob, SirApi.Input("Edited", ("id", id), ("expectedVersion", submitted["version"]!.GetValue<int>()))))
            .ErrorCodes());
        await host.PostAsync("mutation($id: ID!) { markReportRead(input: { id: $id }) { errors { code } } }", new { id }, Iris);

        var noReason = await host.AmendAsync(Bob, SirApi.Input("Seizure at Logan", ("id", id), ("expectedVersion", submitted["version"]!.GetValue<int>()),
            ("reason", " "), ("category", "SIGNIFICANT_SEIZURE")));
        Assert.Equal(["REQUIRED"], noReason.ErrorCodes());

        var amended = await host.AmendAsync(Bob, SirApi.Input("Seizure at Logan Airport", ("id", id), ("expectedVersion", submitted["version"]!.GetValue<int>()),
            ("reason", "Weight confirmed by the lab."), ("category", "SIGNIFICANT_SEIZURE"), ("seizedProperty", "14.2 kg cocaine"), ("eventState", "MA")));
        Assert.Empty(amended.ErrorCodes());
        Assert.Equal(1, amended["sir"]!["revision"]!.GetValue<int>());
        Assert.Equal(submitted["number"]!.GetValue<string>(), amended["sir"]!["number"]!.GetValue<string>());

        var read = await host.SirAsync(Bob, id,
            "title seizedProperty revision revisions { revision amendedBy reason report { title people { lastName } ... on Sir { seizedProperty } } }");
        Assert.Equal("Seizure at Logan Airport", read!["title"]!.GetValue<string>());
        var earlier = Assert.Single(read["revisions"]!.AsArray())!;
        Assert.Equal(0, earlier["revision"]!.GetValue<int>());
        Assert.Equal("bob", earlier["amendedBy"]!.GetValue<string>());
        Assert.Equal("Weight confirmed by the lab.", earlier["reason"]!.GetValue<string>());
        Assert.Equal("Seizure at Logan", earlier["report"]!["title"]!.GetValue<string>());
        Assert.Equal("12 kg cocaine", earlier["report"]!["seizedProperty"]!.GetValue<string>());
        Assert.Equal(["Perez"], earlier["report"]!["people"]!.AsArray().Select(p => p!["lastName"]!.GetValue<string>()));

        Assert.Null((await QueueItemAsync(Iris, id, "IROC-HQ"))["readAt"]);
    }

    [Fact]
    public async Task A_stale_edit_or_step_gets_a_conflict_and_the_newer_change_is_kept()
    {
        var (id, v1) = await host.DraftAsync(Alice, "Original");
        Assert.Empty((await host.UpdateAsync(Alice, SirApi.Input("First edit", ("id", id), ("expectedVersion", v1)))).ErrorCodes());

        var stale = await host.UpdateAsync(Alice, SirApi.Input("Stale edit", ("id", id), ("expectedVersion", v1)));
        Assert.Null(stale["sir"]);
        var conflict = Assert.Single(stale["errors"]!.AsArray())!;
        Assert.Equal("CONFLICT", conflict["code"]!.GetValue<string>());
        Assert.Equal(["input", "expectedVersion"], conflict["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["CONFLICT"], (await host.StepAsync("requestReportReview", Alice, new { id, expectedVersion = v1 })).ErrorCodes());

        var read = await host.SirAsync(Alice, id, "title status version");
        Assert.Equal("First edit", read!["title"]!.GetValue<string>());
        Assert.Equal("DRAFT", read["status"]!.GetValue<string>());
        Assert.Equal(v1 + 1, read["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invalid_envelope_and_sir_fields_get_field_level_errors_and_nothing_is_stored()
    {
        var token = host.Token("careless-agent", "Agent", "SAC-NYC");
        var created = await host.CreateAsync(token, SirApi.Input(" ",
            ("eventState", "XX"), ("eventAt", DateTimeOffset.UtcNow.AddDays(2).ToString("O")), ("supervisor", "nobody"),
            ("hospital", "Bellevue"),
            ("people", new object[] { new { role = "VICTIM", aNumber = "B123", dateOfBirth = "2999-01-01" } })));

        Assert.Null(created["sir"]);
        var errors = created["errors"]!.AsArray().Select(e => (e!["code"]!.GetValue<string>(), string.Join(".", e["path"]!.AsArray().Select(p => p!.GetValue<string>())))).ToList();
        Assert.Contains(("REQUIRED", "input.title"), errors);
        Assert.Contains(("INVALID_STATE", "input.eventState"), errors);
        Assert.Contains(("IN_FUTURE", "input.eventAt"), errors);
        Assert.Contains(("UNKNOWN_SUPERVISOR", "input.supervisor"), errors);
        Assert.Contains(("REQUIRED", "input.injuries"), errors);
        Assert.Contains(("REQUIRED", "input.people.0.lastName"), errors);
        Assert.Contains(("INVALID_A_NUMBER", "input.people.0.aNumber"), errors);
        Assert.Contains(("IN_FUTURE", "input.people.0.dateOfBirth"), errors);
        var mine = (await host.PostAsync("{ sirs(where: { author: { eq: \"careless-agent\" } }) { totalCount } }", token: token)).ShouldSucceed();
        Assert.Equal(0, mine.Data!["sirs"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_draft_is_invisible_to_everyone_but_its_author_and_nobody_reviews_their_own_report()
    {
        var (id, v1) = await host.DraftAsync(Alice, "Mine alone");
        foreach (var other in new[] { Sam, Iris, Bob })
            Assert.Null(await host.SirAsync(other, id, "id"));
        // A reviewer is told there is no such report; those who review nothing are refused whatever the report.
        Assert.Equal(["NOT_FOUND"], (await host.StepAsync("approveReport", Sam, new { id, expectedVersion = v1 })).ErrorCodes());
        foreach (var other in new[] { Iris, Bob })
        {
            Assert.Contains("AUTH_NOT_AUTHORIZED", (await host.PostAsync("mutation($input: ReportStepInput!) { approveReport(input: $input) { errors { code } } }",
                new { input = new { id, expectedVersion = v1 } }, other)).ErrorCodes);
        }
        Assert.Equal(["NOT_FOUND"], (await host.UpdateAsync(Sam, SirApi.Input("Hijacked", ("id", id), ("expectedVersion", v1)))).ErrorCodes());

        var (own, ownVersion) = await host.DraftAsync(Sam, "A supervisor's own report");
        var pending = await host.StepOkAsync("requestReportReview", Sam, new { id = own, expectedVersion = ownVersion });
        Assert.Equal(["SELF_REVIEW"], (await host.StepAsync("approveReport", Sam, new { id = own, expectedVersion = pending["version"]!.GetValue<int>() })).ErrorCodes());
    }

    [Fact]
    public async Task Node_refetches_any_report_by_id_typed_by_its_module_and_unknown_ids_are_null()
    {
        var (id, _) = await host.DraftAsync(Alice, "Refetch me");

        var response = (await host.PostAsync(
            "query($ids: [ID!]!, $id: ID!) { node(id: $id) { __typename id ... on Sir { title category } } nodes(ids: $ids) { id } }",
            new { id, ids = new[] { id, "not-an-id", Guid.NewGuid().ToString() } }, Alice)).ShouldSucceed();

        Assert.Equal("Sir", response.Data!["node"]!["__typename"]!.GetValue<string>());
        Assert.Equal("Refetch me", response.Data!["node"]!["title"]!.GetValue<string>());
        var nodes = response.Data!["nodes"]!.AsArray();
        Assert.Equal(id, nodes[0]!["id"]!.GetValue<string>());
        Assert.Null(nodes[1]);
        Assert.Null(nodes[2]);
    }

    [Fact]
    public async Task Named_recipients_must_exist_and_a_bad_one_submits_nothing()
    {
        var (id, v1) = await host.DraftAsync(Bob, "Named recipients", ("eventState", "MA"));

        var refused = await host.StepAsync("submitReport", Bob, new
        {
            id, expectedVersion = v1, recipients = new object[]
            {
                new { kind = "USER", code = "hank" }, new { kind = "OFFICE", code = "SAC-ATLANTIS" }, new { kind = "USER", code = "dave" },
                // The seeded partner (Partner Agency Consumer only): a real, active user, but outside the agency.
                new { kind = "USER", code = "pat" },
            },
        });

        var errors = refused["errors"]!.AsArray().Select(e => (e!["code"]!.GetValue<string>(), string.Join(".", e["path"]!.AsArray().Select(p => p!.GetValue<string>())))).ToList();
        Assert.Equal([("UNKNOWN_RECIPIENT", "input.recipients.1.code"), ("UNKNOWN_RECIPIENT", "input.recipients.2.code"),
            ("RECIPIENT_OUTSIDE_AGENCY", "input.recipients.3.code")], errors);
        var read = await host.SirAsync(Bob, id, "status number version recipients { code }");
        Assert.Equal("DRAFT", read!["status"]!.GetValue<string>());
        Assert.Null(read["number"]);
        Assert.Equal(v1, read["version"]!.GetValue<int>());
        Assert.Empty(read["recipients"]!.AsArray());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    [InlineData(12)]
    public async Task A_step_or_queue_mark_on_an_id_that_is_not_a_guid_is_not_found(object id)
    {
        var step = await host.StepAsync("requestReportReview", Alice, new { id, expectedVersion = 1 });
        var submit = await host.StepAsync("submitReport", Alice, new { id, expectedVersion = 1 });
        var mark = (await host.PostAsync("mutation($input: QueueInput!) { markReportRead(input: $input) { errors { code path } } }", new { input = new { id } }, Alice))
            .ShouldSucceed().Data!["markReportRead"]!;

        Assert.Equal(["NOT_FOUND"], step.ErrorCodes());
        Assert.Equal(["NOT_FOUND"], submit.ErrorCodes());
        Assert.Equal(["NOT_FOUND"], mark.ErrorCodes());
        Assert.Equal(["input", "id"], step["errors"]![0]!["path"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    private async Task<JsonNode> QueueItemAsync(string token, string reportId, string? office = null)
    {
        var queue = (await host.PostAsync("{ myQueue(first: 100) { nodes { kind reason queuedAt readAt acknowledgedAt report { id number } } } }", token: token))
            .ShouldSucceed().Data!["myQueue"]!["nodes"]!.AsArray();
        var item = queue.FirstOrDefault(n => n!["report"]!["id"]!.GetValue<string>() == reportId);
        Assert.True(item is not null, $"Report {reportId} is not in the queue{(office is null ? "" : " of " + office)}: {queue.ToJsonString()}");
        return item!;
    }

    /// <summary>The next <c>next</c> payload of <paramref name="subscription"/> about <paramref name="reportId"/> (other tests submit too).</summary>
    private static async Task<JsonNode> NextAboutAsync(GraphQLWsTestClient live, string subscription, string reportId)
    {
        while (true)
        {
            var message = await live.ReceiveAsync();
            Assert.Equal(subscription, message["id"]?.GetValue<string>());
            Assert.Equal("next", message["type"]!.GetValue<string>());
            var report = message["payload"]!["data"]!["reportSubmitted"]!;
            if (report["id"]!.GetValue<string>() == reportId) return report;
        }
    }
}
