using System.Net;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.WebSockets;

namespace SenGraph.Tests.Auditing;

/// <summary>Failed access attempts are auditable (NIST AU-2): one AccessDenied record per refused request of a signed-in caller.</summary>
public sealed class DeniedAccessAuditTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    // Two PII fields and a report type's fields: several refusals, one request.
    private const string PiiQuery = "{ reports { nodes { people { aNumber dateOfBirth } } } }";

    private static string Records(string user) => $$"""{ userName: { eq: "{{user}}" }, action: { eq: "AccessDenied" } }""";

    [Fact]
    public async Task A_request_refused_for_pii_leaves_one_record_naming_every_refusal()
    {
        var token = host.Token("denied-http", "Public Affairs Officer", "HQ-OPA");

        var response = await host.PostAsync(PiiQuery, token: token);

        Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
        var record = Assert.Single(await host.AuditRecordsAsync(Records("denied-http")));
        Assert.Equal("GraphQL", record["entity"]!.GetValue<string>());
        Assert.Contains("ReportPerson.aNumber", record["details"]!.GetValue<string>());
        Assert.Contains("ReportPerson.dateOfBirth", record["details"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_refused_over_a_websocket_is_recorded_too()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host,
            new { Authorization = "Bearer " + host.Token("denied-ws", "Statistics Analyst", "HQ-ICE") });

        await client.SubscribeAsync("1", "{ offices { totalCount } }");
        Assert.Equal("error", (await client.ReceiveAsync())["type"]!.GetValue<string>());

        var record = Assert.Single(await host.AuditRecordsAsync(Records("denied-ws")));
        Assert.StartsWith("ws:", record["requestId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_refused_over_sse_is_recorded_too()
    {
        var token = host.Token("denied-sse", "Statistics Analyst", "HQ-ICE");

        var response = await host.PostAsync("{ offices { totalCount } }", token: token, accept: "text/event-stream");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        var record = Assert.Single(await host.AuditRecordsAsync(Records("denied-sse")));
        Assert.Equal("GraphQL", record["entity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Allowed_and_anonymous_requests_leave_no_access_denied_record()
    {
        var token = host.Token("allowed-agent", "Agent", "SAC-NYC");

        (await host.PostAsync("{ offices { totalCount } }", token: token)).ShouldSucceed();
        var anonymous = await host.PostAsync(PiiQuery);

        Assert.Contains("AUTH_NOT_AUTHENTICATED", anonymous.ErrorCodes);
        Assert.Empty(await host.AuditRecordsAsync(Records("allowed-agent")));
        Assert.Empty(await host.AuditRecordsAsync(Records("anonymous")));
    }
}
