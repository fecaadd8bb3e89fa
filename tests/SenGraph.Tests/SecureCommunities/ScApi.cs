using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.SecureCommunities;

/// <summary>The shipped modules, with users the directory does not know (the module's own roles come from the token).</summary>
public sealed class ScHost() : TestHost(new PluginsFolder().WithShippedModules(), settings: AcceptingUnknownUsers(new Dictionary<string, string?> { ["Modules:lens:Outbox:Transport"] = "None" }));

/// <summary>What the tests send to the Secure Communities module and read back.</summary>
public static class ScApi
{
    public const string TransmissionsHeader = "transmission_id,submitted_at,ori,state,site,result,iar_level,idr_returned_at,iar_returned_at";
    public const string EventsHeader = "event_id,transmission_id,kind,occurred_at";

    public static string Importer(this TestHost host) => host.Token("sc-importer", "SC Data Importer", "HQ-ICE");

    public static string Analyst(this TestHost host) => host.Token("sc-analyst", "Statistics Analyst", "HQ-ICE");

    public static string Csv(string header, params string[] rows) => string.Join("\n", rows.Prepend(header)) + "\n";

    public static async Task<JsonNode> ImportAsync(this TestHost host, string? transmissions, string? events, bool skipInvalid = false, string? token = null)
    {
        var response = await host.PostAsync("""
            mutation($input: ImportSecureCommunitiesDataInput!) {
              importSecureCommunitiesData(input: $input) {
                result { applied transmissionsRead transmissionsWritten eventsRead eventsWritten skipped errorCount }
                errors { code message path }
              }
            }
            """, new { input = new { transmissionsCsv = transmissions, eventsCsv = events, skipInvalid } }, token ?? host.Importer());
        return response.ShouldSucceed().Data!["importSecureCommunitiesData"]!;
    }

    public static async Task<JsonNode> OutcomesAsync(this TestHost host, string from, string to, string site, string? level = null, string? asOf = null, string? token = null)
    {
        var response = await host.PostAsync("""
            query($from: DateOnly!, $to: DateOnly!, $site: String, $level: ScIarLevel, $asOf: DateOnly) {
              secureCommunitiesOutcomes(from: $from, to: $to, site: $site, level: $level, asOf: $asOf) { months rows { code label counts total } }
            }
            """, new { from, to, site, level, asOf }, token ?? host.Analyst());
        return response.ShouldSucceed().Data!["secureCommunitiesOutcomes"]!;
    }

    /// <summary>The counts of a row of the outcome table, by its code, with the total last.</summary>
    public static int[] Row(this JsonNode table, string code)
    {
        var row = table["rows"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == code)!;
        return [.. row["counts"]!.AsArray().Select(c => c!.GetValue<int>()), row["total"]!.GetValue<int>()];
    }
}
