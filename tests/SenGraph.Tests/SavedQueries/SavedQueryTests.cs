using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.SavedQueries;

/// <summary>
/// Saved queries: an analyst saves a named, described operation, shares it with a role or an office, and users
/// list and run it by name with variables; documents are validated on save and flagged BROKEN when a module change
/// makes them invalid (and VALID again when it comes back).
/// </summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class SavedQueryTests : IDisposable
{
    private const string Save = "mutation($input: SaveQueryInput!) { saveQuery(input: $input) { savedQuery { name description owner sharedWithRoles sharedWithOffices status problems version } errors { code message path } } }";
    private const string ByTitle = "query SirsByTitle($title: String!) { sirs(where: { title: { contains: $title } }) { totalCount nodes { title } } }";

    private readonly TestHost _host = new(new PluginsFolder().WithShippedModules(), settings: TestHost.AcceptingUnknownUsers());

    public void Dispose() => _host.Dispose();

    private async Task<JsonNode> SaveAsync(string token, object input) =>
        (await _host.PostAsync(Save, new { input }, token)).ShouldSucceed().Data!["saveQuery"]!;

    /// <summary>Runs a saved query by name, as a client does: a POST with <c>documentId</c> and no query text.</summary>
    private Task<GraphQLResponse> RunAsync(string name, object? variables, string? token) =>
        _host.SendAsync(HttpMethod.Post, "/graphql", System.Text.Json.JsonSerializer.Serialize(new { documentId = $"saved:{name}", variables }), "application/json", token);

    [Fact]
    public async Task An_analyst_saves_shares_and_others_run_it_by_name_with_variables_under_their_own_rights()
    {
        var agent = _host.TokenOf(Agent);
        await _host.DraftAsync(agent, "Saved query target one");
        var saved = await SaveAsync(_host.TokenOf(HeadquartersAgent), new
        {
            name = "SirsByTitle", description = "SIRs whose title holds a text.", document = ByTitle,
            shareWithRoles = new[] { "agent" }, shareWithOffices = new[] { IrocStaff.Office },
        });

        Assert.Empty(saved["errors"]!.AsArray());
        Assert.Equal("VALID", saved["savedQuery"]!["status"]!.GetValue<string>());
        Assert.Equal(HeadquartersAgent.User, saved["savedQuery"]!["owner"]!.GetValue<string>());
        Assert.Equal("Agent", saved["savedQuery"]!["sharedWithRoles"]![0]!.GetValue<string>());

        // The agent (shared by role) runs it and sees their own office's draft; the IROC (shared by office) runs it too.
        var asAgent = (await RunAsync("sirsbytitle", new { title = "Saved query target" }, agent)).ShouldSucceed();
        Assert.Equal(1, asAgent.Data!["sirs"]!["totalCount"]!.GetValue<int>());
        var listed = (await _host.PostAsync("{ savedQueries { nodes { name owner description } } }", token: _host.TokenOf(IrocStaff))).ShouldSucceed();
        Assert.Equal("SirsByTitle", listed.Data!["savedQueries"]!["nodes"]![0]!["name"]!.GetValue<string>());
        var asIroc = (await RunAsync("SirsByTitle", new { title = "Saved query target" }, _host.TokenOf(IrocStaff))).ShouldSucceed();
        Assert.Equal(0, asIroc.Data!["sirs"]!["totalCount"]!.GetValue<int>()); // a draft of another office: not theirs to see

        // Not shared with OPR: not listed, and a run is refused as if it did not exist.
        var opr = _host.TokenOf(ProfessionalResponsibility);
        var none = (await _host.PostAsync("{ savedQuery(name: \"SirsByTitle\") { name } savedQueries { totalCount } }", token: opr)).ShouldSucceed();
        Assert.Null(none.Data!["savedQuery"]);
        Assert.Equal(0, none.Data!["savedQueries"]!["totalCount"]!.GetValue<int>());
        var refused = await RunAsync("SirsByTitle", new { title = "x" }, opr);
        Assert.Equal("SAVED_QUERY_NOT_FOUND", refused.ErrorCodes.Single());
        Assert.Equal("SAVED_QUERY_NOT_FOUND", (await RunAsync("SirsByTitle", new { title = "x" }, token: null)).ErrorCodes.Single());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_typed_errors_and_nothing_is_saved()
    {
        var token = _host.TokenOf(HeadquartersAgent);
        var bad = await SaveAsync(token, new { name = "1 bad name", document = "{ sirs { nope } }", shareWithRoles = new[] { "Wizard" }, shareWithOffices = new[] { "NO-SUCH" } });

        var codes = bad["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["INVALID_DOCUMENT", "INVALID_NAME", "UNKNOWN_OFFICE", "UNKNOWN_ROLE"], codes);
        Assert.Null(bad["savedQuery"]);
        Assert.Contains("nope", bad["errors"]!.AsArray().Single(e => e!["code"]!.GetValue<string>() == "INVALID_DOCUMENT")!["message"]!.GetValue<string>());
        var two = await SaveAsync(token, new { name = "Two", document = "query A { me { userName } } query B { me { userName } }" });
        Assert.Equal("INVALID_DOCUMENT", two["errors"]![0]!["code"]!.GetValue<string>());
        var syntax = await SaveAsync(token, new { name = "Broken", document = "{ sirs { " });
        Assert.Equal("INVALID_DOCUMENT", syntax["errors"]![0]!["code"]!.GetValue<string>());
        // A document no request could run (a fragment bomb over the cost limit) is not saved as VALID.
        var bomb = "query Bomb { ...F0 }\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i =>
            i == 29 ? $"fragment F{i} on Query {{ sirs(first: 100) {{ nodes {{ title }} }} }}" : $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}"));
        var costly = await SaveAsync(token, new { name = "Bomb", document = bomb });
        Assert.Null(costly["savedQuery"]);
        Assert.Equal("INVALID_DOCUMENT", costly["errors"]![0]!["code"]!.GetValue<string>());
        var count = (await _host.PostAsync("{ savedQueries { totalCount } }", token: token)).ShouldSucceed();
        Assert.Equal(0, count.Data!["savedQueries"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Only_the_owner_changes_or_deletes_and_a_stale_version_is_a_conflict()
    {
        var owner = _host.TokenOf(HeadquartersAgent);
        var first = await SaveAsync(owner, new { name = "Mine", document = "{ me { userName } }", shareWithRoles = new[] { "Agent" } });
        var version = first["savedQuery"]!["version"]!.GetValue<int>();

        var taken = await SaveAsync(_host.TokenOf(Agent), new { name = "MINE", document = "{ me { office } }" });
        Assert.Equal("NAME_TAKEN", taken["errors"]![0]!["code"]!.GetValue<string>());
        var changed = await SaveAsync(owner, new { name = "Mine", document = "{ me { office } }", expectedVersion = version, description = "Now with the office." });
        Assert.Empty(changed["errors"]!.AsArray());
        Assert.Empty(changed["savedQuery"]!["sharedWithRoles"]!.AsArray()); // the share list is replaced
        var stale = await SaveAsync(owner, new { name = "Mine", document = "{ me { roles } }", expectedVersion = version });
        Assert.Equal("CONFLICT", stale["errors"]![0]!["code"]!.GetValue<string>());

        const string Delete = "mutation($input: DeleteSavedQueryInput!) { deleteSavedQuery(input: $input) { name errors { code } } }";
        var notYours = (await _host.PostAsync(Delete, new { input = new { name = "Mine" } }, _host.TokenOf(Agent))).ShouldSucceed();
        Assert.Equal("NOT_FOUND", notYours.Data!["deleteSavedQuery"]!["errors"]![0]!["code"]!.GetValue<string>());
        var deleted = (await _host.PostAsync(Delete, new { input = new { name = "mine" } }, owner)).ShouldSucceed();
        Assert.Equal("Mine", deleted.Data!["deleteSavedQuery"]!["name"]!.GetValue<string>());

        var trail = (await _host.PostAsync("{ auditRecords(where: { entity: { eq: \"SavedQueries\" } }) { totalCount nodes { action userName } } }",
            token: _host.TokenOf(SystemAdministrator))).ShouldSucceed();
        Assert.Contains(trail.Data!["auditRecords"]!["nodes"]!.AsArray(), n => n!["action"]!.GetValue<string>() == "Delete" && n["userName"]!.GetValue<string>() == HeadquartersAgent.User);
    }

    [Fact]
    public async Task A_module_change_that_breaks_a_saved_query_flags_it_and_its_return_heals_it()
    {
        _host.Plugins.Deploy("SenGraph.TestModules.Greeting");
        await _host.WaitForModuleAsync("greeting", m => m?["status"]?.GetValue<string>() == "LOADED");
        var token = _host.TokenOf(HeadquartersAgent);
        var saved = await SaveAsync(token, new { name = "Greet", document = "query Greet($name: String!) { greeting(name: $name) }" });
        Assert.Empty(saved["errors"]!.AsArray());
        Assert.Equal("Hello, Ada", (await RunAsync("Greet", new { name = "Ada" }, token)).ShouldSucceed().Data!["greeting"]!.GetValue<string>());

        _host.Plugins.Remove("SenGraph.TestModules.Greeting");
        await _host.WaitForModuleAsync("greeting", m => m is null);
        var broken = await WaitForStatusAsync("Greet", "BROKEN", token);
        Assert.Contains(broken["problems"]!.AsArray(), p => p!.GetValue<string>().Contains("greeting", StringComparison.Ordinal));

        _host.Plugins.Deploy("SenGraph.TestModules.Greeting");
        await _host.WaitForModuleAsync("greeting", m => m?["status"]?.GetValue<string>() == "LOADED");
        var healed = await WaitForStatusAsync("Greet", "VALID", token);
        Assert.Null(healed["problems"]);
    }

    private async Task<JsonNode> WaitForStatusAsync(string name, string status, string token)
    {
        for (var i = 0; i < 200; i++)
        {
            var query = (await _host.PostAsync("query($n: String!) { savedQuery(name: $n) { status problems } }", new { n = name }, token)).ShouldSucceed().Data!["savedQuery"]!;
            if (query["status"]!.GetValue<string>() == status) return query;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"{name} never became {status}");
    }
}
