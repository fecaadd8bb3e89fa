using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Host.Security;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.WebSockets;

namespace SenGraph.Tests.Security;

/// <summary>PIA 8.3: the Rules of Behavior are acknowledged at first use and again every 90 days; until then only <c>me</c> and the acknowledgement run.</summary>
[Trait(TestDatabase.Trait, "true")] // runs again on PostgreSQL in CI (TestDatabase)
public sealed class RulesOfBehaviorTests
{
    private const string Acknowledge =
        "mutation($v: String!) { acknowledgeRulesOfBehavior(input: { version: $v }) { rulesOfBehavior { version acknowledged acknowledgedAt dueBy } errors { code path } } }";

    [Fact]
    public async Task A_new_user_is_refused_everything_but_me_and_the_acknowledgement_until_they_acknowledge()
    {
        using var plugins = new PluginsFolder().WithShippedModules();
        await using var host = new TestHost(plugins, settings: TestHost.AcceptingUnknownUsers());
        var token = host.Token("ivo", "Agent", "FIG-NYC", acknowledgeRules: false);

        // Operations of every kind are refused, with the typed error and 403.
        foreach (var query in new[] { "{ reports(first: 1) { totalCount } }", "{ serverInfo { version } }", "{ me { userName } reports(first: 1) { totalCount } }",
                     "mutation { submitReport(input: { id: \"UmVwb3J0OjA=\", expectedVersion: 1 }) { errors { code } } }" })
        {
            var refused = await host.PostAsync(query, token: token);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Null(refused.Data);
            var error = Assert.Single(refused.Errors!);
            Assert.Equal("RULES_OF_BEHAVIOR_NOT_ACKNOWLEDGED", error!["extensions"]!["code"]!.GetValue<string>());
            Assert.Contains("acknowledgeRulesOfBehavior", error["message"]!.GetValue<string>());
        }

        // me shows the rules to read; introspection stays open so an IDE can offer the mutation.
        var me = (await host.PostAsync("{ me { userName rulesOfBehavior { version text acknowledged acknowledgedAt dueBy } } __type(name: \"Mutation\") { name } }", token: token))
            .ShouldSucceed().Data!;
        var rules = me["me"]!["rulesOfBehavior"]!;
        Assert.False(rules["acknowledged"]!.GetValue<bool>());
        Assert.Null(rules["acknowledgedAt"]);
        Assert.Contains("Rules of Behavior", rules["text"]!.GetValue<string>());
        var version = rules["version"]!.GetValue<string>();

        // A wrong version is refused and changes nothing.
        var wrong = (await host.PostAsync(Acknowledge, new { v = "1999" }, token)).ShouldSucceed().Data!["acknowledgeRulesOfBehavior"]!;
        Assert.Equal("VERSION_MISMATCH", wrong["errors"]![0]!["code"]!.GetValue<string>());
        Assert.False(wrong["rulesOfBehavior"]!["acknowledged"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync("{ serverInfo { version } }", token: token)).Status);

        var acknowledged = (await host.PostAsync(Acknowledge, new { v = version }, token)).ShouldSucceed().Data!["acknowledgeRulesOfBehavior"]!;
        Assert.Empty(acknowledged["errors"]!.AsArray());
        Assert.True(acknowledged["rulesOfBehavior"]!["acknowledged"]!.GetValue<bool>());
        var at = DateTimeOffset.Parse(acknowledged["rulesOfBehavior"]!["acknowledgedAt"]!.GetValue<string>());
        var dueBy = DateTimeOffset.Parse(acknowledged["rulesOfBehavior"]!["dueBy"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromDays(90), dueBy - at);

        (await host.PostAsync("{ reports(first: 1) { totalCount } serverInfo { version } }", token: token)).ShouldSucceed();
    }

    [Fact]
    public async Task An_acknowledgement_runs_out_after_90_days_and_a_new_version_asks_again()
    {
        using var plugins = new PluginsFolder();
        await using var host = new TestHost(plugins);
        var token = host.Token("ray", "Agent", "RAC-ALB", acknowledgeRules: false);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // An acknowledgement made 90 days and a minute ago, as the table would hold it.
            var database = scope.ServiceProvider.GetRequiredService<SenGraph.Host.Kernel.Database.SenDatabase>();
            var rules = scope.ServiceProvider.GetRequiredService<RulesOfBehavior>();
            using var audit = SenGraph.Contracts.Auditing.AuditScope.Begin(SenGraph.Contracts.Auditing.AuditContext.System("test: backdated acknowledgements"));
            await using var db = database.CreateDbContext();
            db.RulesOfBehaviorAcknowledgements.Add(new RulesOfBehaviorAcknowledgement
            {
                UserName = "ray", RulesVersion = rules.Options.Version, AcknowledgedAt = DateTimeOffset.UtcNow - TimeSpan.FromDays(90) - TimeSpan.FromMinutes(1),
            });
            // And a current one, but of another version of the rules.
            db.RulesOfBehaviorAcknowledgements.Add(new RulesOfBehaviorAcknowledgement
            {
                UserName = "ray", RulesVersion = "an-older-text", AcknowledgedAt = DateTimeOffset.UtcNow - TimeSpan.FromDays(1),
            });
            await db.SaveChangesAsync();
        }

        var refused = await host.PostAsync("{ serverInfo { version } }", token: token);
        Assert.Equal("RULES_OF_BEHAVIOR_NOT_ACKNOWLEDGED", refused.Errors![0]!["extensions"]!["code"]!.GetValue<string>());
        var rulesNow = (await host.PostAsync("{ me { rulesOfBehavior { version acknowledged acknowledgedAt } } }", token: token)).ShouldSucceed().Data!["me"]!["rulesOfBehavior"]!;
        Assert.False(rulesNow["acknowledged"]!.GetValue<bool>());
        Assert.NotNull(rulesNow["acknowledgedAt"]); // the expired one is shown, so the user sees why

        (await host.PostAsync(Acknowledge, new { v = rulesNow["version"]!.GetValue<string>() }, token)).ShouldSucceed();
        (await host.PostAsync("{ serverInfo { version } }", token: token)).ShouldSucceed();
    }

