using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Template;

/// <summary>
/// <c>dotnet new sengraph-module</c> gives a module that builds, migrates and serves. Slow on purpose:
/// it installs the template into a throwaway template hive, creates a module, builds it with the SDK
/// (restore included) and starts a host on it: 20 to 60 seconds. Skip it with
/// <c>dotnet test --filter Category!=Slow</c>.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ModuleTemplateTests : IDisposable
{
    private const string Name = "FieldVisit";
    private const string Project = "SenGraph.Modules." + Name;

    /// <summary>
    /// Inside the repository (artifacts/ is git-ignored), so the generated project finds the repository's
    /// Directory.Packages.props and contracts, but not under modules/, where the host build would pick it up.
    /// </summary>
    private readonly string work = Path.Combine(RepoPaths.Root, "artifacts", "template-test", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_module_created_from_the_template_goes_live_in_a_running_host_and_serves_its_query_and_mutation()
    {
        var plugins = new PluginsFolder();
        var modules = Path.Combine(work, "modules");
        Directory.CreateDirectory(modules);
        // What modules/Directory.Build.props does, except that the build output goes to this test's plugins folder.
        var repoModules = Path.Combine(RepoPaths.Root, "modules");
        await File.WriteAllTextAsync(Path.Combine(modules, "Directory.Build.props"), $"""
            <Project>
              <Import Project="{Path.Combine(repoModules, "Directory.Build.props")}" />
              <PropertyGroup>
                <SenGraphPluginsDir>{plugins.Path}{Path.DirectorySeparatorChar}</SenGraphPluginsDir>
              </PropertyGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(modules, "Directory.Build.targets"), $"""
            <Project>
              <Import Project="{Path.Combine(repoModules, "Directory.Build.targets")}" />
            </Project>
            """);
        var hive = Path.Combine(work, "template-hive"); // dotnet new's own state: the machine's template list is untouched
        var output = Path.Combine(modules, Project);

        await DotnetAsync("new", "install", Path.Combine(repoModules, "_template"), "--debug:custom-hive", hive);
        await DotnetAsync("new", "sengraph-module", "-n", Name, "-o", output, "--debug:custom-hive", hive);
        // The host is already running when the new module's build drops it into the plugins folder.
        using var host = new TestHost(plugins, settings: TestHost.AcceptingUnknownUsers()); // the template's own roles
        (await host.PostAsync("{ serverInfo { version } }")).ShouldSucceed();
        await DotnetAsync("build", Path.Combine(output, Project + ".csproj"), "-c", RepoPaths.Configuration, "--disable-build-servers", "-nodeReuse:false");

        Assert.True(File.Exists(Path.Combine(plugins.ModuleDirectory(Project), Project + ".dll")), "The build did not copy the module into the plugins folder.");
        var module = await host.WaitForModuleAsync("field-visit", m => m?["status"]?.GetValue<string>() == "LOADED");
        Assert.Equal("1.0.0", module!["version"]!.GetValue<string>());
        Assert.Null(module["error"]);
        Assert.Contains("Mutation.createFieldVisitReport", module["fields"]!.AsArray().Select(f => f!.GetValue<string>()));

        var token = host.Token("template-agent", "Agent", "SAC-BOS");
        var created = (await host.PostAsync(
            """mutation { createFieldVisitReport(input: { title: " Visit to the port ", narrative: "Routine." }) { report { id title office } errors { code } } }""",
            token: token)).ShouldSucceed().Data!["createFieldVisitReport"]!;
        Assert.Empty(created["errors"]!.AsArray());
        Assert.Equal("Visit to the port", created["report"]!["title"]!.GetValue<string>());
        Assert.Equal("SAC-BOS", created["report"]!["office"]!.GetValue<string>());
        var id = created["report"]!["id"]!.GetValue<string>();

        var read = (await host.PostAsync("query($id: ID!) { fieldVisitReport(id: $id) { title narrative author } myFieldVisitReports { id } }",
            new { id }, token)).ShouldSucceed();
        Assert.Equal("""{"title":"Visit to the port","narrative":"Routine.","author":"template-agent"}""", read.Data!["fieldVisitReport"]!.ToJsonString());
        Assert.Equal(id, Assert.Single(read.Data!["myFieldVisitReports"]!.AsArray())!["id"]!.GetValue<string>());

        var invalid = (await host.PostAsync("""mutation { createFieldVisitReport(input: { title: "  " }) { report { id } errors { code message path } } }""",
            token: token)).ShouldSucceed().Data!["createFieldVisitReport"]!;
        Assert.Equal("""{"report":null,"errors":[{"code":"REQUIRED","message":"A title is required.","path":["input","title"]}]}""", invalid.ToJsonString());

        var anonymous = await host.PostAsync("""mutation { createFieldVisitReport(input: { title: "x" }) { errors { code } } }""");
        Assert.Contains("AUTH_NOT_AUTHENTICATED", anonymous.ErrorCodes);
        var analyst = await host.PostAsync("""mutation { createFieldVisitReport(input: { title: "x" }) { errors { code } } }""", token: host.Token("analyst", "Analyst"));
        Assert.Contains("AUTH_NOT_AUTHORIZED", analyst.ErrorCodes);
    }

    private async Task DotnetAsync(params string[] args)
    {
        var run = await HostProcess.RunProgramAsync("dotnet", args, work, variables =>
        {
            // The test runner's MSBuild variables and an EF design switch must not leak into this build.
            foreach (var key in variables.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "SENGRAPH_EF_DESIGN").ToList())
                variables.Remove(key);
            variables["DOTNET_NOLOGO"] = "1";
            variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            variables["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            variables["MSBUILDDISABLENODEREUSE"] = "1";
            variables["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        }, TimeSpan.FromMinutes(4));
        Assert.True(run.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed ({run.ExitCode}):\n{run.Output}\n{run.Error}");
    }
}
