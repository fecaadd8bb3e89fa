namespace SenGraph.Tests.Infrastructure;

/// <summary>The host with exactly the modules the build ships.</summary>
/// <remarks>
/// Some of its tests make up users the directory does not know. LENS's dispatcher does not run here (no transport):
/// its polling would show in the tests that count a request's SQL statements; <c>Lens.LensHost</c> tests delivery.
/// </remarks>
public sealed class ShippedModulesHost() : TestHost(new PluginsFolder().WithShippedModules(),
    settings: AcceptingUnknownUsers(new Dictionary<string, string?> { ["Modules:lens:Outbox:Transport"] = "None" }));

/// <summary>
/// The shipped modules next to test modules that fail in every way a module can, and healthy ones.
/// </summary>
public sealed class FailingModulesHost() : TestHost(CreatePlugins(), settings: AcceptingUnknownUsers())
{
    private static PluginsFolder CreatePlugins()
    {
        var plugins = new PluginsFolder()
            .WithShippedModules()
            .WithTestModule("SenGraph.TestModules.Greeting")
            .WithTestModule("SenGraph.TestModules.JsonOld")
            .WithTestModule("SenGraph.TestModules.JsonNew")
            .WithTestModule("SenGraph.TestModules.ThrowsOnRegistration")
            .WithTestModule("SenGraph.TestModules.FutureContracts")
            .WithTestModule("SenGraph.TestModules.ClashingTypes")
            .WithTestModule("SenGraph.TestModules.MissingDependency")
            .WithoutFile("SenGraph.TestModules.MissingDependency", "SenGraph.TestModules.MissingDependency.Library.dll")
            .WithCorruptModule("SenGraph.TestModules.Corrupt");
        Directory.CreateDirectory(plugins.ModuleDirectory("SenGraph.TestModules.EmptyFolder"));
        return plugins;
    }
}

/// <summary>The shipped modules and the kit probe module (SenGraph.TestModules.KitTypes), which uses the kit's extension points.</summary>
public sealed class KitTypesHost() : TestHost(new PluginsFolder().WithShippedModules().WithTestModule("SenGraph.TestModules.KitTypes"), settings: AcceptingUnknownUsers());