    [Fact]
    public async Task The_gate_holds_over_websocket_subscriptions_and_anonymous_callers_are_unaffected()
    {
        using var plugins = new PluginsFolder();
        await using var host = new TestHost(plugins);
        var token = host.Token("ed", "Agent", "FOD-NYC", acknowledgeRules: false);
        // Cached documents are checked too: the same document, first by someone who acknowledged, then by ed.
        var other = host.Token("alice");
        (await host.PostAsync("{ serverInfo { version } }", token: other)).ShouldSucceed();
        var refused = await host.PostAsync("{ serverInfo { version } }", token: token);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        await using (var socket = await GraphQLWsTestClient.InitializedAsync(host, authorization: "Bearer " + token))
        {
            await socket.SubscribeAsync("s", "subscription { reportSubmitted { id } }");
            var message = await socket.ReceiveAsync();
            Assert.Equal("error", message["type"]!.GetValue<string>());
            Assert.Equal("RULES_OF_BEHAVIOR_NOT_ACKNOWLEDGED", message["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        }

        // Anonymous fields stay anonymous: the rules bind users, and an anonymous caller has not signed in.
        (await host.PostAsync("{ serverInfo { version } }")).ShouldSucceed();
    }

    [Theory]
    [InlineData("RulesOfBehavior:ValidFor", "00:00:00")]
    [InlineData("RulesOfBehavior:Version", " ")]
    [InlineData("RulesOfBehavior:Text", "")]
    public void Bad_settings_stop_the_host_naming_the_key(string key, string value)
    {
        using var plugins = new PluginsFolder();
        using var host = new TestHost(plugins, settings: new Dictionary<string, string?> { [key] = value });
        var error = Assert.ThrowsAny<Exception>(() => host.Services);
        Assert.Contains(key, error.ToString());
    }
}
