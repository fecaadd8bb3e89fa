using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Template;

/// <summary>
/// <c>dotnet new sengraph-module</c> gives a report module on the shared workflow that builds, migrates and serves. Slow on purpose:
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
    public async Task A_report_type_created_from_the_template_goes_live_in_a_running_host_and_a_submitted_report_reaches_reports_the_iroc_feed_and_a_recipients_queue()
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
        Assert.Contains("Mutation.createFieldVisit", module["fields"]!.AsArray().Select(f => f!.GetValue<string>()));

        // Drafted by an agent of an office without mandatory review, submitted with a named recipient.
        var bob = host.Token("bob", "Agent", "SAC-BOS");
        var created = (await host.PostAsync(
            """mutation { createFieldVisit(input: { title: " Visit to the port ", outcome: RESOLVED }) { fieldVisit { id version title originatingOffice outcome } errors { code } } }""",
            token: bob)).ShouldSucceed().Data!["createFieldVisit"]!;
        Assert.Empty(created["errors"]!.AsArray());
        Assert.Equal("Visit to the port", created["fieldVisit"]!["title"]!.GetValue<string>());
        Assert.Equal("SAC-BOS", created["fieldVisit"]!["originatingOffice"]!.GetValue<string>());
        var id = created["fieldVisit"]!["id"]!.GetValue<string>();
        var submitted = (await host.PostAsync(
            "mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { status number } errors { code message } } }",
            new { input = new { id, expectedVersion = created["fieldVisit"]!["version"]!.GetValue<int>(), recipients = new[] { new { kind = "USER", code = "hank" } } } },
            bob)).ShouldSucceed().Data!["submitReport"]!;
        Assert.Empty(submitted["errors"]!.AsArray());
        Assert.Equal("SUBMITTED", submitted["report"]!["status"]!.GetValue<string>());
        Assert.Matches(@"^FIELDVISIT-FY\d{4}-\d{6}$", submitted["report"]!["number"]!.GetValue<string>());

        // Found through the shared paths, typed by the module.
        var reports = (await host.PostAsync("{ reports(first: 50) { nodes { id ... on FieldVisit { outcome } } } }", token: bob)).ShouldSucceed();
        Assert.Contains(reports.Data!["reports"]!["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == id && n["outcome"]!.GetValue<string>() == "RESOLVED");
        var feed = (await host.PostAsync("{ irocFeed(first: 50) { nodes { id } } }", token: host.Token("iris", "IROC Staff", "IROC-HQ"))).ShouldSucceed();
        Assert.Contains(feed.Data!["irocFeed"]!["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == id);
        var queue = (await host.PostAsync("{ myQueue(first: 50) { nodes { report { id ... on FieldVisit { outcome } } } } }",
            token: host.Token("hank", "Headquarters Agent", "HQ-HSI"))).ShouldSucceed();
        Assert.Contains(queue.Data!["myQueue"]!["nodes"]!.AsArray(), n => n!["report"]!["id"]!.GetValue<string>() == id);

        // The declared rule and the declared policies.
        var invalid = (await host.PostAsync(
            """mutation { createFieldVisit(input: { title: "x", outcome: ONGOING, followUpRequired: true }) { fieldVisit { id } errors { code message path } } }""",
            token: bob)).ShouldSucceed().Data!["createFieldVisit"]!;
        Assert.Equal("""{"fieldVisit":null,"errors":[{"code":"REQUIRED","message":"Describe the follow-up when one is required.","path":["input","followUp"]}]}""",
            invalid.ToJsonString());
        var anonymous = await host.PostAsync("""mutation { createFieldVisit(input: { title: "x", outcome: RESOLVED }) { errors { code } } }""");
        Assert.Contains("AUTH_NOT_AUTHENTICATED", anonymous.ErrorCodes);
        var analyst = await host.PostAsync("""mutation { createFieldVisit(input: { title: "x", outcome: RESOLVED }) { errors { code } } }""",
            token: host.Token("template-manager", "Office Manager", "SAC-BOS"));
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
