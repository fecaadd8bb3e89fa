using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Leara;
using SenGraph.Tests.Sir;
using Xunit;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Security;

/// <summary>
/// <c>reportStatistics</c>'s groupings (issue 17 item 6; issue 13: only types the caller may count; issue 15: SPEAR never finer
/// than the area), each checked against a filter-and-count of the reports themselves, over the demo data (all seven types)
/// and LEARAs written here.
/// </summary>
public sealed class StatisticsGroupingTests : IAsyncLifetime
{
    private readonly PluginsFolder _plugins = new PluginsFolder().WithShippedModules();
    private TestHost _host = null!;

    private const string Statistics = """
        query($where: ReportStatisticsFilterInput, $groupBy: [ReportStatisticsDimension!]) {
          reportStatistics(where: $where, groupBy: $groupBy) { total suppressedGroups groups { type status office area month state category categoryField count } }
        }
        """;

    private static readonly (string Level, string? State)[] Learas =
    [
        ("COUNTY", "MA"), ("COUNTY", "MA"), ("COUNTY", "MA"), ("MUNICIPAL", "MA"), ("MUNICIPAL", "RI"), ("STATE", "MA"), ("TRIBAL", null),
    ];

    public async Task InitializeAsync()
    {
        _host = new TestHost(_plugins, settings: new Dictionary<string, string?> { ["Demo:SeedOnStart"] = "true", ["Modules:lens:Outbox:Transport"] = "None" });
        var bob = _host.Token("bob", "Agent", "SAC-BOS");
        foreach (var (level, state) in Learas)
        {
            var created = await _host.CreateLearaAsync(bob, LearaApi.Input("Agency " + level, ("agencyLevel", level), ("agencyState", state), ("agencyOri", null)));
            Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
            await _host.StepOkAsync("submitReport", bob, new { id = created["leara"]!["id"]!.GetValue<string>(), expectedVersion = created["leara"]!["version"]!.GetValue<int>() });
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _plugins.Dispose();
    }

    /// <summary>The Development directory's offices and their areas (headquarters offices have none).</summary>
    private static readonly Dictionary<string, string> AreaOf = new()
    {
        ["SAC-NYC"] = "NYC", ["RAC-ALB"] = "NYC", ["FOD-NYC"] = "NYC", ["FIG-NYC"] = "NYC",
        ["SAC-BOS"] = "BOS", ["RAC-PVD"] = "BOS", ["FOD-BOS"] = "BOS", ["FIG-BOS"] = "BOS",
    };

    private static readonly object Submitted = new { statuses = new[] { "SUBMITTED" } };

    [Fact]
    public async Task Each_type_specific_category_counts_what_filtering_the_type_by_that_value_counts()
    {
        var stats = await CountAsync(HeadquartersAgent, new { where = Submitted, groupBy = new[] { "TYPE", "CATEGORY" } });

        var groups = stats["groups"]!.AsArray();
        Assert.Contains(groups, g => g!["type"]!.GetValue<string>() == "SIR" && g["categoryField"]?.GetValue<string>() == "category");
        Assert.Contains(groups, g => g!["type"]!.GetValue<string>() == "OPPRED" && g["categoryField"]?.GetValue<string>() == "category");
        Assert.Contains(groups, g => g!["type"]!.GetValue<string>() == "LEARA" && g["categoryField"]?.GetValue<string>() == "agencyLevel");
        Assert.Contains(groups, g => g!["type"]!.GetValue<string>() == "SPOT" && g["category"] is null && g["categoryField"] is null);
        foreach (var group in groups.Where(g => g!["categoryField"] is not null))
        {
            var type = group!["type"]!.GetValue<string>();
            var field = group["categoryField"]!.GetValue<string>();
            var list = type.ToLowerInvariant() + "s";
            var counted = await TotalAsync($"{{ {list}(where: {{ status: {{ eq: SUBMITTED }}, {field}: {{ eq: {group["category"]!.GetValue<string>()} }} }}) {{ totalCount }} }}", list);
            Assert.Equal(counted, group["count"]!.GetValue<int>());
        }
        // The demo data has LEARAs of its own; the seven written here are among those counted.
        var submittedLearas = await TotalAsync("{ learas(where: { status: { eq: SUBMITTED } }) { totalCount } }", "learas");
        Assert.True(submittedLearas >= Learas.Length);
        Assert.Equal(submittedLearas, groups.Where(g => g!["type"]!.GetValue<string>() == "LEARA").Sum(g => g!["count"]!.GetValue<int>()));
        var county = await TotalAsync("{ learas(where: { status: { eq: SUBMITTED }, agencyLevel: { eq: COUNTY } }) { totalCount } }", "learas");
        Assert.True(county >= 3);
        Assert.Equal(county, groups.Single(g => g!["type"]!.GetValue<string>() == "LEARA" && g["category"]!.GetValue<string>() == "COUNTY")!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Counts_by_state_area_and_month_match_a_filter_and_count_of_reports()
    {
        var stats = await CountAsync(HeadquartersAgent, new { where = new { statuses = new[] { "SUBMITTED" }, types = new[] { "SIR", "OPPRED", "SPOT", "LEARA" } },
            groupBy = new[] { "TYPE", "STATE", "MONTH" } });
        var byOffice = await CountAsync(HeadquartersAgent, new { where = new { statuses = new[] { "SUBMITTED" }, types = new[] { "SIR" } }, groupBy = new[] { "OFFICE", "AREA" } });

        var groups = stats["groups"]!.AsArray();
        Assert.True(groups.Count > 4, stats.ToJsonString());
        Assert.Contains(groups, g => g!["state"] is null);
        foreach (var group in groups)
        {
            var from = DateTimeOffset.ParseExact(group!["month"]!.GetValue<string>() + "-01", "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.AssumeUniversal);
            var state = group["state"]?.GetValue<string>();
            var where = new JsonObject
            {
                ["type"] = new JsonObject { ["eq"] = group["type"]!.GetValue<string>() },
                ["status"] = new JsonObject { ["eq"] = "SUBMITTED" },
                ["eventState"] = new JsonObject { ["eq"] = state },
                ["createdAt"] = new JsonObject { ["gte"] = from.ToString("O"), ["lt"] = from.AddMonths(1).ToString("O") },
            };
            var counted = (await _host.PostAsync("query($where: ReportFilterInput) { reports(where: $where) { totalCount } }", new { where }, _host.TokenOf(HeadquartersAgent)))
                .ShouldSucceed().Data!["reports"]!["totalCount"]!.GetValue<int>();
            Assert.True(counted == group["count"]!.GetValue<int>(), $"{group.ToJsonString()}: reports counts {counted}");
        }
        foreach (var group in byOffice["groups"]!.AsArray())
        {
            var office = group!["office"]!.GetValue<string>();
            var counted = await TotalAsync($"{{ reports(where: {{ type: {{ eq: \"SIR\" }}, status: {{ eq: SUBMITTED }}, originatingOffice: {{ eq: \"{office}\" }} }}) {{ totalCount }} }}", "reports");
            Assert.Equal(counted, group["count"]!.GetValue<int>());
            Assert.Equal(AreaOf.GetValueOrDefault(office), group["area"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task Spear_is_counted_by_area_never_by_office()
    {
        var byOffice = await CountAsync(HeadquartersAgent, new { where = new { types = new[] { "SPEAR" }, statuses = new[] { "SUBMITTED" } }, groupBy = new[] { "TYPE", "OFFICE", "AREA" } });
        var filteredByOffice = await CountAsync(HeadquartersAgent, new { where = new { types = new[] { "SPEAR", "SIR" }, offices = AreaOf.Keys.ToArray() }, groupBy = new[] { "TYPE" } });
        var byArea = await CountAsync(HeadquartersAgent, new { where = new { types = new[] { "SPEAR" }, statuses = new[] { "SUBMITTED" }, areas = new[] { "NYC", "BOS" } }, groupBy = Array.Empty<string>() });
        var spears = await TotalAsync("{ spears(where: { status: { eq: SUBMITTED } }) { totalCount } }", "spears");

        var groups = byOffice["groups"]!.AsArray();
        Assert.NotEmpty(groups);
        Assert.All(groups, g => Assert.Null(g!["office"]));
        Assert.All(groups, g => Assert.NotNull(g!["area"]));
        Assert.Equal(spears, byOffice["total"]!.GetValue<int>());
        Assert.Equal(spears, byArea["total"]!.GetValue<int>());
        Assert.Contains(filteredByOffice["groups"]!.AsArray(), g => g!["type"]!.GetValue<string>() == "SIR");
        Assert.DoesNotContain(filteredByOffice["groups"]!.AsArray(), g => g!["type"]!.GetValue<string>() == "SPEAR");
    }

    [Fact]
    public async Task A_caller_counts_only_the_types_they_may_read_or_that_name_their_role()
    {
        var hank = await TypesCountedAsync(HeadquartersAgent);
        var ivan = await TypesCountedAsync(HsiIntelligence);     // reads neither SPEAR, LEARA nor ERO TAV
        var paula = await TypesCountedAsync(PublicAffairsOfficer);   // reads nothing; counts the default types, not SPEAR
        var stella = await TypesCountedAsync(StatisticsAnalyst);  // reads nothing; SPEAR names the role

        Assert.Equal(["EROLEAD", "EROTAV", "LEARA", "OPPRED", "SIR", "SPEAR", "SPOT"], hank);
        Assert.Equal(["EROLEAD", "OPPRED", "SIR", "SPOT"], ivan);      // reads ERO LEADs (once flagged), not ERO TAVs
        Assert.Equal(["EROLEAD", "EROTAV", "LEARA", "OPPRED", "SIR", "SPOT"], paula);
        Assert.Equal(["EROLEAD", "EROTAV", "LEARA", "OPPRED", "SIR", "SPEAR", "SPOT"], stella);
        var hsiLearas = await CountAsync(HsiIntelligence, new { where = new { types = new[] { "LEARA" } }, groupBy = Array.Empty<string>() });
        Assert.Equal(0, hsiLearas["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Small_counts_in_type_specific_groupings_are_withheld_outside_the_operational_staff()
    {
        var request = new { where = Submitted, groupBy = new[] { "TYPE", "CATEGORY", "STATE" } };
        var operational = await CountAsync(Supervisor, request);
        var analyst = await CountAsync(StatisticsAnalyst, request);

        var small = operational["groups"]!.AsArray().Count(g => g!["count"]!.GetValue<int>() is > 0 and < 5);
        Assert.True(small > 0, "the demo data has small groups by type, category and state");
        Assert.All(analyst["groups"]!.AsArray(), g => Assert.True(g!["count"]!.GetValue<int>() >= 5));
        // Supervisors do not read SPEAR beyond their office but count it (its readers); analysts count SPEAR too.
        Assert.Equal(small, analyst["suppressedGroups"]!.GetValue<int>());
        Assert.Equal(operational["total"]!.GetValue<int>(), analyst["total"]!.GetValue<int>());
    }

    private async Task<List<string>> TypesCountedAsync(Actor actor) =>
        [.. (await CountAsync(actor, new { groupBy = new[] { "TYPE" } }))["groups"]!.AsArray().Select(g => g!["type"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    private async Task<int> TotalAsync(string query, string field) =>
        (await _host.PostAsync(query, token: _host.TokenOf(HeadquartersAgent))).ShouldSucceed().Data![field]!["totalCount"]!.GetValue<int>();

    private async Task<JsonNode> CountAsync(Actor actor, object variables) =>
        (await _host.PostAsync(Statistics, variables, _host.TokenOf(actor))).ShouldSucceed().Data!["reportStatistics"]!;
}
