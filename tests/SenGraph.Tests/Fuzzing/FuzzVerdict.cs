using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SenGraph.Tests.Fuzzing;

/// <summary>Where a request was refused.</summary>
public enum Refusal
{
    /// <summary>Not refused (a problem for invalid input).</summary>
    None,

    /// <summary>With GraphQL errors, each with an <c>extensions.code</c>: mostly before execution (HTTP 4xx: malformed body, parse, validation, coercion).</summary>
    GraphQLError,

    /// <summary>By the resolver: the payload's typed <c>errors</c>.</summary>
    Payload,
}

/// <summary>Judges one answer: what a clear refusal looks like, and what no answer may contain.</summary>
public static partial class FuzzVerdict
{
    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex Code();

    /// <summary>
    /// Problems with the answer to invalid input: it must be a clear refusal (GraphQL errors that each carry an
    /// <c>extensions.code</c>, or the payload's non-empty list of typed errors), never a 5xx, an internal error,
    /// a mutation that ran without error, or a leak (<see cref="ResponseHygiene"/>).
    /// </summary>
    public static (Refusal Refusal, List<string> Problems) Refused(FuzzCase fuzz, FuzzResponse response, IReadOnlyList<string> argumentNames)
    {
        var problems = Common(fuzz, response);
        var json = response.Json;
        if (json is null) return (Refusal.None, [.. problems, "the body is not JSON"]);

        var errors = json["errors"] as JsonArray;
        if (errors is { Count: > 0 })
        {
            problems.AddRange(RequestErrorProblems(errors));
            if (response.Status is not (200 or >= 400)) problems.Add($"HTTP {response.Status} with errors");
            if (json["data"]?[fuzz.Mutation] is JsonObject payload && payload["errors"] is JsonArray { Count: 0 })
                problems.Add("ACCEPTED: the mutation ran and reported no error");
            return (Refusal.GraphQLError, problems);
        }

        if (response.Status != 200) problems.Add($"HTTP {response.Status} without errors");
        var result = json["data"]?[fuzz.Mutation];
        if (result is not JsonObject outcome)
            return (Refusal.None, [.. problems, "neither errors nor a payload"]);
        if (outcome["errors"] is not JsonArray { Count: > 0 } payloadErrors)
            return (Refusal.None, [.. problems, "ACCEPTED: the mutation ran and reported no error"]);
        problems.AddRange(PayloadErrorProblems(payloadErrors, argumentNames));
        return (Refusal.Payload, problems);
    }

    /// <summary>
    /// Problems with the answer to valid-shaped hostile input: HTTP 200, no request error, no leak; the payload
    /// either succeeded (empty <c>errors</c>) or refused with typed errors. <paramref name="accepted"/> says which.
    /// </summary>
    public static List<string> Answered(FuzzCase fuzz, FuzzResponse response, IReadOnlyList<string> argumentNames, out bool accepted)
    {
        accepted = false;
        var problems = Common(fuzz, response);
        var json = response.Json;
        if (json is null) return [.. problems, "the body is not JSON"];
        if (json["errors"] is JsonArray { Count: > 0 } errors)
        {
            problems.Add($"a request error for a valid-shaped input (HTTP {response.Status}): {Excerpt(errors.ToJsonString())}");
            problems.AddRange(RequestErrorProblems(errors));
            return problems;
        }

        if (response.Status != 200) problems.Add($"HTTP {response.Status}");
        if (json["data"]?[fuzz.Mutation] is not JsonObject payload) return [.. problems, "no payload"];
        if (payload["errors"] is not JsonArray payloadErrors) return [.. problems, "the payload has no errors list"];
        accepted = payloadErrors.Count == 0;
        problems.AddRange(PayloadErrorProblems(payloadErrors, argumentNames));
        return problems;
    }

    private static List<string> Common(FuzzCase fuzz, FuzzResponse response)
    {
        var problems = new List<string>();
        if (response.Status >= 500) problems.Add($"HTTP {response.Status}");
        problems.AddRange(ResponseHygiene.FindLeaks(response.Body, fuzz.Sent).Select(l => "leaks " + l));
        return problems;
    }

    private static IEnumerable<string> RequestErrorProblems(JsonArray errors)
    {
        foreach (var error in errors)
        {
            var code = Text(error?["extensions"]?["code"]);
            if (string.IsNullOrEmpty(code)) yield return $"an error without extensions.code: {Excerpt(error?.ToJsonString())}";
            else if (code == "INTERNAL_SERVER_ERROR") yield return "an internal server error (an exception escaped, not a clear refusal)";
            if (string.IsNullOrWhiteSpace(Text(error?["message"]))) yield return "an error without a message";
        }
    }

    private static IEnumerable<string> PayloadErrorProblems(JsonArray errors, IReadOnlyList<string> argumentNames)
    {
        foreach (var error in errors)
        {
            var code = Text(error?["code"]);
            if (code is null || !Code().IsMatch(code)) yield return $"a payload error whose code is not UPPER_SNAKE: {Excerpt(error?.ToJsonString())}";
            if (string.IsNullOrWhiteSpace(Text(error?["message"]))) yield return "a payload error without a message";
            if (error?["path"] is not JsonArray { Count: > 0 } path || !argumentNames.Contains(Text(path[0]) ?? ""))
                yield return $"a payload error whose path does not start at an argument: {Excerpt(error?.ToJsonString())}";
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static string Excerpt(string? text, int length = 300) =>
        text is null ? "" : text.Length <= length ? text : text[..length] + $"… ({text.Length} characters)";
}
