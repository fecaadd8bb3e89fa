using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Leara;

/// <summary>The LEARA module's operations as a front end calls them, over HTTP.</summary>
public static class LearaApi
{
    public const string Fields =
        "id type number status title originatingOffice author revision version "
        + "requestingAgency agencyLevel agencyState agencyOri receivedOn program request outcome disposition responseCompletedOn responseCompleted daysToResponse "
        + "contacts { kind name agency phone } recipients { kind code reason }";

    /// <summary>A valid LEARA input (a county sheriff in Massachusetts asks ERO to check a subject) with <paramref name="changes"/> on top.</summary>
    public static Dictionary<string, object?> Input(string agency, params (string Key, object? Value)[] changes)
    {
        var input = new Dictionary<string, object?>
        {
            ["title"] = "Request from " + agency,
            ["requestingAgency"] = agency,
            ["agencyLevel"] = "COUNTY",
            ["agencyState"] = "MA",
            ["agencyOri"] = "MA0090000",
            ["receivedOn"] = "2026-11-02",
            ["program"] = "ERO",
            ["request"] = "Deputy asks whether Juan Perez, held on a state charge, is subject to removal.",
            ["contacts"] = new object[]
            {
                new { kind = "REQUESTING_PARTY", name = "Deputy Dana Doe", agency, phone = "(617) 555-0111" },
                new { kind = "RECEIVED_BY", name = "Bob Agent", agency = "ICE SAC-BOS", phone = "(617) 555-0100" },
                new { kind = "FORWARDED_TO", name = "Officer Frank Forward", agency = "ICE FOD-BOS" },
                new { kind = "DUTY_OFFICER", name = "Officer Dora Duty", agency = "ICE FOD-BOS" },
            },
        };
        foreach (var (key, value) in changes) input[key] = value;
        return input;
    }

    public static async Task<JsonNode> CreateLearaAsync(this TestHost host, string token, object input) =>
        (await host.PostAsync($"mutation($input: CreateLearaInput!) {{ createLeara(input: $input) {{ leara {{ {Fields} }} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed().Data!["createLeara"]!;

    public static async Task<JsonNode> AmendLearaAsync(this TestHost host, string token, object input) =>
        (await host.PostAsync($"mutation($input: AmendLearaInput!) {{ amendLeara(input: $input) {{ leara {{ {Fields} }} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed().Data!["amendLeara"]!;

    public static async Task<JsonNode?> LearaAsync(this TestHost host, string token, string id, string selection = Fields) =>
        (await host.PostAsync($"query($id: ID!) {{ leara(id: $id) {{ {selection} }} }}", new { id }, token)).ShouldSucceed().Data!["leara"];
}
