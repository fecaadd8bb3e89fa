using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Security;

/// <summary>
/// While a report type's module is not loaded nobody can be told who may read its reports, so they are left out of
/// every path, as reports that do not exist, until the module is back. Its own host: it disables the SIR module.
/// </summary>
public sealed class UnloadedReportTypeTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string Paths = """
        query($id: ID!) { node(id: $id) { id } reports(where: { id: { eq: $id } }) { totalCount } irocFeed { totalCount } myQueue { totalCount } }
        """;

    [Fact]
    public async Task Reports_of_a_type_whose_module_is_disabled_are_left_out_until_it_is_enabled_again()
    {
        var (id, version) = await host.DraftAsync(host.TokenOf(Agent), "Module goes away");
        await host.StepOkAsync("submitReport", host.TokenOf(Agent), new { id, expectedVersion = version });
        var (draft, draftVersion) = await host.DraftAsync(host.TokenOf(Agent), "Draft while it is away");
        var before = (await host.PostAsync(Paths, new { id }, host.TokenOf(IrocStaff))).ShouldSucceed();
        Assert.Equal(id, before.Data!["node"]!["id"]!.GetValue<string>());

        await SetEnabledAsync(false);
        var away = (await host.PostAsync(Paths, new { id }, host.TokenOf(IrocStaff))).ShouldSucceed();
        var step = await host.PostAsync("mutation($input: ReportStepInput!) { requestReportReview(input: $input) { errors { code } } }",
            new { input = new { id = draft, expectedVersion = draftVersion } }, host.TokenOf(Agent));
        await SetEnabledAsync(true);
        var back = (await host.PostAsync(Paths, new { id }, host.TokenOf(IrocStaff))).ShouldSucceed();

        Assert.Null(away.Data!["node"]);
        Assert.Equal(0, away.Data!["reports"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, away.Data!["irocFeed"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, away.Data!["myQueue"]!["totalCount"]!.GetValue<int>());
        // No type is loaded that the agent could write: the step is refused before it looks for the report.
        Assert.Contains("AUTH_NOT_AUTHORIZED", step.ErrorCodes);
        Assert.Equal(before.Body, back.Body);
    }

    private async Task SetEnabledAsync(bool enabled)
    {
        var mutation = enabled ? "enableModule" : "disableModule";
        var response = (await host.PostAsync($$"""mutation { {{mutation}}(input: { id: "sir" }) { module { status } errors { code } } }""",
            token: host.TokenOf(SystemAdministrator))).ShouldSucceed();
        Assert.Equal(enabled ? "LOADED" : "DISABLED", response.Data![mutation]!["module"]!["status"]!.GetValue<string>());
    }
}
