using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using SenGraph.Contracts.Modules.Events;

namespace SenGraph.Host.Events;

/// <summary>
/// The host's <see cref="ILiveEvents"/>: delivers to this replica's watchers in process and, once a
/// <see cref="ILiveEventBackplane"/> is attached (Redis, <c>Events:Redis</c>), sends every event to the other replicas
/// and delivers theirs here. An event is named by its type's full name and serialised with System.Text.Json; a replica
/// deserialises only the types someone here watches, so a name from the wire never picks a type by itself.
/// </summary>
public sealed class LiveEventBus(ILogger<LiveEventBus> logger) : ILiveEvents
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly ConcurrentDictionary<Type, Topic> _topics = new();
    private ILiveEventBackplane? _backplane;

    /// <summary>This process's id on the backplane: events it sent come back to it and are skipped by it.</summary>
    public string ReplicaId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Whether events reach other replicas (a backplane is attached).</summary>
    public bool HasBackplane => Volatile.Read(ref _backplane) is not null;

    internal void Attach(ILiveEventBackplane backplane) => Volatile.Write(ref _backplane, backplane);

    public void Publish<TEvent>(TEvent liveEvent)
        where TEvent : class, ILiveEvent
    {
        ArgumentNullException.ThrowIfNull(liveEvent);
        if (_topics.TryGetValue(typeof(TEvent), out var topic)) topic.Deliver(liveEvent, logger);
        if (Volatile.Read(ref _backplane) is not { } backplane) return;
        try
        {
            var message = new LiveEventMessage(ReplicaId, NameOf(typeof(TEvent)), JsonSerializer.SerializeToElement(liveEvent, Json));
            backplane.Send(JsonSerializer.SerializeToUtf8Bytes(message, Json));
        }
        catch (Exception e)
        {
            // After the commit: the change stands, only other replicas' subscribers miss the notice.
            logger.LogError(e, "A {Event} live event was not sent to the other replicas.", typeof(TEvent).Name);
        }
    }

    public IObservable<TEvent> Watch<TEvent>()
        where TEvent : class, ILiveEvent => new Stream<TEvent>(this);

    /// <summary>
    /// A message from the backplane: delivered to this replica's watchers of the named type unless this replica sent
    /// it. A malformed message or event is logged and dropped.
    /// </summary>
    internal void Receive(ReadOnlySpan<byte> payload)
    {
        LiveEventMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<LiveEventMessage>(payload, Json);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "A live-event message from the backplane is not valid JSON; dropped.");
            return;
        }

        if (message is null || string.IsNullOrEmpty(message.Replica) || string.IsNullOrEmpty(message.Type))
        {
            logger.LogWarning("A live-event message from the backplane names no replica or type; dropped.");
            return;
        }

        if (message.Replica == ReplicaId) return;
        foreach (var topic in _topics.Values)
        {
            if (topic.Name != message.Type) continue;
            object? liveEvent;
            try
            {
                liveEvent = message.Event.Deserialize(topic.Type, Json);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
            {
                logger.LogWarning(e, "A {Event} live event from replica {Replica} does not read as this replica's type; dropped.", message.Type, message.Replica);
                continue;
            }

            if (liveEvent is not null) topic.Deliver(liveEvent, logger);
        }
    }

    /// <summary>How many watchers of <typeparamref name="TEvent"/> this replica has now.</summary>
    public int WatchersOf<TEvent>() => _topics.TryGetValue(typeof(TEvent), out var topic) ? topic.Count : 0;

    internal static string NameOf(Type type) => type.FullName ?? type.Name;

    private IDisposable Add(Type type, IObserver<object> observer)
    {
        while (true)
        {
            var topic = _topics.GetOrAdd(type, t => new Topic(t));
            if (topic.TryAdd(observer)) return new Unsubscribe(() => Remove(topic, observer));
            // The topic was retired by its last watcher leaving meanwhile: take a fresh one.
            _topics.TryRemove(new KeyValuePair<Type, Topic>(type, topic));
        }
    }

    private void Remove(Topic topic, IObserver<object> observer)
    {
        // A topic without watchers is dropped, so a module's unloaded event type is not held here.
        if (topic.Remove(observer)) _topics.TryRemove(new KeyValuePair<Type, Topic>(topic.Type, topic));
    }

    /// <summary>One event type's watchers on this replica.</summary>
    private sealed class Topic(Type type)
    {
        private readonly Lock _lock = new();
        private IObserver<object>[] _observers = [];
        private bool _retired;

        public Type Type { get; } = type;
        public string Name { get; } = NameOf(type);
        public int Count => Volatile.Read(ref _observers).Length;

        public bool TryAdd(IObserver<object> observer)
        {
            lock (_lock)
            {
                if (_retired) return false;
                _observers = [.. _observers, observer];
                return true;
            }
        }

        /// <summary>Removes the observer; true when it was the last one (the topic is retired).</summary>
        public bool Remove(IObserver<object> observer)
        {
            lock (_lock)
            {
                _observers = [.. _observers.Where(o => o != observer)];
                _retired = _observers.Length == 0;
                return _retired;
            }
        }

        public void Deliver(object liveEvent, ILogger logger)
        {
            foreach (var observer in Volatile.Read(ref _observers))
            {
                try
                {
                    observer.OnNext(liveEvent);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "A {Event} watcher failed.", Type.Name);
                }
            }
        }
    }

    private sealed class Stream<TEvent>(LiveEventBus bus) : IObservable<TEvent>
        where TEvent : class, ILiveEvent
    {
        public IDisposable Subscribe(IObserver<TEvent> observer) => bus.Add(typeof(TEvent), new Typed(observer));

        private sealed class Typed(IObserver<TEvent> inner) : IObserver<object>
        {
            public void OnCompleted() => inner.OnCompleted();

            public void OnError(Exception error) => inner.OnError(error);

            public void OnNext(object value) => inner.OnNext((TEvent)value);
        }
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) action();
        }
    }
}

/// <summary>Carries live events between replicas.</summary>
internal interface ILiveEventBackplane
{
    /// <summary>Sends one message (a serialised <see cref="LiveEventMessage"/>) to every replica, this one included; must not block.</summary>
    void Send(byte[] message);
}

/// <summary>A live event on the wire: the replica that published it, its type's full name and the event itself.</summary>
internal sealed record LiveEventMessage(
    [property: JsonPropertyName("replica")] string Replica,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("event")] JsonElement Event);
