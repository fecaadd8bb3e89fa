using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.WebSockets;

/// <summary>The shipped modules, the greeting module (a protected field) and the ticker module (a subscription).</summary>
public sealed class TickerHost() : TestHost(CreatePlugins(), settings: AcceptingUnknownUsers(new Dictionary<string, string?>
{
    ["GraphQL:WebSockets:MaxSubscriptionsPerConnection"] = MaxSubscriptions.ToString(),
    ["GraphQL:WebSockets:MaxMessageSize"] = MaxMessageSize.ToString(),
}))
{
    public const int MaxSubscriptions = 3;
    public const int MaxMessageSize = 16 * 1024;

    public static PluginsFolder CreatePlugins() => new PluginsFolder()
        .WithShippedModules()
        .WithTestModule("SenGraph.TestModules.Greeting")
        .WithTestModule("SenGraph.TestModules.Ticker");
}

/// <summary>A host that waits only a moment for <c>connection_init</c>.</summary>
public sealed class ShortInitTimeoutHost() : TestHost(new PluginsFolder().WithTestModule("SenGraph.TestModules.Ticker"),
    settings: new Dictionary<string, string?> { ["GraphQL:WebSockets:ConnectionInitWaitTimeout"] = "00:00:00.300" });
