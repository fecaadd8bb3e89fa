using StackExchange.Redis;

namespace SenGraph.Host.Events;

/// <summary>
/// <c>Events</c>: where live events go. Without <see cref="Redis"/> they stay in this process (one replica); with it,
/// every replica configured with the same Redis and <see cref="Channel"/> delivers every replica's events.
/// </summary>
public sealed class LiveEventSettings
{
    public const string Section = "Events";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=…,ssl=true</c>; empty: in process only.</summary>
    public string? Redis { get; set; }

    /// <summary>The Redis pub/sub channel the replicas of one deployment share.</summary>
    public string Channel { get; set; } = "sengraph:live";

    /// <summary>How long start-up waits for Redis before it fails.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The parsed Redis configuration, or null when none is set.</summary>
    internal ConfigurationOptions? RedisOptions => string.IsNullOrWhiteSpace(Redis) ? null : ConfigurationOptions.Parse(Redis);

    /// <summary>Every problem, naming the key to fix; empty when the settings can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Channel)) problems.Add("Events:Channel must not be empty.");
        if (ConnectTimeout <= TimeSpan.Zero || ConnectTimeout > TimeSpan.FromMinutes(5))
            problems.Add("Events:ConnectTimeout must be more than 0 and at most 5 minutes.");
        if (!string.IsNullOrWhiteSpace(Redis))
        {
            try
            {
                if (ConfigurationOptions.Parse(Redis).EndPoints.Count == 0) problems.Add("Events:Redis names no endpoint (host:port).");
            }
            catch (ArgumentException e)
            {
                problems.Add($"Events:Redis is not a Redis configuration string: {e.Message}");
            }
        }

        return problems;
    }
}
