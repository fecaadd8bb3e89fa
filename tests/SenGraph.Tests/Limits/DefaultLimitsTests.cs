using System.Net;
using SenGraph.Host.GraphQL.Limits;

namespace SenGraph.Tests.Limits;

/// <summary>
/// The limits as shipped (issue 23): 5000 tokens, a cost of 25000, 30 aliases and 30 directives. Each exactly at the
/// limit is accepted and one past it refused, with the code clients switch on written out.
/// </summary>
public sealed class DefaultLimitsTests(DefaultLimitsHost host) : IClassFixture<DefaultLimitsHost>
{
    /// <summary>
    /// <c>query{...F ...F …} fragment F on Query{__typename}</c>: 2 tokens per spread, 10 more. Short tokens, so that
    /// 5000 of them stay under the 32768 characters of MaxQueryLength. <paramref name="named"/> adds one (the name Q).
    /// </summary>
    private static string Spreads(int count, bool named) =>
        (named ? "query Q{" : "query{") + string.Concat(Enumerable.Repeat("...F ", count)) + "} fragment F on Query{__typename}";

    [Fact]
    public async Task The_default_token_limit_is_5000()
    {
        var atLimit = Spreads(2495, named: false);
        var pastLimit = Spreads(2495, named: true);
        Assert.Equal(5000, GraphQLLimits.CountTokens(atLimit, 10_000));

        var accepted = await host.PostAsync(atLimit);
        var refused = await host.PostAsync(pastLimit);

        accepted.ShouldSucceed();
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["MAX_TOKENS_EXCEEDED"], refused.ErrorCodes);
        Assert.Contains("at most 5000 are accepted", refused.Body);
    }

    [Fact]
    public async Task The_default_cost_limit_is_25000()
    {
        // 1 + n × (nodes 1 + code 1 + name 1), costed before the resolver (which allows at most 50 per page) runs.
        const string query = "query($n: Int) { offices(first: $n) { nodes { code name } } }";
        var token = host.Token();

        var atLimit = await host.PostAsync(query, new { n = 8333 }, token);    // 25000
        var pastLimit = await host.PostAsync(query, new { n = 8334 }, token);  // 25003

        Assert.DoesNotContain("MAX_COMPLEXITY_EXCEEDED", atLimit.ErrorCodes);
        Assert.Equal(["PAGING_MAX_EXCEEDED"], atLimit.ErrorCodes);              // executed: the page size is the resolver's to refuse
        Assert.Equal(["MAX_COMPLEXITY_EXCEEDED"], pastLimit.ErrorCodes);
        Assert.Contains("cost is 25003; at most 25000", pastLimit.Body);
    }

    [Fact]
    public async Task The_default_alias_limit_is_30()
    {
        var accepted = await host.PostAsync(AttackQueries.Aliases(30));
        var refused = await host.PostAsync(AttackQueries.Aliases(31));

        accepted.ShouldSucceed();
        Assert.Equal(["MAX_ALIASES_EXCEEDED"], refused.ErrorCodes);
        Assert.Contains("31 aliases; at most 30", refused.Body);
    }

    [Fact]
    public async Task The_default_directive_limit_is_30()
    {
        var accepted = await host.PostAsync(AttackQueries.Directives(30));
        var refused = await host.PostAsync(AttackQueries.Directives(31));

        accepted.ShouldSucceed();
        Assert.Equal(["MAX_DIRECTIVES_EXCEEDED"], refused.ErrorCodes);
        Assert.Contains("31 directives; at most 30", refused.Body);
    }
}
