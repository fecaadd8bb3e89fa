using System.Diagnostics;
using System.Net;
using SenGraph.Host.GraphQL.Limits;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Limits;

/// <summary>Each abuse limit over HTTP, with small limits: the attack is refused with its status code and error code, and just under the limit runs.</summary>
public sealed class HttpLimitsTests(SmallLimitsHost host) : IClassFixture<SmallLimitsHost>
{
    [Fact]
    public async Task A_query_deeper_than_the_default_max_depth_of_15_is_refused()
    {
        var refused = await host.PostAsync(AttackQueries.Deep(16));
        var allowed = await host.PostAsync(AttackQueries.Deep(15));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["MAX_DEPTH_EXCEEDED"], refused.ErrorCodes);
        Assert.Contains("16 levels deep; at most 15", refused.Body);
        allowed.ShouldSucceed();
    }

    [Fact]
    public async Task A_connection_costs_its_selection_times_the_page_it_asks_for()
    {
        const string query = "query($n: Int) { offices(first: $n) { nodes { code name } } }";
        var token = host.Token();

        var small = await host.PostAsync(query, new { n = 10 }, token);           // 1 + 10 × (1 + 2) = 31
        var large = await host.PostAsync(query, new { n = 200 }, token);          // 1 + 200 × 3 = 601 > 500

        small.ShouldSucceed();
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], large.ErrorCodes);
        Assert.Contains("cost is 601; at most 500", large.Body);
    }

    [Fact]
    public async Task A_connection_without_first_costs_its_default_page_size()
    {
        // offices pages 50 by default: 1 + 50 × (edges 1 + cursor 1 + node 1 + 7 fields) = 501 > 500; with first: 10 it is 101.
        const string selection = "edges { cursor node { code name kind organisation parent area reviewMandatory } }";
        var token = host.Token();

        var byDefault = await host.PostAsync($"{{ offices {{ {selection} }} }}", token: token);
        var paged = await host.PostAsync($"{{ offices(first: 10) {{ {selection} }} }}", token: token);

        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], byDefault.ErrorCodes);
        Assert.Contains("cost is 501", byDefault.Body);
        paged.ShouldSucceed();
    }

    [Fact]
    public async Task A_cached_document_is_costed_again_with_new_variables()
    {
        const string query = "query Cached($n: Int) { offices(first: $n) { nodes { code name } } }";
        var token = host.Token();

        (await host.PostAsync(query, new { n = 5 }, token)).ShouldSucceed();
        (await host.PostAsync(query, new { n = 5 }, token)).ShouldSucceed(); // now from the document cache
        var large = await host.PostAsync(query, new { n = 200 }, token);

        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], large.ErrorCodes);
    }

    [Fact]
    public async Task Introspection_that_loops_through_types_is_refused()
    {
        // fields → type → fields …: each level returns the schema again. Three levels are what tools need.
        const string loop = "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }";
        // From one type rather than every type, so the cost stays under this host's small MaxComplexity as the schema grows.
        const string three = "{ __schema { queryType { fields { type { fields { type { fields { name } } } } } } } }";

        var refused = await host.PostAsync(loop);
        var allowed = await host.PostAsync(three);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["MAX_INTROSPECTION_DEPTH_EXCEEDED"], refused.ErrorCodes);
        allowed.ShouldSucceed();
    }

    [Fact]
    public async Task More_aliases_than_the_limit_are_refused()
    {
        var refused = await host.PostAsync(AttackQueries.Aliases(SmallLimitsHost.MaxAliases + 1));
        var allowed = await host.PostAsync(AttackQueries.Aliases(SmallLimitsHost.MaxAliases));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["MAX_ALIASES_EXCEEDED"], refused.ErrorCodes);
        allowed.ShouldSucceed();
    }

    [Fact]
    public async Task Aliases_in_a_fragment_count_each_time_it_is_spread()
    {
        // Three aliases in the text, six executed.
        const string query = "{ ...F ... on Query { ...F } } fragment F on Query { a: __typename b: __typename c: __typename }";

        var response = await host.PostAsync(query);

        Assert.Equal(["MAX_ALIASES_EXCEEDED"], response.ErrorCodes);
        Assert.Contains("has 6 aliases", response.Body);
    }

    [Fact]
    public async Task More_directives_than_the_limit_are_refused()
    {
        var refused = await host.PostAsync(AttackQueries.Directives(SmallLimitsHost.MaxDirectives + 1));
        var allowed = await host.PostAsync(AttackQueries.Directives(SmallLimitsHost.MaxDirectives));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["MAX_DIRECTIVES_EXCEEDED"], refused.ErrorCodes);
        allowed.ShouldSucceed();
    }

    [Fact]
    public async Task A_query_with_more_tokens_than_the_limit_is_refused_before_parsing()
    {
        var refused = await host.PostAsync(AttackQueries.Tokens(SmallLimitsHost.MaxTokens));      // 202 tokens, about 2 200 characters
        var allowed = await host.PostAsync(AttackQueries.Tokens(SmallLimitsHost.MaxTokens - 2));  // exactly 200

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["MAX_TOKENS_EXCEEDED"], refused.ErrorCodes);
        allowed.ShouldSucceed();
    }

    [Theory]
    [InlineData(TestHost.GraphQLResponseJson)]
    [InlineData("application/json")]
    public async Task A_batch_is_refused_with_400(string accept)
    {
        var response = await host.SendAsync(HttpMethod.Post, "/graphql",
            """ [{"query":"{ __typename }"},{"query":"{ __typename }"}]""", "application/json", accept: accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BATCHING_NOT_SUPPORTED"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_slow_resolver_is_cancelled_at_the_execution_timeout()
    {
        var clock = Stopwatch.StartNew();
        var response = await host.PostAsync("{ abuseSlow }");
        clock.Stop();

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.Status);
        Assert.Equal(["TIMEOUT"], response.ErrorCodes);
        Assert.True(clock.Elapsed >= SmallLimitsHost.ExecutionTimeout - TimeSpan.FromMilliseconds(100), $"answered after {clock.Elapsed}, before the timeout");
    }

    [Fact]
    public async Task A_timeout_is_200_in_application_json()
    {
        var response = await host.PostAsync("{ abuseSlow }", accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["TIMEOUT"], response.ErrorCodes);
    }

    [Fact]
    public async Task Field_suggestions_are_given_in_development()
    {
        var response = await host.PostAsync("{ serverInf { version } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("Did you mean", response.Body);
    }

    [Fact]
    public async Task Exception_messages_are_shown_only_when_switched_on()
    {
        var response = await host.PostAsync("{ abuseFailure }");

        Assert.Contains(LimitsHost.FailureMessage, response.Errors[0]!["message"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", response.Body); // never a stack trace
    }
}

/// <summary>The limits that depend on the environment, in Production with the default settings.</summary>
public sealed class ProductionLimitsTests(ProductionLimitsHost host) : IClassFixture<ProductionLimitsHost>
{
    [Fact]
    public async Task Field_suggestions_are_not_given_in_production()
    {
        var field = await host.PostAsync("{ serverInf { version } }");
        var argument = await host.PostAsync("{ __type(nam: \"Query\") { name } }", token: host.Token());

        Assert.Equal(HttpStatusCode.BadRequest, field.Status);
        Assert.Contains("serverInf", field.Body);
        Assert.DoesNotContain("Did you mean", field.Body);
        Assert.DoesNotContain("serverInfo", field.Body);
        Assert.Equal(HttpStatusCode.BadRequest, argument.Status);
        Assert.DoesNotContain("Did you mean", argument.Body);
    }

    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Query\") { name } }")]
    [InlineData("{ serverInfo { version } __type(name: \"Query\") { name } }")]
    public async Task Introspection_is_refused_to_anonymous_callers_in_production(string query)
    {
        var response = await host.PostAsync(query);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task Typename_is_always_allowed()
    {
        var response = (await host.PostAsync("{ __typename }")).ShouldSucceed();

        Assert.Equal("Query", response.Data!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Introspection_answers_an_authenticated_caller_and_a_cached_copy_still_refuses_anonymous_ones()
    {
        const string query = "{ __schema { queryType { name } } serverInfo { environment } }";

        var authenticated = (await host.PostAsync(query, token: host.Token())).ShouldSucceed();
        var anonymous = await host.PostAsync(query); // the document is cached by now

        Assert.Equal("Query", authenticated.Data!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
    }

    [Fact]
    public async Task An_unhandled_exception_becomes_a_generic_error_and_is_logged_in_full()
    {
        var response = await host.PostAsync("{ abuseFailure }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var error = Assert.Single(response.Errors);
        Assert.Equal("Internal server error.", error!["message"]!.GetValue<string>());
        Assert.Equal("INTERNAL_SERVER_ERROR", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("abuseFailure", error["path"]![0]!.GetValue<string>());
        foreach (var leak in new[] { "SELECT", "secret_4711", "SQLite", "InvalidOperation", "INVALID_OPERATION", " at " })
            Assert.DoesNotContain(leak, response.Body);
        Assert.Contains(host.Errors.Entries, e => e.Exception?.Message == LimitsHost.FailureMessage);
    }

    [Fact]
    public async Task The_default_limits_admit_the_standard_introspection_query()
    {
        var response = (await host.PostAsync(AttackQueries.Introspection, token: host.Token())).ShouldSucceed();

        Assert.Equal("Query", response.Data!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }
}

/// <summary>Outside Production (here Staging), anonymous introspection is allowed.</summary>
public sealed class StagingIntrospectionTests
{
    [Fact]
    public async Task Introspection_answers_anonymous_callers_outside_production()
    {
        using var host = new LimitsHost("Staging");

        var response = (await host.PostAsync("{ __schema { queryType { name } } }")).ShouldSucceed();

        Assert.Equal("Query", response.Data!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonymous_introspection_can_be_switched_off_by_setting()
    {
        using var host = new LimitsHost("Staging", new Dictionary<string, string?> { ["GraphQL:AnonymousIntrospection"] = "false" });

        var response = await host.PostAsync("{ __schema { queryType { name } } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }
}

/// <summary>Development with the default settings.</summary>
public sealed class DevelopmentLimitsTests(DefaultLimitsHost host) : IClassFixture<DefaultLimitsHost>
{
    [Fact]
    public async Task An_unhandled_exception_is_generic_by_default_in_development_too()
    {
        var response = await host.PostAsync("{ abuseFailure }");

        Assert.Equal("Internal server error.", Assert.Single(response.Errors)!["message"]!.GetValue<string>());
        Assert.Equal(["INTERNAL_SERVER_ERROR"], response.ErrorCodes);
        Assert.DoesNotContain("SELECT", response.Body);
    }

    [Fact]
    public async Task The_default_depth_admits_the_standard_introspection_query_anonymously_in_development()
    {
        (await host.PostAsync(AttackQueries.Introspection)).ShouldSucceed();
    }

    [Fact]
    public async Task A_document_nested_past_the_parser_is_refused_as_too_deep_and_not_logged_as_an_error()
    {
        var nested = new string('[', 1_000) + "1" + new string(']', 1_000);

        var response = await host.PostAsync($"{{ __type(name: {nested}) {{ name }} }}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["DOCUMENT_TOO_DEEP"], response.ErrorCodes);
        Assert.DoesNotContain(host.Errors.Entries, e => e.Exception is GraphQLParser.Exceptions.GraphQLMaxDepthExceededException);
    }

    [Theory]
    [InlineData("\\uD800")]
    [InlineData("\\uDC00x")]
    [InlineData("\\uDE94\\uD83D")]
    public async Task A_string_literal_with_a_lone_surrogate_escape_is_refused(string escapes)
    {
        var response = await host.PostAsync($"{{ __type(name: \"Query{escapes}\") {{ name }} }}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["INVALID_UNICODE"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_string_literal_with_a_surrogate_pair_escape_is_text()
    {
        var response = (await host.PostAsync("{ __type(name: \"\\uD83D\\uDE94\") { name } }")).ShouldSucceed();

        Assert.Null(response.Data!["__type"]);
    }
}
