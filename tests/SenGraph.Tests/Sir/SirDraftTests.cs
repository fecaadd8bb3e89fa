using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Sir;

public sealed class SirDraftTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string Fields = "id status title narrative eventAt eventCity eventState author office version";

    private async Task<JsonNode> CreateAsync(string token, object input)
    {
        var response = (await host.PostAsync(
            $"mutation($input: CreateSirDraftInput!) {{ createSirDraft(input: $input) {{ sir {{ {Fields} }} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed();
        return response.Data!["createSirDraft"]!;
    }

    private async Task<JsonNode> UpdateAsync(string token, object input)
    {
        var response = (await host.PostAsync(
            $"mutation($input: UpdateSirDraftInput!) {{ updateSirDraft(input: $input) {{ sir {{ {Fields} }} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed();
        return response.Data!["updateSirDraft"]!;
    }

    [Fact]
    public async Task A_draft_is_created_edited_read_back_and_listed()
    {
        var token = host.Token("roundtrip-agent", "Agent", "SAC-NYC");

        var created = await CreateAsync(token, new { title = "  Significant arrest at JFK ", eventAt = "2026-11-20T14:30:00Z", eventCity = "New York", eventState = "ny" });
        Assert.Empty(created["errors"]!.AsArray());
        var sir = created["sir"]!;
        Assert.Equal("Significant arrest at JFK", sir["title"]!.GetValue<string>());
        Assert.Equal("NY", sir["eventState"]!.GetValue<string>());
        Assert.Equal("DRAFT", sir["status"]!.GetValue<string>());
        Assert.Equal("roundtrip-agent", sir["author"]!.GetValue<string>());
        Assert.Equal("SAC-NYC", sir["office"]!.GetValue<string>());
        Assert.Equal(1, sir["version"]!.GetValue<int>());
        var id = sir["id"]!.GetValue<string>();

        var updated = await UpdateAsync(token, new { id, expectedVersion = 1, title = "Significant arrest at JFK Terminal 4", narrative = "Subject detained.", eventState = "NY" });
        Assert.Empty(updated["errors"]!.AsArray());
        Assert.Equal(2, updated["sir"]!["version"]!.GetValue<int>());

        var read = (await host.PostAsync($"query($id: ID!) {{ sir(id: $id) {{ {Fields} }} }}", new { id }, token)).ShouldSucceed();
        Assert.Equal("Significant arrest at JFK Terminal 4", read.Data!["sir"]!["title"]!.GetValue<string>());
        Assert.Equal("Subject detained.", read.Data!["sir"]!["narrative"]!.GetValue<string>());
        Assert.Null(read.Data!["sir"]!["eventCity"]);

        var list = (await host.PostAsync("{ mySirDrafts { id title } }", token: token)).ShouldSucceed();
        var only = Assert.Single(list.Data!["mySirDrafts"]!.AsArray());
        Assert.Equal(id, only!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_fields_get_field_level_errors_and_nothing_is_stored()
    {
        var token = host.Token("careless-agent", "Agent");

        var created = await CreateAsync(token, new { title = " ", eventState = "XX", eventAt = DateTimeOffset.UtcNow.AddDays(2), eventCity = new string('c', 101) });

        Assert.Null(created["sir"]);
        var errors = created["errors"]!.AsArray().Select(e => (e!["code"]!.GetValue<string>(), string.Join(".", e["path"]!.AsArray().Select(p => p!.GetValue<string>())))).ToList();
        Assert.Contains(("REQUIRED", "input.title"), errors);
        Assert.Contains(("INVALID_STATE", "input.eventState"), errors);
        Assert.Contains(("IN_FUTURE", "input.eventAt"), errors);
        Assert.Contains(("TOO_LONG", "input.eventCity"), errors);
        var list = (await host.PostAsync("{ mySirDrafts { id } }", token: token)).ShouldSucceed();
        Assert.Empty(list.Data!["mySirDrafts"]!.AsArray());
    }

    [Fact]
    public async Task A_stale_edit_gets_a_conflict_and_the_newer_edit_is_kept()
    {
        var token = host.Token("racing-agent", "Agent");
        var id = (await CreateAsync(token, new { title = "Original" }))["sir"]!["id"]!.GetValue<string>();
        Assert.Empty((await UpdateAsync(token, new { id, expectedVersion = 1, title = "First edit" }))["errors"]!.AsArray());

        var stale = await UpdateAsync(token, new { id, expectedVersion = 1, title = "Stale edit" });

        Assert.Null(stale["sir"]);
        var conflict = Assert.Single(stale["errors"]!.AsArray())!;
        Assert.Equal("CONFLICT", conflict["code"]!.GetValue<string>());
        Assert.Equal(["input", "expectedVersion"], conflict["path"]!.AsArray().Select(p => p!.GetValue<string>()));
        var read = (await host.PostAsync("query($id: ID!) { sir(id: $id) { title version } }", new { id }, token)).ShouldSucceed();
        Assert.Equal("First edit", read.Data!["sir"]!["title"]!.GetValue<string>());
        Assert.Equal(2, read.Data!["sir"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_user_can_neither_read_nor_edit_a_draft()
    {
        var id = (await CreateAsync(host.Token("owner-agent", "Agent"), new { title = "Mine" }))["sir"]!["id"]!.GetValue<string>();
        var other = host.Token("other-agent", "Agent");

        var read = (await host.PostAsync("query($id: ID!) { sir(id: $id) { id } }", new { id }, other)).ShouldSucceed();
        var edit = await UpdateAsync(other, new { id, expectedVersion = 1, title = "Hijacked" });

        Assert.Null(read.Data!["sir"]);
        Assert.Equal("NOT_FOUND", edit["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_id_is_a_request_error_not_a_crash()
    {
        var response = await host.PostAsync("query($id: ID!) { sir(id: $id) { id } }", new { id = "not-a-guid" }, host.Token());

        Assert.Null(response.Data?["sir"]);
        Assert.NotEmpty(response.Errors);
        Assert.DoesNotContain("   at ", response.Body);
    }
}
