using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Host;

public sealed class BananaCakePopTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql/")]
    public async Task A_browser_gets_banana_cake_pop_at_the_endpoint(string url)
    {
        var response = await host.SendAsync(HttpMethod.Get, url, accept: BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("text/html", response.MediaType);
        Assert.Contains("<base href=\"/graphql/\"", response.Body);
    }

    [Fact]
    public async Task The_ide_is_pointed_at_the_same_endpoint()
    {
        var response = await host.SendAsync(HttpMethod.Get, "/graphql/bcp-config.json", accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("/graphql", JsonNode.Parse(response.Body)!["endpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_script_and_stylesheet_the_page_loads_is_served()
    {
        var page = await host.SendAsync(HttpMethod.Get, "/graphql", accept: BrowserAccept);
        var assets = Regex.Matches(page.Body, "(?:src|href)=\"(static/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            var response = await host.SendAsync(HttpMethod.Get, "/graphql/" + asset, accept: "*/*");
            Assert.True(response.Status == HttpStatusCode.OK, $"{asset}: {(int)response.Status}");
        }
    }

    [Fact]
    public async Task GraphQL_clients_still_get_graphql_on_get()
    {
        var response = (await host.SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ serverInfo { version } }"), accept: BrowserAccept)).ShouldSucceed();

        Assert.NotNull(response.Data!["serverInfo"]);
    }
}
