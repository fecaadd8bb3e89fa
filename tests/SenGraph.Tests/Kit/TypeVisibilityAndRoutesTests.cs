using System.Text.Json.Nodes;
using SenGraph.Tests.Agency;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Kit;

/// <summary>
/// Per-type visibility and routes, through the kit probe module: its type is read by every user who may read it
/// (<c>SubmittedReaders.Everyone</c>, as SPOT), routed to headquarters and to every office of the kind the module
/// declares (<c>IOU</c>, as ERO LEADs to the Intelligence Operations Unit). SIR keeps the default.
/// </summary>
public sealed class TypeVisibilityAndRoutesTests(KitTypesHost host) : IClassFixture<KitTypesHost>
{
    [Fact]
    public async Task A_module_declared_office_kind_joins_the_OfficeKind_enum_with_its_description_and_offices_of_it_can_be_created()
    {
        var kinds = (await host.PostAsync("""{ __type(name: "OfficeKind") { enumValues { name description } } }""")).ShouldSucceed()
            .Data!["__type"]!["enumValues"]!.AsArray();
        Assert.Equal(["SAC", "RAC", "FOD", "FIG", "IROC", "HQ", "IOU", "PARTNER"], kinds.Select(k => k!["name"]!.GetValue<string>()));
        Assert.StartsWith("ERO Intelligence Operations Unit", kinds[^2]!["description"]!.GetValue<string>()); // PARTNER: the shipped ERO LEAD module's

        var created = await host.MutateAsync("createOffice", "CreateOfficeInput", "office { code kind area }",
            new { code = "IOU-KIT1", name = "ERO Intelligence Operations Unit", kind = "IOU", organisation = "ERO" }, host.AdminToken());
        Assert.Empty(created.Errors());
        Assert.Equal("IOU", created["office"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_submitted_report_reaches_every_headquarters_office_and_every_office_of_the_module_kind_it_is_routed_to()
    {
        Assert.Empty((await host.MutateAsync("createOffice", "CreateOfficeInput", "office { code }",
            new { code = "IOU-KIT2", name = "ERO IOU (routing)", kind = "IOU", organisation = "ERO" }, host.AdminToken())).Errors());
        var bob = host.Token("bob", "Agent", "SAC-BOS");
        var id = await host.SubmitProbeAsync(bob, "Routed probe");

        var recipients = (await host.PostAsync("query($id: ID!) { node(id: $id) { ... on Report { recipients { code reason } } } }", new { id }, bob))
            .ShouldSucceed().Data!["node"]!["recipients"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(["HQ-HSI", "HQ-ICE", "HQ-OPA", "HQ-OPR"], recipients.Where(c => c.StartsWith("HQ-", StringComparison.Ordinal)));
        Assert.Contains("IOU-KIT2", recipients);
        Assert.DoesNotContain("IROC-HQ", recipients); // routed to headquarters, not to the IROC
        Assert.DoesNotContain("SAC-BOS", recipients);

        var unitAnalyst = host.Token("kit-iou-analyst", "Agent", "IOU-KIT2");
        var queue = (await host.PostAsync("{ myQueue(first: 50) { nodes { report { id } } } }", token: unitAnalyst)).ShouldSucceed();
        Assert.Contains(queue.Data!["myQueue"]!["nodes"]!.AsArray(), n => n!["report"]!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task Every_reader_of_a_type_read_by_everyone_sees_its_submitted_reports_from_any_office_but_not_its_drafts()
    {
        var bob = host.Token("bob", "Agent", "SAC-BOS");
        var submitted = await host.SubmitProbeAsync(bob, "Seen by every reader");
        var draft = (await host.PostAsync("""mutation { createKitProbe(input: { title: "Still a draft", outcome: ONGOING }) { kitProbe { id } } }""", token: bob))
            .ShouldSucceed().Data!["createKitProbe"]!["kitProbe"]!["id"]!.GetValue<string>();

        // An agent of another office, neither author nor recipient.
        var alice = host.Token("alice", "Agent", "SAC-NYC");
        Assert.Contains(submitted, await host.IdsAsync(alice, "reports"));
        Assert.Contains(submitted, await host.IdsAsync(alice, "kitProbes"));
        Assert.NotNull(await host.NodeAsync(alice, submitted));
        Assert.DoesNotContain(draft, await host.IdsAsync(alice, "reports"));
        Assert.Null(await host.NodeAsync(alice, draft));

        // The type's read policy still decides who reads the type at all.
        var analyst = host.Token("kit-statistics", "Statistics Analyst", "HQ-ICE");
        Assert.Null((await host.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = submitted }, analyst)).Data?["node"]);
    }

    [Fact]
    public async Task A_sir_keeps_the_default_a_submitted_sir_from_another_office_is_not_read_by_an_agent_but_is_by_the_iroc()
    {
        var bob = host.Token("bob", "Agent", "SAC-BOS");
        var (id, version) = await host.DraftAsync(bob, "SIR with the default readers");
        await host.StepOkAsync("submitReport", bob, new { id, expectedVersion = version });

        Assert.Null(await host.NodeAsync(host.Token("alice", "Agent", "SAC-NYC"), id));
        var iris = host.Token("iris", "IROC Staff", "IROC-HQ");
        Assert.NotNull(await host.NodeAsync(iris, id));
        Assert.Contains(id, await host.IdsAsync(iris, "irocFeed"));
    }

    [Fact]
    public async Task The_iroc_feed_holds_submitted_reports_of_a_type_read_by_everyone()
    {
        var id = await host.SubmitProbeAsync(host.Token("bob", "Agent", "SAC-BOS"), "In the feed");
        Assert.Contains(id, await host.IdsAsync(host.Token("iris", "IROC Staff", "IROC-HQ"), "irocFeed"));
    }
}
