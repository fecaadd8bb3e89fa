using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Host.Events;

namespace SenGraph.Tests.Replicas;

/// <summary>The bus without Redis: what a replica delivers locally, what it takes from the backplane and what it drops.</summary>
public sealed class LiveEventBusTests
{
    private static readonly LensMessageStatusChanged Change = new(Guid.NewGuid(), Guid.NewGuid(), "MA0130100", "SENT", DateTimeOffset.Parse("2026-12-04T21:00:00Z"));

    [Fact]
    public void A_published_event_reaches_this_replicas_watchers_of_its_type_and_goes_to_the_backplane_once()
    {
        var bus = new LiveEventBus(NullLogger<LiveEventBus>.Instance);
        var backplane = new RecordingBackplane();
        bus.Attach(backplane);
        var seen = new List<LensMessageStatusChanged>();
        using var watch = bus.Watch<LensMessageStatusChanged>().Subscribe(new Collect<LensMessageStatusChanged>(seen));
        using var other = bus.Watch<OtherEvent>().Subscribe(new Collect<OtherEvent>([]));

        bus.Publish(Change);

        Assert.Equal([Change], seen);
        var sent = JsonDocument.Parse(Assert.Single(backplane.Sent)).RootElement;
        Assert.Equal(bus.ReplicaId, sent.GetProperty("replica").GetString());
        Assert.Equal(typeof(LensMessageStatusChanged).FullName, sent.GetProperty("type").GetString());
        Assert.Equal("MA0130100", sent.GetProperty("event").GetProperty("DestinationOri").GetString());
    }

    [Fact]
    public void An_event_from_another_replica_is_delivered_and_this_replicas_own_echo_is_not()
    {
        var bus = new LiveEventBus(NullLogger<LiveEventBus>.Instance);
        var backplane = new RecordingBackplane();
        bus.Attach(backplane);
        var seen = new List<LensMessageStatusChanged>();
        using var watch = bus.Watch<LensMessageStatusChanged>().Subscribe(new Collect<LensMessageStatusChanged>(seen));

        bus.Publish(Change);
        bus.Receive(Encoding.UTF8.GetBytes(backplane.Sent[0])); // Redis hands every message to every subscriber, the sender too
        Assert.Single(seen);

        var fromOther = backplane.Sent[0].Replace(bus.ReplicaId, "another-replica", StringComparison.Ordinal);
        bus.Receive(Encoding.UTF8.GetBytes(fromOther));
        Assert.Equal([Change, Change], seen);
        Assert.NotSame(seen[0], seen[1]);
    }

    [Fact]
    public void A_malformed_message_or_an_unwatched_type_is_dropped_without_disturbing_the_watchers()
    {
        var bus = new LiveEventBus(NullLogger<LiveEventBus>.Instance);
        var seen = new List<LensMessageStatusChanged>();
        using var watch = bus.Watch<LensMessageStatusChanged>().Subscribe(new Collect<LensMessageStatusChanged>(seen));
        var type = typeof(LensMessageStatusChanged).FullName;

        bus.Receive(Encoding.UTF8.GetBytes("not json"));
        bus.Receive(Encoding.UTF8.GetBytes("{\"replica\":\"x\"}"));
        bus.Receive(Encoding.UTF8.GetBytes($"{{\"replica\":\"x\",\"type\":\"{type}\",\"event\":{{\"MessageId\":\"not a guid\"}}}}"));
        bus.Receive(Encoding.UTF8.GetBytes("{\"replica\":\"x\",\"type\":\"System.Diagnostics.Process\",\"event\":{}}"));
        Assert.Empty(seen);

        bus.Receive(Encoding.UTF8.GetBytes($"{{\"replica\":\"x\",\"type\":\"{type}\",\"event\":{JsonSerializer.Serialize(Change)}}}"));
        Assert.Equal([Change], seen);
    }

    [Fact]
    public void A_watcher_that_leaves_gets_nothing_more_and_a_throwing_one_does_not_stop_the_others()
    {
        var bus = new LiveEventBus(NullLogger<LiveEventBus>.Instance);
        var seen = new List<LensMessageStatusChanged>();
        var throwing = bus.Watch<LensMessageStatusChanged>().Subscribe(new Throwing());
        var watch = bus.Watch<LensMessageStatusChanged>().Subscribe(new Collect<LensMessageStatusChanged>(seen));

        bus.Publish(Change);
        Assert.Single(seen);
        watch.Dispose();
        throwing.Dispose();
        Assert.Equal(0, bus.WatchersOf<LensMessageStatusChanged>());
        bus.Publish(Change);
        Assert.Single(seen);
    }

    public sealed record OtherEvent(string Name) : ILiveEvent;

    private sealed class RecordingBackplane : ILiveEventBackplane
    {
        public List<string> Sent { get; } = [];

        public void Send(byte[] message) => Sent.Add(Encoding.UTF8.GetString(message));
    }

    private sealed class Collect<T>(List<T> into) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => into.Add(value);
    }

    private sealed class Throwing : IObserver<LensMessageStatusChanged>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(LensMessageStatusChanged value) => throw new InvalidOperationException("a broken subscriber");
    }
}
