namespace SenGraph.Tests.Infrastructure;

/// <summary>
/// A test that needs a real Redis: <c>SENGRAPH_TEST_REDIS</c> names it (a StackExchange.Redis configuration string,
/// e.g. <c>127.0.0.1:56379</c>; <c>.ci/run</c> starts a private one and sets it). Skipped, with that reason, without it.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "SENGRAPH_TEST_REDIS";

    public static readonly string? Redis = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public RedisFactAttribute()
    {
        if (Redis is null) Skip = $"{Variable} is not set: these tests run host replicas against a real Redis (.ci/run starts one; or redis-server --port 56379 and {Variable}=127.0.0.1:56379).";
    }
}
