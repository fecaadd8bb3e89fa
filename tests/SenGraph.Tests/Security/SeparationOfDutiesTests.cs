using SenGraph.Tests.Auditing;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Security;

/// <summary>
/// PIA 8.1-8.2: administrators keep accounts but never administer their own, and no account holds System
/// Administrator together with a role that reads PII; every change of who may do what is audited with before and after.
/// </summary>
public sealed class SeparationOfDutiesTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string UpdateUser = "mutation($input: UpdateUserInput!) { updateUser(input: $input) { user { roles } errors { code path } } }";
    private const string CreateUser = "mutation($input: CreateUserInput!) { createUser(input: $input) { user { roles } errors { code path } } }";

    [Fact]
    public async Task An_administrator_cannot_grant_itself_a_role()
    {
        var payload = await UpdateAsync(host.Root(), new { userName = "root", roles = new[] { "System Administrator", "Statistics Analyst" } });

        Assert.Equal("""[{"code":"SELF_ADMINISTRATION","path":["input","roles"]}]""", payload["errors"]!.ToJsonString());
        Assert.Equal(["System Administrator"], await RolesOfAsync("root"));
    }

    [Theory]
    [InlineData("Agent")]
    [InlineData("Headquarters Agent")]
    [InlineData("Office of Professional Responsibility")]
    public async Task No_account_holds_system_administrator_with_a_role_that_reads_pii(string piiRole)
    {
        var second = "admin-" + piiRole.Split(' ')[0].ToLowerInvariant();
        var created = (await host.PostAsync(CreateUser, new { input = new { userName = second, displayName = "Second", office = "HQ-ICE", roles = new[] { "System Administrator" } } },
            host.Root())).ShouldSucceed().Data!["createUser"]!;
        Assert.Empty(created["errors"]!.AsArray());

        var granted = await UpdateAsync(host.Root(), new { userName = second, roles = new[] { "System Administrator", piiRole } });
        var both = (await host.PostAsync(CreateUser, new { input = new { userName = second + "-2", displayName = "Both", office = "HQ-ICE", roles = new[] { piiRole, "System Administrator" } } },
            host.Root())).ShouldSucceed().Data!["createUser"]!;

        Assert.Equal("""[{"code":"ROLE_CONFLICT","path":["input","roles"]}]""", granted["errors"]!.ToJsonString());
        Assert.Equal("""[{"code":"ROLE_CONFLICT","path":["input","roles"]}]""", both["errors"]!.ToJsonString());
        Assert.Equal(["System Administrator"], await RolesOfAsync(second));
    }

    [Fact]
    public async Task A_role_change_is_audited_with_the_access_profile_before_and_after()
    {
        var payload = await UpdateAsync(host.Root(), new { userName = "paula", roles = new[] { "Public Affairs Officer", "Statistics Analyst" } });

        Assert.Empty(payload["errors"]!.AsArray());
        var record = (await host.AuditRecordsAsync("{ entity: { eq: \"UserAccess\" }, recordId: { eq: \"paula\" } }"))[^1];
        Assert.Equal("root", record.Str("userName"));
        Assert.Equal("Update", record.Str("action"));
        Assert.Equal("before: office HQ-OPA; roles Public Affairs Officer; enabled; after: office HQ-OPA; roles Public Affairs Officer, Statistics Analyst; enabled",
            record.Str("details"));
    }

    private async Task<System.Text.Json.Nodes.JsonNode> UpdateAsync(string token, object input) =>
        (await host.PostAsync(UpdateUser, new { input }, token)).ShouldSucceed().Data!["updateUser"]!;

    private async Task<List<string>> RolesOfAsync(string user) =>
        (await host.PostAsync("query($u: String!) { users(where: { userName: { eq: $u } }) { nodes { roles } } }", new { u = user }, host.Root()))
        .ShouldSucceed().Data!["users"]!["nodes"]![0]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
}
