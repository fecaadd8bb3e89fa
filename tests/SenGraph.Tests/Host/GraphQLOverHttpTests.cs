using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Host.GraphQL.Pipeline;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Host;

/// <summary>Status codes and media types from the GraphQL-over-HTTP specification.</summary>
public sealed class GraphQLOverHttpTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private static string Get(string query) => "/graphql?query=" + Uri.EscapeDataString(query);

    [Fact]
    public async Task Responses_use_graphql_response_json_when_accepted()
    {
        var response = await host.PostAsync("{ serverInfo { version } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json", response.MediaType);
    }

    [Fact]
    public async Task Responses_use_application_json_when_no_accept_header_is_sent()
    {
        var response = await host.SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ serverInfo { version } }"}""", "application/json", accept: null);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.MediaType);
    }

    [Fact]
    public async Task An_unacceptable_accept_header_gets_406()
    {
        var response = await host.SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ serverInfo { version } }"}""", "application/json", accept: "application/xml");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Fact]
    public async Task Get_runs_queries()
    {
        var response = (await host.SendAsync(HttpMethod.Get, Get("{ serverInfo { environment } }"))).ShouldSucceed();

        Assert.Equal("Development", response.Data!["serverInfo"]!["environment"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_with_variables_and_operation_name()
    {
        var url = Get("query A { serverInfo { version } } query B($n: String!) { __type(name: $n) { name } }")
            + "&operationName=B&variables=" + Uri.EscapeDataString("""{"n":"Query"}""");

        var response = (await host.SendAsync(HttpMethod.Get, url)).ShouldSucceed();

        Assert.Equal("Query", response.Data!["__type"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mutations_over_get_get_405_with_allow_post()
    {
        var response = await host.SendAsync(HttpMethod.Get, Get("""mutation { createSir(input: { title: "x", category: OTHER }) { errors { code } } }"""), token: host.Token());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("POST", response.Allow);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Posts_without_a_json_content_type_are_refused_with_415(string contentType)
    {
        var response = await host.SendAsync(HttpMethod.Post, "/graphql", """{"query":"{ serverInfo { version } }"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"query": 42}""")]
    [InlineData("""{"query":"{ serverInfo { version } }","variables":"not an object"}""")]
    public async Task Malformed_requests_get_400(string body)
    {
        var response = await host.SendAsync(HttpMethod.Post, "/graphql", body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotEmpty(response.Errors);
    }

    [Theory]
    [InlineData("""{"query": 42}""")]
    [InlineData("""{"query":"{ serverInfo { version } }","variables":"not an object"}""")]
    [InlineData("""{"query":"{ serverInfo { version } }","variables":[1]}""")]
    [InlineData("""{"query":"{ serverInfo { version } }","variables":{"a":"\ud800"}}""")]
    [InlineData("""{"query":"{ serverInfo { version } }","operationName":{}}""")]
    public async Task Malformed_json_is_explained_without_naming_dotnet_types(string body)
    {
        var response = await host.SendAsync(HttpMethod.Post, "/graphql", body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var message = Assert.Single(response.Errors)!["message"]!.GetValue<string>();
        Assert.StartsWith("The body is not a valid GraphQL request: ", message);
        Assert.Contains("(line 1, byte ", message);
        Assert.DoesNotMatch(@"\b(GraphQL|System)\.[A-Z]|could not be converted|Path: \$", message);
    }

    [Fact]
    public async Task A_parse_error_is_400_in_graphql_response_json_and_200_in_application_json()
    {
        var strict = await host.PostAsync("{ serverInfo { ");
        var legacy = await host.PostAsync("{ serverInfo { ", accept: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Null(strict.Data);
        Assert.NotEmpty(legacy.Errors);
    }

    [Fact]
    public async Task A_validation_error_is_400_in_graphql_response_json()
    {
        var response = await host.PostAsync("{ serverInfo { noSuchField } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("noSuchField", response.Body);
    }

    [Fact]
    public async Task A_query_longer_than_the_limit_is_refused_with_413_before_parsing()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("serverInfo { version } ", 2000)) + "}";

        var response = await host.PostAsync(query);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Contains("at most 32768", response.Body);
    }

    [Fact]
    public async Task A_subscription_over_http_is_refused_and_pointed_at_the_websocket()
    {
        var response = await host.PostAsync("subscription { reportSubmitted { id } }", token: host.Token("bob", "Agent", "SAC-BOS"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["SUBSCRIPTION_NEEDS_WEBSOCKET"], response.ErrorCodes);
        Assert.Contains("WebSocket transport (graphql-transport-ws)", response.Errors[0]!["message"]!.GetValue<string>());
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Other_methods_get_405()
    {
        var response = await host.SendAsync(HttpMethod.Put, "/graphql", """{"query":"{ serverInfo { version } }"}""", "application/json");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
    }

    [Fact]
    public async Task A_repeated_operation_is_served_from_the_document_cache()
    {
        var cache = host.Services.GetRequiredService<DocumentCache>();
        const string query = "query CacheProbe { serverInfo { version environment } }";
        (await host.PostAsync(query)).ShouldSucceed();
        var hits = cache.Hits;
        var misses = cache.Misses;

        (await host.PostAsync(query)).ShouldSucceed();

        Assert.Equal(hits + 1, cache.Hits);
        Assert.Equal(misses, cache.Misses);
    }

    [Fact]
    public async Task A_cached_document_is_still_authorized_per_caller()
    {
        const string query = "query CachedAuth { sirs { totalCount } }";
        (await host.PostAsync(query, token: host.Token())).ShouldSucceed();

        var anonymous = await host.PostAsync(query);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
    }
}
