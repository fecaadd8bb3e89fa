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
    internal ConfigurationOptions? RedisOptions { get; private set; }

    /// <summary>Checks every setting; throws one message naming each that is wrong.</summary>
    public LiveEventSettings Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Channel)) problems.Add("Events:Channel must not be empty.");
        if (ConnectTimeout <= TimeSpan.Zero || ConnectTimeout > TimeSpan.FromMinutes(5))
            problems.Add("Events:ConnectTimeout must be more than 0 and at most 5 minutes.");
        if (!string.IsNullOrWhiteSpace(Redis))
        {
            try
            {
                var options = ConfigurationOptions.Parse(Redis);
                if (options.EndPoints.Count == 0) problems.Add("Events:Redis names no endpoint (host:port).");
                RedisOptions = options;
            }
            catch (ArgumentException e)
            {
                problems.Add($"Events:Redis is not a Redis configuration string: {e.Message}");
            }
        }

        if (problems.Count > 0) throw new InvalidOperationException("Invalid live-event settings: " + string.Join(" ", problems));
        return this;
    }
}
