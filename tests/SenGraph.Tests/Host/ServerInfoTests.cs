using System.Net;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Host;

public sealed class ServerInfoTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    [Fact]
    public async Task Server_info_answers_without_a_token()
    {
        var response = (await host.PostAsync("{ serverInfo { version environment } }")).ShouldSucceed();

        Assert.Equal("Development", response.Data!["serverInfo"]!["environment"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+", response.Data!["serverInfo"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Modules_lists_the_shipped_sir_module_as_loaded()
    {
        var response = (await host.PostAsync("{ modules { id name version contractsVersion status error } }")).ShouldSucceed();

        var sir = Assert.Single(response.Data!["modules"]!.AsArray(), m => m!["id"]!.GetValue<string>() == "sir")!;
        Assert.Equal("LOADED", sir["status"]!.GetValue<string>());
        Assert.Equal("Significant Incident Report", sir["name"]!.GetValue<string>());
        Assert.Equal("2.1.0", sir["version"]!.GetValue<string>());
        Assert.Equal(SenGraph.Contracts.ContractsInfo.Version, sir["contractsVersion"]!.GetValue<string>());
        Assert.Null(sir["error"]);
    }

    [Fact]
    public async Task Introspection_answers_anonymously_in_development()
    {
        var response = await host.PostAsync("{ __schema { queryType { name } } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Query", response.Data!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }
}
