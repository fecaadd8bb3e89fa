using System.Net;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Agency;

[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class DirectoryMutationTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string OfficeFields = "office { code name kind organisation parent area reviewMandatory }";
    private const string UserFields = "user { userName displayName office roles disabled }";

    private Task<JsonNode> CreateOfficeAsync(object input, string? token = null) =>
        host.MutateAsync("createOffice", "CreateOfficeInput", OfficeFields, input, token ?? host.AdminToken());

    private Task<JsonNode> UpdateOfficeAsync(object input) =>
        host.MutateAsync("updateOffice", "UpdateOfficeInput", OfficeFields, input, host.AdminToken());

    private Task<JsonNode> CreateUserAsync(object input) =>
        host.MutateAsync("createUser", "CreateUserInput", UserFields, input, host.AdminToken());

    private Task<JsonNode> UpdateUserAsync(object input) =>
        host.MutateAsync("updateUser", "UpdateUserInput", UserFields, input, host.AdminToken());

    private async Task<JsonNode?> OfficeAsync(string code) =>
        (await host.PostAsync("query($code: String!) { office(code: $code) { code name kind organisation parent area reviewMandatory } }",
            new { code }, host.AgentToken())).ShouldSucceed().Data!["office"];

    private async Task<JsonNode?> UserAsync(string userName)
    {
        var response = (await host.PostAsync("{ users(first: 50, where: { userName: { eq: \"" + userName + "\" } }) { nodes { userName displayName office roles disabled } } }",
            token: host.AdminToken())).ShouldSucceed();
        return response.Data!["users"]!["nodes"]!.AsArray().SingleOrDefault();
    }

    [Fact]
    public async Task An_administrator_creates_an_office_and_codes_are_normalized()
    {
        var created = await CreateOfficeAsync(new { code = " sac-mia ", name = " HSI Special Agent in Charge Miami ", kind = "SAC", organisation = "hsi", area = "mia" });

        Assert.Empty(created.Errors());
        var office = created["office"]!;
        Assert.Equal("SAC-MIA", office["code"]!.GetValue<string>());
        Assert.Equal("HSI Special Agent in Charge Miami", office["name"]!.GetValue<string>());
        Assert.Equal("HSI", office["organisation"]!.GetValue<string>());
        Assert.Equal("MIA", office["area"]!.GetValue<string>());
        Assert.False(office["reviewMandatory"]!.GetValue<bool>());
        Assert.Equal("SAC", (await OfficeAsync("SAC-MIA"))!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rac_takes_the_area_of_its_sac()
    {
        Assert.Empty((await CreateOfficeAsync(new { code = "SAC-SEA", name = "HSI SAC Seattle", kind = "SAC", organisation = "HSI", area = "SEA" })).Errors());

        var rac = await CreateOfficeAsync(new { code = "RAC-SPK", name = "HSI RAC Spokane", kind = "RAC", organisation = "HSI", parent = "SAC-SEA", reviewMandatory = true });

        Assert.Empty(rac.Errors());
        Assert.Equal("SEA", rac["office"]!["area"]!.GetValue<string>());
        Assert.Equal("SAC-SEA", rac["office"]!["parent"]!.GetValue<string>());
        Assert.True(rac["office"]!["reviewMandatory"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Invalid_offices_get_every_error_and_nothing_is_written()
    {
        var bad = await CreateOfficeAsync(new { code = "SAC NYC!", name = " ", kind = "FOD", organisation = "NOPE", area = "1X" });
        var duplicate = await CreateOfficeAsync(new { code = "sac-nyc", name = "Again", kind = "SAC", organisation = "HSI", area = "NYC" });
        var orphanRac = await CreateOfficeAsync(new { code = "RAC-XYZ", name = "Nowhere", kind = "RAC", organisation = "HSI" });
        var racUnderFod = await CreateOfficeAsync(new { code = "RAC-XYW", name = "Nowhere", kind = "RAC", organisation = "HSI", parent = "FOD-NYC", area = "NYC" });
        var racElsewhere = await CreateOfficeAsync(new { code = "RAC-XYV", name = "Nowhere", kind = "RAC", organisation = "HSI", parent = "SAC-NYC", area = "BOS" });
        var unknownParent = await CreateOfficeAsync(new { code = "FIG-XYU", name = "Nowhere", kind = "FIG", organisation = "HSI", parent = "SAC-NOWHERE", area = "XYU" });
        var noArea = await CreateOfficeAsync(new { code = "FIG-XYT", name = "Nowhere", kind = "FIG", organisation = "HSI" });
        var tooLong = await CreateOfficeAsync(new { code = "HQ-LONG", name = new string('n', 201), kind = "HQ", organisation = "ICE" });

        Assert.Equal(
            [("INVALID_CODE", "input.code"), ("REQUIRED", "input.name"), ("UNKNOWN_ORGANISATION", "input.organisation"), ("INVALID_AREA", "input.area")],
            bad.Errors());
        Assert.Equal([("DUPLICATE", "input.code")], duplicate.Errors());
        Assert.Equal([("REQUIRED", "input.parent"), ("REQUIRED", "input.area")], orphanRac.Errors());
        Assert.Equal([("INVALID_PARENT", "input.parent")], racUnderFod.Errors());
        Assert.Equal([("AREA_MISMATCH", "input.area")], racElsewhere.Errors());
        Assert.Equal([("UNKNOWN_OFFICE", "input.parent")], unknownParent.Errors());
        Assert.Equal([("REQUIRED", "input.area")], noArea.Errors());
        Assert.Equal([("TOO_LONG", "input.name")], tooLong.Errors());
        foreach (var payload in new[] { bad, duplicate, orphanRac, racUnderFod, racElsewhere, unknownParent, noArea, tooLong })
            Assert.Null(payload["office"]);
        foreach (var code in new[] { "RAC-XYZ", "RAC-XYW", "RAC-XYV", "FIG-XYU", "FIG-XYT", "HQ-LONG" })
            Assert.Null(await OfficeAsync(code));
        Assert.Equal("HSI Special Agent in Charge New York", (await OfficeAsync("SAC-NYC"))!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_office_update_changes_only_the_fields_sent()
    {
        Assert.Empty((await CreateOfficeAsync(new { code = "HQ-TEMP", name = "Temporary", kind = "HQ", organisation = "ICE", area = "DC" })).Errors());

        var updated = await UpdateOfficeAsync(new { code = "hq-temp", name = "Temporary Office", reviewMandatory = true, area = (string?)null });

        Assert.Empty(updated.Errors());
        var office = await OfficeAsync("HQ-TEMP");
        Assert.Equal("Temporary Office", office!["name"]!.GetValue<string>());
        Assert.True(office["reviewMandatory"]!.GetValue<bool>());
        Assert.Null(office["area"]);
        Assert.Equal("HQ", office["kind"]!.GetValue<string>());
        Assert.Equal("ICE", office["organisation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Office_updates_that_would_break_the_directory_are_refused()
    {
        var missing = await UpdateOfficeAsync(new { code = "SAC-NOWHERE", name = "x" });
        var sacWithRacs = await UpdateOfficeAsync(new { code = "SAC-NYC", kind = "FOD" });
        var sacMoved = await UpdateOfficeAsync(new { code = "SAC-NYC", area = "BOS" });
        var cycle = await UpdateOfficeAsync(new { code = "SAC-NYC", parent = "RAC-ALB" });
        var self = await UpdateOfficeAsync(new { code = "FOD-NYC", parent = "FOD-NYC" });
        var racLosesParent = await UpdateOfficeAsync(new { code = "RAC-ALB", parent = (string?)null });
        var nullKind = await UpdateOfficeAsync(new { code = "FOD-NYC", kind = (string?)null, organisation = "NOPE" });

        Assert.Equal([("NOT_FOUND", "input.code")], missing.Errors());
        Assert.Equal([("OFFICE_IN_USE", "input.kind")], sacWithRacs.Errors());
        Assert.Equal([("AREA_MISMATCH", "input.area")], sacMoved.Errors());
        Assert.Equal([("INVALID_PARENT", "input.parent")], cycle.Errors());
        Assert.Equal([("INVALID_PARENT", "input.parent")], self.Errors());
        Assert.Equal([("REQUIRED", "input.parent")], racLosesParent.Errors());
        Assert.Equal([("REQUIRED", "input.kind"), ("UNKNOWN_ORGANISATION", "input.organisation")], nullKind.Errors());
        var sac = await OfficeAsync("SAC-NYC");
        Assert.Equal(("SAC", "NYC"), (sac!["kind"]!.GetValue<string>(), sac["area"]!.GetValue<string>()));
        Assert.Null(sac["parent"]);
        Assert.Equal("SAC-NYC", (await OfficeAsync("RAC-ALB"))!["parent"]!.GetValue<string>());
        Assert.Null((await OfficeAsync("FOD-NYC"))!["parent"]);
    }

    [Fact]
    public async Task An_administrator_creates_a_user()
    {
        var created = await CreateUserAsync(new { userName = " Nina ", displayName = "Nina New Agent", office = "rac-alb", roles = new[] { "agent", "Supervisor", "Agent" } });

        Assert.Empty(created.Errors());
        Assert.Equal("nina", created["user"]!["userName"]!.GetValue<string>());
        Assert.Equal("RAC-ALB", created["user"]!["office"]!.GetValue<string>());
        Assert.Equal(["Agent", "Supervisor"], created["user"]!["roles"].Strings());
        Assert.False(created["user"]!["disabled"]!.GetValue<bool>());
        var me = (await host.PostAsync("{ me { displayName } }", token: host.Token("nina", "Agent", "RAC-ALB"))).ShouldSucceed();
        Assert.Equal("Nina New Agent", me.Data!["me"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_users_get_every_error_and_nothing_is_written()
    {
        var bad = await CreateUserAsync(new { userName = "bad name!", displayName = "", office = "NOWHERE-1", roles = new[] { "Agent", "Wizard" } });
        var duplicate = await CreateUserAsync(new { userName = "ALICE", displayName = "Another Alice", office = "SAC-NYC", roles = new[] { "Agent" } });
        var noRoles = await CreateUserAsync(new { userName = "norole", displayName = "No Role", office = "SAC-NYC", roles = Array.Empty<string>() });
        var badOffice = await CreateUserAsync(new { userName = "badoffice", displayName = "Bad Office", office = "sac nyc", roles = new[] { "Agent" } });

        Assert.Equal(
            [("INVALID_USER_NAME", "input.userName"), ("REQUIRED", "input.displayName"), ("UNKNOWN_OFFICE", "input.office"), ("UNKNOWN_ROLE", "input.roles.1")],
            bad.Errors());
        Assert.Equal([("DUPLICATE", "input.userName")], duplicate.Errors());
        Assert.Equal([("REQUIRED", "input.roles")], noRoles.Errors());
        Assert.Equal([("INVALID_CODE", "input.office")], badOffice.Errors());
        Assert.Null(await UserAsync("norole"));
        Assert.Null(await UserAsync("badoffice"));
        Assert.Equal("Alice Agent", (await UserAsync("alice"))!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_administrator_changes_roles_office_and_disables_a_user()
    {
        Assert.Empty((await CreateUserAsync(new { userName = "mover", displayName = "Mover", office = "SAC-NYC", roles = new[] { "Agent" } })).Errors());

        var promoted = await UpdateUserAsync(new { userName = "MOVER", roles = new[] { "Supervisor", "Office Manager" }, office = "SAC-BOS" });
        var disabled = await UpdateUserAsync(new { userName = "mover", disabled = true });

        Assert.Empty(promoted.Errors());
        Assert.Empty(disabled.Errors());
        var user = await UserAsync("mover");
        Assert.Equal(["Supervisor", "Office Manager"], user!["roles"].Strings());
        Assert.Equal("SAC-BOS", user["office"]!.GetValue<string>());
        Assert.Equal("Mover", user["displayName"]!.GetValue<string>());
        Assert.True(user["disabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Invalid_user_updates_change_nothing()
    {
        var missing = await UpdateUserAsync(new { userName = "nobody", disabled = true });
        var bad = await UpdateUserAsync(new { userName = "sam", roles = new[] { "Supervisor", "Overlord" }, office = "SAC-NOWHERE", displayName = " " });
        var noRoles = await UpdateUserAsync(new { userName = "sam", roles = Array.Empty<string>() });

        Assert.Equal([("NOT_FOUND", "input.userName")], missing.Errors());
        Assert.Equal([("REQUIRED", "input.displayName"), ("UNKNOWN_OFFICE", "input.office"), ("UNKNOWN_ROLE", "input.roles.1")], bad.Errors());
        Assert.Equal([("REQUIRED", "input.roles")], noRoles.Errors());
        var sam = await UserAsync("sam");
        Assert.Equal(("Sam Supervisor", "SAC-NYC"), (sam!["displayName"]!.GetValue<string>(), sam["office"]!.GetValue<string>()));
        Assert.Equal(["Supervisor"], sam["roles"].Strings());
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_disabled_or_demoted()
    {
        var disable = await UpdateUserAsync(new { userName = "root", disabled = true });
        var demote = await UpdateUserAsync(new { userName = "root", roles = new[] { "Agent" } });

        Assert.Equal([("LAST_ADMINISTRATOR", "input.disabled")], disable.Errors());
        Assert.Equal([("LAST_ADMINISTRATOR", "input.roles")], demote.Errors());
        var root = await UserAsync("root");
        Assert.False(root!["disabled"]!.GetValue<bool>());
        Assert.Equal(["System Administrator"], root["roles"].Strings());
    }

    [Theory]
    [InlineData("createOffice", "CreateOfficeInput", "{ \"code\": \"HQ-X\", \"name\": \"x\", \"kind\": \"HQ\", \"organisation\": \"ICE\" }")]
    [InlineData("updateOffice", "UpdateOfficeInput", "{ \"code\": \"SAC-NYC\", \"name\": \"Taken over\" }")]
    [InlineData("createUser", "CreateUserInput", "{ \"userName\": \"intruder\", \"displayName\": \"x\", \"office\": \"SAC-NYC\", \"roles\": [\"System Administrator\"] }")]
    [InlineData("updateUser", "UpdateUserInput", "{ \"userName\": \"alice\", \"roles\": [\"System Administrator\"] }")]
    public async Task Directory_mutations_are_for_administrators_only(string mutation, string inputType, string inputJson)
    {
        var query = $"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ errors {{ code }} }} }}";
        var variables = new { input = JsonNode.Parse(inputJson) };

        var agent = await host.PostAsync(query, variables, host.Token("sam", "Supervisor,Office Manager,IROC Staff", "SAC-NYC"));
        var anonymous = await host.PostAsync(query, variables);

        Assert.Equal(HttpStatusCode.Forbidden, agent.Status);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], agent.ErrorCodes);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Null(await OfficeAsync("HQ-X"));
        Assert.Equal("HSI Special Agent in Charge New York", (await OfficeAsync("SAC-NYC"))!["name"]!.GetValue<string>());
        Assert.Null(await UserAsync("intruder"));
        Assert.Equal(["Agent"], (await UserAsync("alice"))!["roles"].Strings());
    }
}
