using System.Net;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Host;

/// <summary>The load balancer's probes: live while the process answers, ready when the database answers and every enabled module loaded.</summary>
public sealed class HealthEndpointTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task A_host_with_its_modules_loaded_is_live_and_ready_without_a_token(string path)
    {
        var response = await host.SendAsync(HttpMethod.Get, path, accept: null);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Healthy", response.Body);
    }
}

public sealed class UnreadyHostTests(FailingModulesHost host) : IClassFixture<FailingModulesHost>
{
    [Fact]
    public async Task A_host_with_an_enabled_module_that_failed_to_load_is_live_but_not_ready()
    {
        var live = await host.SendAsync(HttpMethod.Get, "/health/live", accept: null);
        var ready = await host.SendAsync(HttpMethod.Get, "/health/ready", accept: null);

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Body);
    }
}
