using Microsoft.Extensions.DependencyInjection;
using SenGraph.Host.Kernel.Reports;

namespace SenGraph.Tests.Infrastructure;

/// <summary>The in-process host's own count of live <c>reportSubmitted</c> subscribers and deliveries: signals, not sleeps.</summary>
public static class LiveEvents
{
    public static ReportEvents ReportEvents(this TestHost host) => host.Services.GetRequiredService<ReportEvents>();

    /// <summary>Waits (30 s at most) until <paramref name="userName"/> has at least <paramref name="atLeast"/> registered subscriptions.</summary>
    public static async Task WaitForReportSubscribersAsync(this TestHost host, string userName, int atLeast = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (host.ReportEvents().SubscribersOf(userName) < atLeast)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{userName}'s reportSubmitted subscription was not registered within 30 s.");
            await Task.Delay(20);
        }
    }
}
