using System.Net;
using SenGraph.Contracts.Agency;
using SenGraph.Tests.Contract;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Agency;

[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class DirectoryQueryTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    [Fact]
    public async Task The_development_directory_is_seeded_with_two_areas_and_the_iroc()
    {
        var response = (await host.PostAsync("{ offices(first: 200) { nodes { code kind organisation parent area reviewMandatory } } organisations { code name } }",
            token: host.AgentToken())).ShouldSucceed();

        var offices = response.Data!["offices"]!["nodes"]!.AsArray().ToDictionary(o => o!["code"]!.GetValue<string>());
        foreach (var code in new[] { "SAC-NYC", "RAC-ALB", "FOD-NYC", "FIG-NYC", "SAC-BOS", "RAC-PVD", "FOD-BOS", "FIG-BOS", "IROC-HQ" })
            Assert.True(offices.ContainsKey(code), $"{code} is not seeded");
        Assert.Equal("RAC", offices["RAC-ALB"]!["kind"]!.GetValue<string>());
        Assert.Equal("SAC-NYC", offices["RAC-ALB"]!["parent"]!.GetValue<string>());
        Assert.Equal("NYC", offices["RAC-ALB"]!["area"]!.GetValue<string>());
        Assert.True(offices["SAC-NYC"]!["reviewMandatory"]!.GetValue<bool>());
        Assert.Equal("IROC", offices["IROC-HQ"]!["kind"]!.GetValue<string>());
        Assert.Null(offices["IROC-HQ"]!["area"]);
        Assert.Equal(["ERO", "HSI", "ICE", "IROC"], response.Data!["organisations"]!.AsArray().Select(o => o!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_role_of_the_pia_has_a_seeded_user_and_administrators_can_list_them()
    {
        var response = (await host.PostAsync("{ users(first: 50) { totalCount nodes { userName displayName office roles disabled } } }",
            token: host.AdminToken())).ShouldSucceed();

        var users = response.Data!["users"]!["nodes"]!.AsArray();
        var roles = users.SelectMany(u => u!["roles"].Strings()).ToHashSet();
        Assert.All(PublicContractTests.Roles, role => Assert.Contains(role, roles));
        var alice = users.Single(u => u!["userName"]!.GetValue<string>() == "alice")!;
        Assert.Equal("SAC-NYC", alice["office"]!.GetValue<string>());
        Assert.Equal(["Agent"], alice["roles"].Strings());
        Assert.True(users.Single(u => u!["userName"]!.GetValue<string>() == "dave")!["disabled"]!.GetValue<bool>());
        Assert.Equal(["System Administrator"], users.Single(u => u!["userName"]!.GetValue<string>() == "root")!["roles"].Strings());
    }

    [Fact]
    public async Task Users_are_for_administrators_only()
    {
        var response = await host.PostAsync("{ users { nodes { userName } } }", token: host.Token("sam", "Supervisor,Office Manager", "SAC-NYC"));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Directory_reads_need_authentication()
    {
        var response = await host.PostAsync("{ offices { nodes { code } } organisations { code } me { userName } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.All(response.ErrorCodes, code => Assert.Equal("AUTH_NOT_AUTHENTICATED", code));
    }

    [Fact]
    public async Task Me_is_the_token_with_the_display_name_from_the_directory()
    {
        var known = (await host.PostAsync("{ me { userName displayName office roles } }", token: host.Token("iris", "IROC Staff", "IROC-HQ"))).ShouldSucceed();
        var unknown = (await host.PostAsync("{ me { userName displayName office roles } }", token: host.Token("stranger", "Agent,Supervisor", "SAC-BOS"))).ShouldSucceed();

        Assert.Equal("iris", known.Data!["me"]!["userName"]!.GetValue<string>());
        Assert.Equal("Iris IROC Analyst", known.Data!["me"]!["displayName"]!.GetValue<string>());
        Assert.Equal("IROC-HQ", known.Data!["me"]!["office"]!.GetValue<string>());
        Assert.Equal(["IROC Staff"], known.Data!["me"]!["roles"].Strings());
        Assert.Null(unknown.Data!["me"]!["displayName"]);
        Assert.Equal(["Agent", "Supervisor"], unknown.Data!["me"]!["roles"].Strings());
    }

    [Fact]
    public async Task Offices_can_be_filtered_and_fetched_by_code()
    {
        var response = (await host.PostAsync(
            "{ offices(where: { kind: { eq: FOD } }, order: [{ code: DESC }]) { nodes { code } } office(code: \"rac-alb\") { code name parent } missing: office(code: \"NOPE-1\") { code } }",
            token: host.AgentToken())).ShouldSucceed();

        var fods = response.Data!["offices"]!["nodes"]!.AsArray().Select(o => o!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("FOD-NYC", fods);
        Assert.Contains("FOD-BOS", fods);
        Assert.All(fods, code => Assert.StartsWith("FOD-", code));
        Assert.Equal(fods.OrderByDescending(c => c, StringComparer.Ordinal), fods);
        Assert.Equal("SAC-NYC", response.Data!["office"]!["parent"]!.GetValue<string>());
        Assert.Null(response.Data!["missing"]);
    }
}
