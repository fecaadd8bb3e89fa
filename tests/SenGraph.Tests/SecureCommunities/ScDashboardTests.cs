using System.Net;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.SecureCommunities;

/// <summary>The chart page (issue 19 item 4) is served by the module through the endpoint extension point, with Chart.js from npm (no CDN).</summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class ScDashboardTests(ScHost host) : IClassFixture<ScHost>
{
    [Fact]
    public async Task The_module_serves_the_page_its_script_and_chart_js_from_its_own_assembly()
    {
        var page = await host.SendAsync(HttpMethod.Get, "/dashboards/secure-communities");
        var script = await host.SendAsync(HttpMethod.Get, "/dashboards/secure-communities/dashboard.js");
        var chart = await host.SendAsync(HttpMethod.Get, "/dashboards/secure-communities/chart.umd.min.js");
        var missing = await host.SendAsync(HttpMethod.Get, "/dashboards/secure-communities/nothing.js");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Contains("<canvas id=\"transmissions\"", page.Body);
        Assert.Contains("<script src=\"/dashboards/secure-communities/chart.umd.min.js\">", page.Body);
        Assert.DoesNotContain("https://", page.Body);
        Assert.Contains("secureCommunitiesOutcomes", script.Body);
        Assert.Contains("'Bearer ' + token", script.Body);
        Assert.Equal(HttpStatusCode.OK, chart.Status);
        Assert.Contains("Chart.js v4.5.1", chart.Body);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }
}
