using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Security;

/// <summary>
/// While a report type's module is not loaded nobody can be told who may read its reports, so they are left out of
/// every path, as reports that do not exist, until the module is back. Its own host: it disables each shipped report
/// module in turn (SIR, OPPRED, SPEAR, SPOT) while the others stay loaded.
/// </summary>
public sealed class UnloadedReportTypeTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string Paths = """
        query($id: ID!) { node(id: $id) { id } reports(where: { id: { eq: $id } }) { totalCount } irocFeed(first: 100) { nodes { id } } myQueue(first: 100) { nodes { report { id } } } }
        """;

    private static readonly IReadOnlyDictionary<string, IMatrixReportType> Types = new Dictionary<string, IMatrixReportType>
    {
        ["sir"] = new SirUnderTest(), ["oppred"] = new OppredUnderTest(), ["spear"] = new SpearUnderTest(), ["spot"] = new SpotUnderTest(),
        ["leara"] = KitTypeUnderTest.Leara, ["erolead"] = KitTypeUnderTest.EroLead, ["erotav"] = KitTypeUnderTest.EroTav,
    };

    [Theory]
    [InlineData("sir")]
    [InlineData("oppred")]
    [InlineData("spear")]
    [InlineData("spot")]
    [InlineData("leara")]
    [InlineData("erolead")]
    [InlineData("erotav")]
    public async Task Reports_of_a_type_whose_module_is_disabled_are_left_out_until_it_is_enabled_again(string module)
    {
        var type = Types[module];
        var agent = host.TokenOf(Agent);
        var (id, version) = await DraftAsync(type, "Module goes away");
        if (type.ReviewMandatory)
        {
            version = await StepAsync("requestReportReview", agent, id, version);
            version = await StepAsync("approveReport", host.TokenOf(Supervisor), id, version);
        }
        // Named to the IROC analyst, so it is in her own queue too.
        var submitted = (await host.PostAsync("mutation($input: SubmitReportInput!) { submitReport(input: $input) { errors { code } } }",
            new { input = new { id, expectedVersion = version, recipients = new[] { new { kind = "USER", code = IrocStaff.User } } } }, agent)).ShouldSucceed();
        Assert.Empty(submitted.Data!["submitReport"]!["errors"]!.AsArray());
        var (draft, draftVersion) = await DraftAsync(type, "Draft while it is away");
        var before = (await host.PostAsync(Paths, new { id }, host.TokenOf(IrocStaff))).ShouldSucceed();
        Assert.Equal(id, before.Data!["node"]!["id"]!.GetValue<string>());
        Assert.Contains(id, Ids(before.Data!["irocFeed"]!));
        Assert.Contains(id, Ids(before.Data!["myQueue"]!, n => n["report"]!));

        await SetEnabledAsync(module, false);
        var away = (await host.PostAsync(Paths, new { id }, host.TokenOf(IrocStaff))).ShouldSucceed();
        var typed = await host.PostAsync(type.ReadQuery, new { id }, host.TokenOf(IrocStaff));
        var step = await host.PostAsync("mutation($input: ReportStepInput!) { requestReportReview(input: $input) { errors { code } } }",
            new { input = new { id = draft, expectedVersion = draftVersion } }, agent);
        await SetEnabledAsync(module, true);
        var back = (await host.PostAsync(Paths, new { id }, host.TokenOf(IrocStaff))).ShouldSucceed();

        Assert.Null(away.Data!["node"]);
        Assert.Equal(0, away.Data!["reports"]!["totalCount"]!.GetValue<int>());
        Assert.DoesNotContain(id, Ids(away.Data!["irocFeed"]!));
        Assert.DoesNotContain(id, Ids(away.Data!["myQueue"]!, n => n["report"]!));
        // The type's own query is gone with its module.
        Assert.Null(typed.Data);
        Assert.NotEmpty(typed.Errors);
        // Other report types the agent writes are still loaded: the draft is a report that does not exist.
        Assert.Equal(["NOT_FOUND"], step.ShouldSucceed().Data!["requestReportReview"]!["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()));
        Assert.Equal(before.Body, back.Body);
    }

    private async Task<(string Id, int Version)> DraftAsync(IMatrixReportType type, string title)
    {
        var created = (await host.PostAsync(type.CreateMutation, new { input = type.Input(title) }, host.TokenOf(Agent))).ShouldSucceed().Data![type.CreateField]!;
        Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
        return (created[type.PayloadField]!["id"]!.GetValue<string>(), created[type.PayloadField]!["version"]!.GetValue<int>());
    }

    private async Task<int> StepAsync(string mutation, string token, string id, int version)
    {
        var payload = (await host.PostAsync($"mutation($input: ReportStepInput!) {{ {mutation}(input: $input) {{ report {{ version }} errors {{ code }} }} }}",
            new { input = new { id, expectedVersion = version } }, token)).ShouldSucceed().Data![mutation]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload["report"]!["version"]!.GetValue<int>();
    }

    private static List<string> Ids(JsonNode connection, Func<JsonNode, JsonNode>? select = null) =>
        connection["nodes"]!.AsArray().Select(n => (select?.Invoke(n!) ?? n!)["id"]!.GetValue<string>()).ToList();

    private async Task SetEnabledAsync(string module, bool enabled)
    {
        var mutation = enabled ? "enableModule" : "disableModule";
        var response = (await host.PostAsync($$"""mutation { {{mutation}}(input: { id: "{{module}}" }) { module { status } errors { code } } }""",
            token: host.TokenOf(SystemAdministrator))).ShouldSucceed();
        Assert.Equal(enabled ? "LOADED" : "DISABLED", response.Data![mutation]!["module"]!["status"]!.GetValue<string>());
    }
}
