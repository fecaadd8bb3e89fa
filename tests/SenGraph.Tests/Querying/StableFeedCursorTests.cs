using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Querying;

/// <summary>
/// The newest-first lists front ends page through while reports arrive (irocFeed, myQueue, reports and a module's
/// sirs): a report submitted between two page fetches lands before the cursor and shifts nothing after it.
/// </summary>
public sealed class StableFeedCursorTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    public static readonly TheoryData<string, string> Lists = new()
    {
        { "irocFeed", "nodes { id }" },
        { "myQueue", "nodes { report { id } }" },
        { "reports", "nodes { id }" },
        { "sirs", "nodes { id }" },
    };

    /// <summary>A SIR by the agent, submitted and sent by name to the IROC.</summary>
    private async Task SubmitToIrocAsync(string title)
    {
        var (id, version) = await host.DraftAsync(host.TokenOf(Agent), title);
        await host.StepOkAsync("submitReport", host.TokenOf(Agent), new { id, expectedVersion = version, recipients = new[] { new { kind = "USER", code = IrocStaff.User } } });
    }

    private async Task<JsonNode> PageAsync(string field, string selection, string? after, int first)
    {
        var query = $"query($after: String) {{ {field}(first: {first}, after: $after) {{ {selection} pageInfo {{ hasNextPage endCursor }} }} }}";
        return (await host.PostAsync(query, new { after }, host.TokenOf(IrocStaff))).ShouldSucceed().Data![field]!;
    }

    private static IEnumerable<string> Ids(JsonNode page) =>
        page["nodes"]!.AsArray().Select(n => (n!["report"] ?? n)["id"]!.GetValue<string>());

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_report_arriving_between_page_fetches_neither_repeats_nor_skips_an_item(string field, string selection)
    {
        for (var i = 0; i < 7; i++) await SubmitToIrocAsync($"{field} before paging {i}");
        var expected = Ids(await PageAsync(field, selection, after: null, first: 100)).ToList();

        var seen = new List<string>();
        string? after = null;
        for (var fetch = 0; ; fetch++)
        {
            var page = await PageAsync(field, selection, after, first: 3);
            seen.AddRange(Ids(page));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
            await SubmitToIrocAsync($"{field} while paging {fetch}");
        }

        Assert.True(expected.Count >= 7);
        Assert.Equal(expected, seen);
    }
}
