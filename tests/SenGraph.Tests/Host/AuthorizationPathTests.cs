using System.Net;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Host;

public sealed class ProbeHost() : TestHost(new PluginsFolder().WithTestModule("SenGraph.TestModules.Probe"), settings: AcceptingUnknownUsers());

/// <summary>Every path to a protected type, field, argument or input field is guarded (regressions from a review).</summary>
public sealed class AuthorizationPathTests(ProbeHost host) : IClassFixture<ProbeHost>
{
    public static readonly TheoryData<string> ProtectedSelections = new()
    {
        "{ probeAnonSecret { value } }",
        "{ probeNode { value } }",
        "{ probeNode { ... on ProbeSecret { value } } }",
        """{ probeNode(kind: "public") { value } }""",
        "{ probeUnion { ... on ProbeSecret { value } } }",
        "query { probeUnion { ...S } } fragment S on ProbeSecret { value }",
        """{ probeOracle(where: { secretStartsWith: "HID" }) }""",
        """{ probeOracle(adminOverride: "HID") }""",
    };

    [Theory]
    [MemberData(nameof(ProtectedSelections))]
    public async Task Anonymous_callers_cannot_reach_protected_things_by_any_path(string query)
    {
        var response = await host.PostAsync(query);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("AUTH_NOT_AUTHENTICATED", response.ErrorCodes);
        Assert.DoesNotContain("SECRET", response.Body.Replace("ProbeSecret", ""));
    }

    [Theory]
    [MemberData(nameof(ProtectedSelections))]
    public async Task Callers_without_the_policy_cannot_reach_protected_things_by_any_path(string query)
    {
        var response = await host.PostAsync(query, token: host.Token("agent", "Agent"));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Contains("AUTH_NOT_AUTHORIZED", response.ErrorCodes);
    }

    [Theory]
    [MemberData(nameof(ProtectedSelections))]
    public async Task Callers_with_the_policy_reach_them(string query) =>
        (await host.PostAsync(query, token: host.Token("boss", "Supervisor"))).ShouldSucceed();

    [Fact]
    public async Task A_protected_input_field_sent_in_variables_is_guarded_too()
    {
        const string query = "query($w: ProbeFilterInput) { probeOracle(where: $w) }";

        var anonymous = await host.PostAsync(query, new { w = new { secretStartsWith = "HID" } });
        var agent = await host.PostAsync(query, new { w = new { secretStartsWith = "HID" } }, host.Token("agent", "Agent"));
        var open = (await host.PostAsync(query, new { w = new { open = "x" } })).ShouldSucceed();

        Assert.Contains("AUTH_NOT_AUTHENTICATED", anonymous.ErrorCodes);
        Assert.Contains("AUTH_NOT_AUTHORIZED", agent.ErrorCodes);
        Assert.False(open.Data!["probeOracle"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Open_parts_stay_open()
    {
        var response = (await host.PostAsync("""{ probeOracle(where: { open: "x" }) }""")).ShouldSucceed();

        Assert.False(response.Data!["probeOracle"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_field_returning_an_interface_with_a_protected_implementation_fails_closed_for_anonymous_callers()
    {
        // The answer could be a ProbeSecret: even its type name is not for anonymous callers.
        var response = await host.PostAsync("""{ probeNode(kind: "public") { __typename } }""");

        Assert.Contains("AUTH_NOT_AUTHENTICATED", response.ErrorCodes);
    }
}
