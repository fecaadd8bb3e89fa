using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Lens;

/// <summary>
/// The shipped modules with LENS delivering to a <see cref="LoopbackGateway"/> over HTTP: quick retries (3 attempts,
/// 100-500 ms apart), a 5 s lease, polling every 100 ms.
/// </summary>
public sealed class LensHost : TestHost
{
    public LensHost() : this(new LoopbackGateway())
    {
    }

    private LensHost(LoopbackGateway gateway) : base(new PluginsFolder().WithShippedModules(), settings: AcceptingUnknownUsers(LensApi.OutboxSettings(gateway.Url)))
    {
        Gateway = gateway;
    }

    public LoopbackGateway Gateway { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}

/// <summary>What a front end sends to LENS, and the selections the tests read.</summary>
public static class LensApi
{
    public const string ReleaseSelection =
        "id status version notifiable noMessageReason statesWithoutOri cancelReason releasingState residenceState kind lastName fbiNumber "
        + "messages { id status destinationOri destinationState recipient replaces withdraws idempotencyKey attempts lastError text }";

    public static Dictionary<string, string?> OutboxSettings(string gatewayUrl) => new()
    {
        ["Modules:lens:Outbox:Transport"] = "Http",
        ["Modules:lens:Outbox:GatewayUrl"] = gatewayUrl,
        ["Modules:lens:Outbox:BaseDelay"] = "00:00:00.100",
        ["Modules:lens:Outbox:MaxDelay"] = "00:00:00.500",
        ["Modules:lens:Outbox:MaxAttempts"] = "3",
        ["Modules:lens:Outbox:PollInterval"] = "00:00:00.100",
        ["Modules:lens:Outbox:LeaseDuration"] = "00:00:05",
    };

    /// <summary>A release input: residence and releasing state, NCIC codes of the convictions, and overrides.</summary>
    public static Dictionary<string, object?> Release(string residenceState, string releasingState, string[] codes, params (string Key, object? Value)[] overrides)
    {
        var input = new Dictionary<string, object?>
        {
            ["releaseDate"] = "2026-11-20", ["releasingFacility"] = "Elizabeth Contract Detention Facility", ["releasingState"] = releasingState,
            ["kind"] = "ORDER_OF_SUPERVISION", ["lastName"] = "Perez", ["firstName"] = "Juan", ["middleName"] = "Carlos", ["dateOfBirth"] = "1985-04-12",
            ["sex"] = "M", ["fbiNumber"] = "123456-AB7", ["residenceStreet"] = "45 Main St Apt 3", ["residenceCity"] = "Yonkers",
            ["residenceState"] = residenceState, ["residencePostalCode"] = "10701",
            ["convictions"] = codes.Select(code => new Dictionary<string, object?>
            {
                ["ncicCode"] = code, ["description"] = "ROBBERY - BUSINESS - GUN", ["convictedOn"] = "2019-03-01", ["court"] = "SUPERIOR COURT", ["sentence"] = "5 YEARS",
            }).ToArray(),
        };
        foreach (var (key, value) in overrides) input[key] = value;
        return input;
    }

    public static async Task<GraphQLResponse> RecordAsync(this TestHost host, string token, object input) =>
        await host.PostAsync($"mutation($input: RecordLensReleaseInput!) {{ recordLensRelease(input: $input) {{ release {{ {ReleaseSelection} }} errors {{ code message path }} }} }}",
            new { input }, token);

    public static async Task<JsonNode> RecordOkAsync(this TestHost host, string token, object input)
    {
        var payload = (await host.RecordAsync(token, input)).ShouldSucceed().Data!["recordLensRelease"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["release"]!;
    }

    public static async Task<JsonNode> PayloadAsync(this TestHost host, string token, string mutation, string inputType, object input, string selection)
    {
        var response = await host.PostAsync($"mutation($input: {inputType}!) {{ {mutation}(input: $input) {{ {selection} errors {{ code message path }} }} }}",
            new { input }, token);
        return response.ShouldSucceed().Data![mutation]!;
    }

    public static IEnumerable<string> Codes(this JsonNode payload) => payload["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>());

    public static async Task SetOriAsync(this TestHost host, string token, string state, string ori)
    {
        var payload = await host.PayloadAsync(token, "setLensStateOri", "SetLensStateOriInput", new { state, ori, bureau = state + " State Identification Bureau" },
            "stateOri { state ori }");
        Assert.Empty(payload.Codes());
    }

    public static async Task<JsonNode> ReleaseAsync(this TestHost host, string token, string id) =>
        (await host.PostAsync($"query($id: ID!) {{ lensRelease(id: $id) {{ {ReleaseSelection} }} }}", new { id }, token)).ShouldSucceed().Data!["lensRelease"]!;

    /// <summary>Polls the release until every message satisfies <paramref name="condition"/>.</summary>
    public static async Task<JsonNode> WaitForMessagesAsync(this TestHost host, string token, string id, Func<JsonNode, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var release = await host.ReleaseAsync(token, id);
            if (release["messages"]!.AsArray().All(m => condition(m!))) return release;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The messages did not reach the expected state: " + release.ToJsonString());
            await Task.Delay(100);
        }
    }

    public static string Status(this JsonNode message) => message["status"]!.GetValue<string>();
}
