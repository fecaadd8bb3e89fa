using StackExchange.Redis;

namespace SenGraph.Host.Events;

/// <summary>
/// Redis pub/sub between the replicas (<c>Events:Redis</c>): connects at start-up and fails the start with a clear
/// message when Redis does not answer; while running, StackExchange.Redis reconnects by itself and resubscribes
/// (events published while the link is down are not replayed: live events are at most once).
/// </summary>
internal sealed class RedisLiveEventBackplane(LiveEventBus bus, LiveEventSettings settings, ILogger<RedisLiveEventBackplane> logger)
    : IHostedService, ILiveEventBackplane, IAsyncDisposable
{
    private ConnectionMultiplexer? _redis;
    private ChannelMessageQueue? _queue;
    private readonly RedisChannel _channel = RedisChannel.Literal(settings.Channel);

    /// <summary>Whether the link to Redis is up now.</summary>
    public bool IsConnected => _redis?.IsConnected == true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = settings.RedisOptions!.Clone();
        options.AbortOnConnectFail = true; // at start only: an established connection is re-made whenever it drops
        options.ConnectTimeout = (int)settings.ConnectTimeout.TotalMilliseconds;
        options.ClientName ??= "sengraph-" + bus.ReplicaId[..8];
        var endpoints = string.Join(", ", options.EndPoints.Select(e => e.ToString()));
        try
        {
            _redis = await ConnectionMultiplexer.ConnectAsync(options);
        }
        catch (RedisConnectionException e)
        {
            throw new LiveEventBackplaneUnavailableException(
                $"Events:Redis: Redis at {endpoints} did not answer within {settings.ConnectTimeout.TotalSeconds:0.#} s, so this replica "
                + $"would not see other replicas' live events; start Redis or remove Events:Redis to run as a single replica. ({e.Message})", e);
        }

        _redis.ConnectionFailed += (_, e) => logger.LogWarning(e.Exception,
            "Live events: the link to Redis at {Endpoint} is down ({Failure}); other replicas' events are missed until it is back.", e.EndPoint, e.FailureType);
        _redis.ConnectionRestored += (_, e) => logger.LogInformation("Live events: the link to Redis at {Endpoint} is back.", e.EndPoint);
        _queue = await _redis.GetSubscriber().SubscribeAsync(_channel);
        // One handler in order: events of one publisher arrive in the order it published them.
        _queue.OnMessage(message =>
        {
            if (message.Message.IsNullOrEmpty) return;
            bus.Receive(((ReadOnlyMemory<byte>)message.Message).Span);
        });
        bus.Attach(this);
        logger.LogInformation("Live events: Redis at {Endpoints}, channel {Channel}, replica {Replica}.", endpoints, settings.Channel, bus.ReplicaId);
    }

    public void Send(byte[] message)
    {
        if (_redis is null) return;
        try
        {
            _redis.GetSubscriber().Publish(_channel, message, CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Live events: an event was not sent to Redis.");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is not null) await _queue.UnsubscribeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
    }
}

/// <summary>The live-event backplane configured for this host does not answer at start-up.</summary>
public sealed class LiveEventBackplaneUnavailableException(string message, Exception inner) : Exception(message, inner);
