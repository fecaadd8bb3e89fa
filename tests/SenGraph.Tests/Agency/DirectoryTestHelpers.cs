using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Agency;

/// <summary>Tokens and payload readers shared by the directory tests.</summary>
internal static class DirectoryTestHelpers
{
    public const string Administrator = "System Administrator";

    public static string AdminToken(this TestHost host) => host.Token("root", Administrator, "HQ-ICE");

    public static string AgentToken(this TestHost host) => host.Token("alice", "Agent", "SAC-NYC");

    /// <summary>Runs a mutation <c>name(input: $input) { selection errors { code message path } }</c> and returns its payload.</summary>
    public static async Task<JsonNode> MutateAsync(this TestHost host, string name, string inputType, string selection, object input, string token)
    {
        var response = (await host.PostAsync(
            $"mutation($input: {inputType}!) {{ {name}(input: $input) {{ {selection} errors {{ code message path }} }} }}",
            new { input }, token)).ShouldSucceed();
        return response.Data![name]!;
    }

    /// <summary>The payload's errors as (code, dotted path) pairs.</summary>
    public static List<(string Code, string Path)> Errors(this JsonNode payload) =>
        payload["errors"]!.AsArray()
            .Select(e => (e!["code"]!.GetValue<string>(), string.Join(".", e["path"]!.AsArray().Select(p => p!.GetValue<string>()))))
            .ToList();

    public static List<string> Strings(this JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();
}
