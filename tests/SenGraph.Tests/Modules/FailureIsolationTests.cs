using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Modules;

/// <summary>Modules that cannot load are skipped with the reason; the host and every other module keep serving.</summary>
public sealed class FailureIsolationTests(FailingModulesHost host) : IClassFixture<FailingModulesHost>
{
    private async Task<JsonNode> ModuleAsync(string id)
    {
        var response = (await host.PostAsync("{ modules { id name version contractsVersion status error } }")).ShouldSucceed();
        return Assert.Single(response.Data!["modules"]!.AsArray(), m => m!["id"]!.GetValue<string>() == id)!;
    }

    private static void AssertFailed(JsonNode module, params string[] reasonParts)
    {
        Assert.Equal("FAILED", module["status"]!.GetValue<string>());
        var error = module["error"]!.GetValue<string>();
        foreach (var part in reasonParts) Assert.Contains(part, error);
    }

    [Fact]
    public async Task A_corrupt_assembly_is_skipped_with_the_reason() =>
        AssertFailed(await ModuleAsync("SenGraph.TestModules.Corrupt"), "not a valid .NET assembly");

    [Fact]
    public async Task A_folder_without_its_assembly_is_skipped_with_the_reason() =>
        AssertFailed(await ModuleAsync("SenGraph.TestModules.EmptyFolder"), "has no SenGraph.TestModules.EmptyFolder.dll");

    [Fact]
    public async Task A_module_with_a_missing_dependency_is_skipped_naming_the_dependency() =>
        AssertFailed(await ModuleAsync("missing-dependency"), "SenGraph.TestModules.MissingDependency.Library");

    [Fact]
    public async Task A_module_built_for_another_contracts_major_version_is_skipped()
    {
        var module = await ModuleAsync("future-contracts");
        AssertFailed(module, "Built for contracts 2.0.0", "supports contracts 1.x");
        Assert.Equal("2.0.0", module["contractsVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_module_throwing_during_registration_is_skipped_with_its_exception() =>
        AssertFailed(await ModuleAsync("throws-on-registration"), "registering services", "deliberate failure in registration");

    [Fact]
    public async Task A_module_whose_type_name_clashes_with_another_module_is_skipped() =>
        AssertFailed(await ModuleAsync("clashing-types"), "Schema composition failed", "'Sir'");

    [Fact]
    public async Task Fields_of_skipped_modules_are_not_in_the_schema()
    {
        var response = await host.PostAsync("{ throwsOnRegistrationReached }");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("throwsOnRegistrationReached", response.Body);
    }

    [Fact]
    public async Task Healthy_modules_keep_serving_next_to_failing_ones()
    {
        Assert.Equal("LOADED", (await ModuleAsync("sir"))["status"]!.GetValue<string>());
        Assert.Equal("LOADED", (await ModuleAsync("greeting"))["status"]!.GetValue<string>());

        var greeting = (await host.PostAsync("""{ greeting(name: "Ada") }""")).ShouldSucceed();
        Assert.Equal("Hello, Ada", greeting.Data!["greeting"]!.GetValue<string>());

        var draft = (await host.PostAsync("""mutation { createSir(input: { title: "Next to failures", category: OTHER }) { sir { id } errors { code } } }""",
            token: host.Token())).ShouldSucceed();
        Assert.Empty(draft.Data!["createSir"]!["errors"]!.AsArray());
    }

    [Fact]
    public async Task Two_modules_use_different_versions_of_the_same_private_library()
    {
        var response = (await host.PostAsync("{ jsonOldLibraryVersion jsonNewLibraryVersion }")).ShouldSucceed();

        Assert.StartsWith("12.", response.Data!["jsonOldLibraryVersion"]!.GetValue<string>());
        Assert.StartsWith("13.", response.Data!["jsonNewLibraryVersion"]!.GetValue<string>());
    }
}
