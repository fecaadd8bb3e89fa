using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Host.Modules;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Modules;

/// <summary>
/// Old module versions: held while a request still runs on them, counted by <c>modules { retainedVersions
/// restartRecommended }</c>, and unloaded once nothing holds them (a module without EF Core).
/// </summary>
public sealed class ModuleRetentionTests : IDisposable
{
    private const string Versioned = "SenGraph.TestModules.Versioned";

    private readonly TestHost _host = new(new PluginsFolder(), settings: new Dictionary<string, string?>
    {
        ["Plugins:RestartRecommendedAfter"] = "1",
    });

    public void Dispose() => _host.Dispose();

    private SchemaHost Schemas => _host.Services.GetRequiredService<SchemaHost>();

    private Task<JsonNode?> DeployAsync(string project, string version)
    {
        _host.Plugins.Deploy(project, Versioned);
        return _host.WaitForModuleAsync("versioned", m => m?["version"]?.GetValue<string>() == version);
    }

    [Fact]
    public async Task A_version_a_request_still_holds_is_reported_retained_with_a_restart_recommended_and_unloads_once_released()
    {
        await DeployAsync(Versioned, "1.0.0");
        var fresh = await _host.WaitForModuleAsync("versioned", m => m is not null);
        Assert.Equal(0, fresh!["retainedVersions"]!.GetValue<int>());
        Assert.False(fresh["restartRecommended"]!.GetValue<bool>());

        // A request that started on 1.0.0 and has not ended holds it through two upgrades.
        SchemaLease? lease = Schemas.Acquire();
        await DeployAsync(Versioned + ".V1_1", "1.1.0");
        var upgraded = await DeployAsync(Versioned + ".V2_0", "2.0.0");

        // At least 1.0.0; versions nothing holds also count until the runtime has collected them.
        Assert.True(upgraded!["retainedVersions"]!.GetValue<int>() >= 1, upgraded.ToJsonString());
        Assert.True(upgraded["restartRecommended"]!.GetValue<bool>());
        Assert.True(Schemas.RetainedVersions().GetValueOrDefault("versioned") >= 1);

        // The request ends: 1.0.0 (and 1.1.0, which nothing held) are disposed and their load contexts collected.
        lease.Dispose();
        lease = null; // the test's own reference to the old snapshot goes too
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Schemas.RetainedVersions().ContainsKey("versioned"))
        {
            Assert.True(DateTime.UtcNow < deadline, "The old versions of a module without EF Core were not unloaded within 30 s.");
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(100);
        }
    }
}
