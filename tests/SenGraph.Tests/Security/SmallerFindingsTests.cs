using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SenGraph.Tests.Fuzzing;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Limits;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.Security;

/// <summary>Issue 12's smaller findings, each as its attack: what it got before, what it gets now.</summary>
public sealed partial class SmallerFindingsTests(DefaultLimitsHost host) : IClassFixture<DefaultLimitsHost>
{
    [Fact]
    public async Task A_thousand_copies_of_one_unknown_directive_are_one_error()
    {
        var query = "{ __typename " + string.Concat(Enumerable.Repeat("@aa ", 1000)) + "}";

        var response = await host.PostAsync(query);

        var unknown = Assert.Single(response.Errors, e => e!["extensions"]!["code"]!.GetValue<string>() == "KNOWN_DIRECTIVES");
        Assert.Equal(1000, unknown!["extensions"]!["occurrences"]!.GetValue<int>());
        Assert.True(response.Errors.Count <= 3, response.Body);
        Assert.True(response.Body.Length < query.Length, $"{response.Body.Length} bytes answered {query.Length}");
    }

    /// <summary>Each input scalar of the schema, where a query takes it.</summary>
    public static readonly TheoryData<string, string> ScalarUses = new()
    {
        { "ID", "reports(where: { id: { eq: $v } }) { totalCount }" },
        { "ID!", "node(id: $v) { id }" },
        { "String!", "office(code: $v) { code }" },
        { "Int", "reports(first: $v) { totalCount }" },
        { "Boolean", "offices(where: { reviewMandatory: { eq: $v } }) { totalCount }" },
        { "DateTimeOffset", "reports(where: { eventAt: { eq: $v } }) { totalCount }" },
        { "String", "reports(after: $v) { totalCount }" },
        { "[ReportStatus!]", "reports(where: { status: { in: $v } }) { totalCount }" },
    };

    private static readonly string[] BadValues =
        ["\"zzz\"", "1e999", "{}", "[[1]]", "99999999999999999999999", "true", "-1.5", "\"\"", "\"2026-13-45T99:00:00Z\"", "\"00000000-0000-0000-0000-00000000000x\""];

    [Theory]
    [MemberData(nameof(ScalarUses))]
    public async Task A_bad_value_for_any_scalar_is_refused_without_a_dotnet_type_name(string type, string use)
    {
        var token = host.Token();
        foreach (var bad in BadValues)
        {
            // As a variable, and written in the document.
            var asVariable = await host.SendAsync(HttpMethod.Post, "/graphql", "{\"query\":\"query($v: " + type + ") { " + use + " }\",\"variables\":{\"v\":" + bad + "}}",
                "application/json", token);
            var literal = use.Replace("$v", bad.Replace("\"", "\\\""));
            var inDocument = await host.SendAsync(HttpMethod.Post, "/graphql", "{\"query\":\"{ " + literal + " }\"}", "application/json", token);

            foreach (var response in new[] { asVariable, inDocument })
            {
                Assert.True(response.Status < HttpStatusCode.InternalServerError, response.Body);
                Assert.All(response.ErrorCodes, code => Assert.False(string.IsNullOrEmpty(code), response.Body));
                Assert.Empty(ResponseHygiene.FindLeaks(response.Body, [bad.Trim('"')]));
                Assert.DoesNotMatch(DotNetPrimitive(), response.Body);
            }
        }
    }

    [Fact]
    public async Task A_filter_on_an_id_says_what_an_id_is_in_the_schemas_terms()
    {
        var response = await host.PostAsync("""{ reports(where: { id: { eq: "zzz" } }) { totalCount } }""", token: host.Token());

        Assert.Equal(["FILTER_INVALID_VALUE"], response.ErrorCodes);
        Assert.Equal("where.id: 'zzz' is not an id of this list.", response.Errors[0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    public async Task A_cursor_that_is_no_items_offset_is_refused(string offset)
    {
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes(offset));

        var response = await host.PostAsync("query($c: String) { offices(first: 2, after: $c) { nodes { code } } }", new { c = cursor }, host.Token());

        Assert.Equal(["PAGING_INVALID_CURSOR"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Authenticated_answers_are_not_stored_by_browsers_or_proxies(string method)
    {
        const string query = "{ me { userName } }";
        var response = method == "GET"
            ? await host.SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query), token: host.Token())
            : await host.PostAsync(query, token: host.Token());

        response.ShouldSucceed();
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_named_supervisor_must_work_in_the_reports_office_or_the_office_above_it()
    {
        var alice = host.Token("alice", "Agent", "SAC-NYC");
        var ray = host.Token("ray", "Agent", "RAC-ALB");

        var elsewhere = await host.CreateAsync(alice, SirApi.Input("Reviewer in Boston", ("supervisor", "betty")));
        var ownOffice = await host.CreateAsync(alice, SirApi.Input("Reviewer in New York", ("supervisor", "sam")));
        var officeAbove = await host.CreateAsync(ray, SirApi.Input("Reviewer at the SAC", ("supervisor", "sam")));
        var (draft, version) = await host.DraftAsync(alice, "Reviewer changed later");
        var changed = await host.UpdateAsync(alice, SirApi.Input("Reviewer changed later", ("id", draft), ("expectedVersion", version), ("supervisor", "betty")));

        Assert.Equal(["SUPERVISOR_NOT_IN_OFFICE"], elsewhere.ErrorCodes());
        Assert.Null(elsewhere["sir"]);
        Assert.Empty(ownOffice.ErrorCodes());
        Assert.Empty(officeAbove.ErrorCodes());
        Assert.Equal(["SUPERVISOR_NOT_IN_OFFICE"], changed.ErrorCodes());
    }

    [Fact]
    public async Task In_production_only_administrators_see_which_types_and_fields_a_module_adds()
    {
        using var production = new ProductionLimitsHost();
        const string query = "{ modules { id types fields } }";

        var anonymous = (await production.PostAsync(query)).ShouldSucceed();
        var agent = (await production.PostAsync(query, token: production.Token("alice", "Agent", "SAC-NYC"))).ShouldSucceed();
        var administrator = (await production.PostAsync(query, token: production.Token("root", "System Administrator", "HQ-ICE"))).ShouldSucceed();
        var development = (await host.PostAsync(query)).ShouldSucceed();

        Assert.All([anonymous, agent], r => Assert.All(r.Data!["modules"]!.AsArray(), m =>
        {
            Assert.Empty(m!["types"]!.AsArray());
            Assert.Empty(m["fields"]!.AsArray());
        }));
        Assert.Contains(administrator.Data!["modules"]!.AsArray(), m => m!["fields"]!.AsArray().Count > 0);
        Assert.Contains(development.Data!["modules"]!.AsArray(), m => m!["fields"]!.AsArray().Count > 0);
    }

    /// <summary>.NET's names for the primitives, which are not the schema's (DateTimeOffset and DateOnly are both).</summary>
    [GeneratedRegex(@"\b(Guid|Int16|Int32|Int64|UInt16|UInt32|UInt64|Double|Single|Decimal|DateTime|TimeSpan|Nullable`?\d?)\b")]
    private static partial Regex DotNetPrimitive();
}
