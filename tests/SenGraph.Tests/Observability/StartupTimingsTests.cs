using System.Text.RegularExpressions;
using SenGraph.Tests.Infrastructure;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Observability;

/// <summary>
/// Issue 20 item 5: once the host listens it logs what start-up took by phase, and what loading each module took, so the
/// harness (bench/run.sh) can report per-module load times with one module and with all of them.
/// </summary>
public sealed class StartupTimingsTests(TelemetryHost host) : IClassFixture<TelemetryHost>
{
    [Fact]
    public async Task Start_up_logs_the_load_time_of_every_module_folder_within_the_module_loading_phase()
    {
        (await host.PostAsync("{ __typename }", token: host.TokenOf(IrocStaff))).ShouldSucceed();

        var ready = Assert.Single(host.Logs.Entries, e => e.Message.StartsWith("SenGraph ready in", StringComparison.Ordinal));
        var byModule = Assert.Single(host.Logs.Entries, e => e.Message.StartsWith("Module loading by module:", StringComparison.Ordinal));
        var times = Regex.Matches(byModule.Message, @"(SenGraph\.Modules\.\w+) (\d+) ms").ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value));
        var shipped = Directory.GetDirectories(host.Plugins.Path).Select(Path.GetFileName).Where(n => n!.StartsWith("SenGraph.Modules.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shipped);
        Assert.Equal(shipped.Order(), times.Keys.Order());
        // Each module's time is part of the phase: together they are no more than it (rounding down, one ms each at most).
        var phase = long.Parse(Regex.Match(ready.Message, @"module loading (\d+) ms").Groups[1].Value);
        Assert.InRange(times.Values.Sum(), 0, phase + times.Count);
    }
}
