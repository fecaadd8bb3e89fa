using System.Net;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Modules;

/// <summary>Adding, upgrading, refusing, removing, disabling modules in a running host.</summary>
public sealed class LiveModuleTests : IDisposable
{
    private const string Versioned = "SenGraph.TestModules.Versioned";
    private readonly TestHost _host = new(new PluginsFolder().WithShippedModules());

    public void Dispose() => _host.Dispose();

    private static string Version(JsonNode? module) => module?["version"]?.GetValue<string>() ?? "";

    private async Task<JsonNode?> DeployAsync(string project, string expectedVersion)
    {
        _host.Plugins.Deploy(project, Versioned);
        return await _host.WaitForModuleAsync("versioned", m => Version(m) == expectedVersion || m?["lastChange"]?["toVersion"]?.GetValue<string>() == expectedVersion);
    }

    [Fact]
    public async Task A_module_folder_that_appears_is_loaded_and_served()
    {
        await _host.WaitForModuleAsync("sir", m => m is not null);

        var module = await DeployAsync(Versioned, "1.0.0");

        Assert.Equal("LOADED", module!["status"]!.GetValue<string>());
        Assert.Contains("Query.versionedHello", module["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.True(module["lastChange"]!["applied"]!.GetValue<bool>());
        Assert.Null(module["lastChange"]!["fromVersion"]);
        var hello = (await _host.PostAsync("{ versionedHello }")).ShouldSucceed();
        Assert.Equal("hello from 1.0.0", hello.Data!["versionedHello"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_compatible_upgrade_is_swapped_in_with_its_schema_diff()
    {
        await DeployAsync(Versioned, "1.0.0");

        var module = await DeployAsync(Versioned + ".V1_1", "1.1.0");

        Assert.Equal("1.1.0", Version(module));
        Assert.Null(module!["error"]);
        var change = module["lastChange"]!;
        Assert.Equal("1.0.0", change["fromVersion"]!.GetValue<string>());
        Assert.True(change["applied"]!.GetValue<bool>());
        var diff = Assert.Single(change["schemaChanges"]!.AsArray())!;
        Assert.Equal("SAFE", diff["level"]!.GetValue<string>());
        Assert.Equal("Field Query.versionedExtra was added.", diff["description"]!.GetValue<string>());
        var response = (await _host.PostAsync("{ versionedVersion versionedExtra versionedHello }")).ShouldSucceed();
        Assert.Equal("1.1.0", response.Data!["versionedVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_breaking_upgrade_without_a_new_major_version_is_refused_and_the_old_version_keeps_serving()
    {
        await DeployAsync(Versioned, "1.0.0");

        var module = await DeployAsync(Versioned + ".V1_2", "1.2.0");

        Assert.Equal("1.0.0", Version(module));
        Assert.Equal("LOADED", module!["status"]!.GetValue<string>());
        Assert.Contains("breaking", module["error"]!.GetValue<string>());
        var change = module["lastChange"]!;
        Assert.False(change["applied"]!.GetValue<bool>());
        Assert.Contains(change["schemaChanges"]!.AsArray(), c =>
            c!["level"]!.GetValue<string>() == "BREAKING" && c["description"]!.GetValue<string>() == "Field Query.versionedHello was removed.");
        var response = (await _host.PostAsync("{ versionedHello versionedVersion }")).ShouldSucceed();
        Assert.Equal("1.0.0", response.Data!["versionedVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_breaking_upgrade_with_a_new_major_version_is_applied()
    {
        await DeployAsync(Versioned, "1.0.0");

        var module = await DeployAsync(Versioned + ".V2_0", "2.0.0");

        Assert.Equal("2.0.0", Version(module));
        Assert.True(module!["lastChange"]!["applied"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.PostAsync("{ versionedHello }")).Status);
        (await _host.PostAsync("{ versionedVersion versionedExtra }")).ShouldSucceed();
    }

    [Fact]
    public async Task A_failing_new_version_leaves_the_old_one_serving_and_says_why()
    {
        await DeployAsync(Versioned, "1.0.0");

        _host.Plugins.DeployCorrupt(Versioned);
        var module = await _host.WaitForModuleAsync("versioned", m => m?["error"] is not null);

        Assert.Equal("LOADED", module!["status"]!.GetValue<string>());
        Assert.Equal("1.0.0", Version(module));
        Assert.Contains("not a valid .NET assembly", module["error"]!.GetValue<string>());
        (await _host.PostAsync("{ versionedHello }")).ShouldSucceed();
    }

    [Fact]
    public async Task A_second_module_with_a_running_modules_id_is_refused()
    {
        await DeployAsync(Versioned, "1.0.0");

        // The same module under another assembly file name: another folder, the same id.
        var copy = _host.Plugins.ModuleDirectory(".staging-copy");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(RepoPaths.TestModuleOutput(Versioned), Versioned + ".dll"), Path.Combine(copy, "VersionedCopy.dll"));
        Directory.Move(copy, _host.Plugins.ModuleDirectory("VersionedCopy"));
        List<JsonNode?> versioned = [];
        for (var attempt = 0; attempt < 300 && versioned.Count < 2; attempt++)
        {
            await Task.Delay(100);
            var modules = (await _host.PostAsync("{ modules { id version status error } }")).ShouldSucceed().Data!["modules"]!.AsArray();
            versioned = modules.Where(m => m!["id"]!.GetValue<string>() == "versioned").ToList();
        }

        Assert.Equal(2, versioned.Count);
        Assert.Single(versioned, m => m!["status"]!.GetValue<string>() == "LOADED");
        var clash = Assert.Single(versioned, m => m!["status"]!.GetValue<string>() == "FAILED")!;
        Assert.Equal("Module id 'versioned' is already used by SenGraph.TestModules.Versioned.", clash["error"]!.GetValue<string>());
        (await _host.PostAsync("{ versionedHello }")).ShouldSucceed();
    }

    [Fact]
    public async Task A_clashing_module_in_a_folder_that_sorts_first_is_refused_and_later_changes_still_load()
    {
        _host.Plugins.Deploy("SenGraph.TestModules.Greeting");
        await _host.WaitForModuleAsync("greeting", m => m?["status"]?.GetValue<string>() == "LOADED");

        // "AGreeting" sorts before the running module's folder and declares the same id and policy.
        var copy = _host.Plugins.ModuleDirectory(".staging-agreeting");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(RepoPaths.TestModuleOutput("SenGraph.TestModules.Greeting"), "SenGraph.TestModules.Greeting.dll"), Path.Combine(copy, "AGreeting.dll"));
        Directory.Move(copy, _host.Plugins.ModuleDirectory("AGreeting"));
        await DeployAsync(Versioned, "1.0.0");

        var modules = (await _host.PostAsync("{ modules { id status error path: version } }")).ShouldSucceed().Data!["modules"]!.AsArray();
        var greetings = modules.Where(m => m!["id"]!.GetValue<string>() == "greeting").ToList();
        Assert.Single(greetings, m => m!["status"]!.GetValue<string>() == "LOADED");
        Assert.Single(greetings, m => m!["error"]?.GetValue<string>() == "Module id 'greeting' is already used by SenGraph.TestModules.Greeting.");
        (await _host.PostAsync("""{ greeting(name: "x") versionedHello }""")).ShouldSucceed();
    }

    [Fact]
    public async Task A_removed_module_disappears_from_the_schema()
    {
        await DeployAsync(Versioned, "1.0.0");

        _host.Plugins.Remove(Versioned);
        await _host.WaitForModuleAsync("versioned", m => m is null);

        var response = await _host.PostAsync("{ versionedHello }");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("versionedHello", response.Body);
    }

    [Fact]
    public async Task An_administrator_disables_and_enables_a_module_and_it_is_remembered()
    {
        await DeployAsync(Versioned, "1.0.0");
        var admin = _host.Token("root", "System Administrator");
        const string disable = """mutation { disableModule(input: { id: "versioned" }) { module { id status } errors { code } } }""";
        const string enable = """mutation { enableModule(input: { id: "versioned" }) { module { id status } errors { code } } }""";

        var disabled = (await _host.PostAsync(disable, token: admin)).ShouldSucceed();
        Assert.Equal("DISABLED", disabled.Data!["disableModule"]!["module"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.PostAsync("{ versionedHello }")).Status);
        Assert.Contains("versioned", await File.ReadAllLinesAsync(Path.Combine(_host.Plugins.Path, ".disabled-modules")));

        var enabled = (await _host.PostAsync(enable, token: admin)).ShouldSucceed();
        Assert.Equal("LOADED", enabled.Data!["enableModule"]!["module"]!["status"]!.GetValue<string>());
        (await _host.PostAsync("{ versionedHello }")).ShouldSucceed();
    }

    [Fact]
    public async Task Only_system_administrators_may_disable_modules()
    {
        var response = await _host.PostAsync("""mutation { disableModule(input: { id: "sir" }) { errors { code } } }""", token: _host.Token("alice", "Agent,Supervisor"));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
    }

    [Fact]
    public async Task Disabling_an_unknown_module_is_a_typed_error()
    {
        var response = (await _host.PostAsync("""mutation { disableModule(input: { id: "nope" }) { module { id } errors { code path } } }""",
            token: _host.Token("root", "System Administrator"))).ShouldSucceed();

        Assert.Equal("NOT_FOUND", response.Data!["disableModule"]!["errors"]![0]!["code"]!.GetValue<string>());
    }
}
