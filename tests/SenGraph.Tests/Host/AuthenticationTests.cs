using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SenGraph.Host.Security;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Host;

public sealed class AuthenticationTests(FailingModulesHost host) : IClassFixture<FailingModulesHost>
{
    [Fact]
    public async Task Protected_fields_refuse_anonymous_callers_with_401_and_AUTH_NOT_AUTHENTICATED()
    {
        var response = await host.PostAsync("{ sirs { totalCount } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", response.ErrorCodes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Mutations_refuse_anonymous_callers()
    {
        var response = await host.PostAsync("""mutation { createSir(input: { title: "x", category: OTHER }) { errors { code } } }""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", response.ErrorCodes);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_counts_as_anonymous()
    {
        var forged = DevelopmentTokens.Issue(
            new AuthenticationSettings { SigningKey = AuthenticationSettings.DevelopmentSigningKey, Issuer = "sengraph", Audience = "someone-else" },
            host.Services.GetRequiredService<IHostEnvironment>(), "mallory", ["Agent"], "SAC-NYC", TimeProvider.System);

        var response = await host.PostAsync("{ sirs { totalCount } }", token: forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", response.ErrorCodes);
    }

    [Fact]
    public async Task A_module_policy_admits_the_role_it_names()
    {
        var response = (await host.PostAsync("{ secretGreeting }", token: host.Token("alice", "Agent"))).ShouldSucceed();

        Assert.Equal("Hello, agent alice", response.Data!["secretGreeting"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_module_policy_refuses_other_roles_with_403_and_AUTH_NOT_AUTHORIZED()
    {
        var response = await host.PostAsync("{ secretGreeting }", token: host.Token("pat", "Public Affairs Officer"));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
    }

    [Fact]
    public async Task Sir_authoring_is_refused_to_roles_its_policy_does_not_name()
    {
        var response = await host.PostAsync("""mutation { createSir(input: { title: "x", category: OTHER }) { errors { code } } }""",
            token: host.Token("stan", "Statistics Analyst"));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
    }

    [Fact]
    public async Task Auth_errors_in_application_json_keep_status_200()
    {
        var response = await host.PostAsync("{ sirs { totalCount } }", accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", response.ErrorCodes);
    }

    [Fact]
    public void The_token_command_refuses_outside_development()
    {
        var production = new HostingEnvironmentStub("Production");
        var settings = new AuthenticationSettings { SigningKey = AuthenticationSettings.DevelopmentSigningKey };

        var error = Assert.Throws<InvalidOperationException>(() =>
            DevelopmentTokens.Issue(settings, production, "alice", ["Agent"], "SAC-NYC", TimeProvider.System));
        Assert.Contains("development tokens only", error.Message);
    }

    [Theory]
    [InlineData("bad user!", "Agent", "SAC-NYC", "User name")]
    [InlineData("alice", "", "SAC-NYC", "role")]
    [InlineData("alice", "Agent", "lower-case", "Office code")]
    public void The_token_command_validates_its_arguments(string user, string roles, string office, string complaint)
    {
        var error = Assert.Throws<ArgumentException>(() => host.Token(user, roles, office));
        Assert.Contains(complaint, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class HostingEnvironmentStub(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "SenGraph.Host";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}

public sealed class ProductionAuthenticationTests
{
    private const string ProductionKey = "a-production-key-of-more-than-thirty-two-bytes-0123456789";

    [Fact]
    public void The_development_signing_key_is_refused_outside_development()
    {
        using var host = new TestHost(new PluginsFolder().WithShippedModules(), "Production",
            new Dictionary<string, string?> { ["Authentication:SigningKey"] = AuthenticationSettings.DevelopmentSigningKey });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => host.CreateClient());
        Assert.Contains("development signing key is refused", error.Message);
    }

    [Fact]
    public void A_missing_signing_key_stops_the_host_with_the_key_to_set()
    {
        using var host = new TestHost(new PluginsFolder().WithShippedModules(), "Production");

        var error = Assert.ThrowsAny<InvalidOperationException>(() => host.CreateClient());
        Assert.Contains("Authentication:SigningKey", error.Message);
    }

    [Fact]
    public async Task Introspection_refuses_anonymous_callers_in_production()
    {
        using var host = new TestHost(new PluginsFolder().WithShippedModules(), "Production",
            new Dictionary<string, string?> { ["Authentication:SigningKey"] = ProductionKey });

        var response = await host.PostAsync("{ __schema { queryType { name } } }");
        var info = (await host.PostAsync("{ serverInfo { environment } }")).ShouldSucceed();

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", response.ErrorCodes);
        Assert.Equal("Production", info.Data!["serverInfo"]!["environment"]!.GetValue<string>());
    }
}
