using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Sir;

/// <summary>The SIR module's and the host's report operations as a front end calls them, over HTTP.</summary>
public static class SirApi
{
    public const string SirFields =
        "id type number status title eventAt eventCity eventState originatingOffice author supervisor returnReason revision version "
        + "category seizedProperty injuries hospital notes reportedWithinHours withinPolicyDeadline "
        + "people { role firstName lastName aNumber dateOfBirth } contacts { kind name phone } narratives { heading text }";

    public const string StepSelection = "report { id status version number returnReason supervisor } errors { code message path }";

    /// <summary>A valid SIR input (significant arrest in New York) with <paramref name="changes"/> on top.</summary>
    public static Dictionary<string, object?> Input(string title, params (string Key, object? Value)[] changes)
    {
        var input = new Dictionary<string, object?>
        {
            ["title"] = title,
            ["category"] = "SIGNIFICANT_ARREST",
            ["eventAt"] = DateTimeOffset.UtcNow.AddHours(-3).ToString("O"),
            ["eventCity"] = "New York",
            ["eventState"] = "NY",
            ["people"] = new object[]
            {
                new { role = "SUSPECT", firstName = "Juan", lastName = "Perez", aNumber = "A-012-345-678", dateOfBirth = "1985-04-12", countryOfBirth = "MEX" },
            },
            ["contacts"] = new object[] { new { kind = "REPORTING_PERSONNEL", name = "Alice Agent", phone = "(212) 555-0100" } },
            ["narratives"] = new object[] { new { heading = "Incident", text = "Arrested at JFK Terminal 4 after a controlled delivery." } },
        };
        foreach (var (key, value) in changes) input[key] = value;
        return input;
    }

    public static async Task<JsonNode> CreateAsync(this TestHost host, string token, object input) =>
        (await host.PostAsync($"mutation($input: CreateSirInput!) {{ createSir(input: $input) {{ sir {{ {SirFields} }} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed().Data!["createSir"]!;

    public static async Task<JsonNode> UpdateAsync(this TestHost host, string token, object input) =>
        (await host.PostAsync($"mutation($input: UpdateSirInput!) {{ updateSir(input: $input) {{ sir {{ {SirFields} }} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed().Data!["updateSir"]!;

    public static async Task<JsonNode> AmendAsync(this TestHost host, string token, object input) =>
        (await host.PostAsync($"mutation($input: AmendSirInput!) {{ amendSir(input: $input) {{ sir {{ {SirFields} }} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed().Data!["amendSir"]!;

    /// <summary>A created SIR's id and version; fails on errors.</summary>
    public static async Task<(string Id, int Version)> DraftAsync(this TestHost host, string token, string title, params (string Key, object? Value)[] changes)
    {
        var created = await host.CreateAsync(token, Input(title, changes));
        Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
        return (created["sir"]!["id"]!.GetValue<string>(), created["sir"]!["version"]!.GetValue<int>());
    }

    /// <summary>One of the host's lifecycle mutations (requestReportReview, returnReport, approveReport, submitReport).</summary>
    public static async Task<JsonNode> StepAsync(this TestHost host, string mutation, string token, object input)
    {
        var inputType = mutation switch
        {
            "returnReport" => "ReturnReportInput",
            "submitReport" => "SubmitReportInput",
            _ => "ReportStepInput",
        };
        return (await host.PostAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {StepSelection} }} }}", new { input }, token))
            .ShouldSucceed().Data![mutation]!;
    }

    /// <summary>A step that must succeed: the report's new version.</summary>
    public static async Task<JsonNode> StepOkAsync(this TestHost host, string mutation, string token, object input)
    {
        var payload = await host.StepAsync(mutation, token, input);
        Assert.True(payload["errors"]!.AsArray().Count == 0, $"{mutation}: {payload.ToJsonString()}");
        return payload["report"]!;
    }

    public static List<string> ErrorCodes(this JsonNode payload) =>
        payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();

    public static async Task<JsonNode?> SirAsync(this TestHost host, string token, string id, string selection = SirFields) =>
        (await host.PostAsync($"query($id: ID!) {{ sir(id: $id) {{ {selection} }} }}", new { id }, token)).ShouldSucceed().Data!["sir"];
}
