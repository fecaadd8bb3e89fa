using System.Net;
using SenGraph.Tests.Infrastructure;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Sse;

/// <summary>
/// GraphQL over SSE (graphql-sse, distinct connections mode) is refused and answered as the other transports are;
/// the live subscription through the npm graphql-sse client is in ReportSubmittedNodeClientTests.
/// </summary>
public sealed class GraphQLSseTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string EventStream = "text/event-stream";
    private const string Subscription = "subscription { reportSubmitted { id title } }";

    [Fact]
    public async Task An_anonymous_subscription_is_refused_with_401_before_any_stream()
    {
        var response = await host.PostAsync(Subscription, accept: EventStream);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", response.ErrorCodes);
    }

    [Fact]
    public async Task A_role_that_may_not_subscribe_is_refused_with_403()
    {
        var response = await host.PostAsync(Subscription, token: host.TokenOf(StatisticsAnalyst), accept: EventStream);

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
    }

    [Fact]
    public async Task A_bad_token_is_refused_as_over_http()
    {
        var response = await host.PostAsync(Subscription, token: "not-a-token", accept: EventStream);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Null(response.Json["data"]);
    }

    [Fact]
    public async Task A_query_streams_one_next_event_then_complete()
    {
        var response = await host.PostAsync("{ me { userName } }", token: host.TokenOf(IrocStaff), accept: EventStream);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(EventStream, response.MediaType);
        Assert.Matches("^event: next\ndata: \\{\"data\":\\{\"me\":\\{\"userName\":\"iris\"\\}\\}\\}\n\nevent: complete\ndata: \n\n$", response.Body);
    }

    [Fact]
    public async Task Single_connection_mode_is_not_offered()
    {
        var response = await host.SendAsync(HttpMethod.Put, "/graphql", token: host.TokenOf(IrocStaff), accept: EventStream);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("POST", response.Allow);
    }
}
