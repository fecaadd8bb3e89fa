using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Lens;

/// <summary>
/// Item 9: replacing or removing the LENS module while its outbox holds messages loses none. The dispatcher is stopped
/// with the module (it gives back what it claimed), the next version picks the outbox up, and the gateway gets every
/// message.
/// </summary>
public sealed class LensLiveModuleTests : IAsyncLifetime
{
    private const string Lens = "SenGraph.Modules.Lens";
    private readonly LensHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Removing_and_reinstalling_or_replacing_the_module_with_messages_pending_loses_none()
    {
        var officer = _host.Token("ero-olga", "Agent", "FOD-NYC");
        var lesc = _host.Token("lesc-larry", "LESC Staff", "HQ-ICE");
        await _host.SetOriAsync(lesc, "NY", "NY0303000");
        await _host.SetOriAsync(lesc, "NJ", "NJNSP0000");
        _host.Gateway.Hold(); // the first batch waits at the gateway, the rest in the outbox
        var keys = new HashSet<string>();
        for (var i = 0; i < 15; i++)
        {
            var release = await _host.RecordOkAsync(officer, LensApi.Release("NY", "NJ", ["1201"]));
            keys.UnionWith(release["messages"]!.AsArray().Select(m => m!["idempotencyKey"]!.GetValue<string>()));
        }

        _host.Plugins.Remove(Lens);
        await _host.WaitForModuleAsync("lens", m => m is null, TimeSpan.FromSeconds(60));
        _host.Gateway.Open();
        Assert.DoesNotContain((await _host.PostAsync("{ __type(name: \"Query\") { fields { name } } }", token: lesc)).ShouldSucceed().Data!["__type"]!["fields"]!
            .AsArray(), f => f!["name"]!.GetValue<string>().StartsWith("lens", StringComparison.Ordinal));

        _host.Plugins.DeployShipped(Lens);
        await _host.WaitForModuleAsync("lens", m => m?["status"]?.GetValue<string>() == "LOADED", TimeSpan.FromSeconds(60));
        await _host.Gateway.WaitForAsync(g => g.Keys >= 10, TimeSpan.FromSeconds(60));
        _host.Plugins.DeployShipped(Lens); // replaced mid-delivery: the old dispatcher stops, the new one continues
        await _host.Gateway.WaitForAsync(g => keys.All(g.Receipts.ContainsKey), TimeSpan.FromSeconds(90));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        int pending;
        do
        {
            await Task.Delay(200);
            pending = (await _host.PostAsync("{ lensDeliveryMetrics { pending } }", token: lesc)).ShouldSucceed().Data!["lensDeliveryMetrics"]!["pending"]!.GetValue<int>();
        }
        while (pending > 0 && DateTime.UtcNow < deadline);
        Assert.Equal(0, pending);
        Assert.Equal(keys.Order(StringComparer.Ordinal), _host.Gateway.Receipts.Keys.Order(StringComparer.Ordinal));
    }
}
