namespace SenGraph.Contracts.Modules.Events;

/// <summary>
/// A live event: a notice for the subscribers connected now (a GraphQL subscription), on every replica of the host.
/// It must round-trip through System.Text.Json (public properties or a constructor naming them) and carry everything a
/// delivering replica needs to decide, per subscriber, who may see it: the replica that delivers filters, never the one
/// that publishes.
/// </summary>
/// <remarks>
/// Not an <see cref="IModuleEvent"/>: a module event is work (write an outbox row, count a delivery) done once, by the
/// replica that committed the change; a live event is a notice every replica hands to its own subscribers and forgets.
/// A type may be both, as <see cref="LensMessageStatusChanged"/> is.
/// </remarks>
public interface ILiveEvent;

/// <summary>
/// The host's live-event bus: in process by default; with a backplane configured (the host's <c>Events:Redis</c>),
/// an event published on one replica reaches the watchers of every replica. Delivery is at most once and only to those
/// watching when it arrives: a subscriber that must not miss anything reads the database after (re)connecting.
/// </summary>
public interface ILiveEvents
{
    /// <summary>
    /// Hands <paramref name="liveEvent"/> to this replica's watchers of <typeparamref name="TEvent"/> now, on the calling
    /// thread (a watcher that throws is logged and does not stop the others), and sends it to the other replicas; the
    /// publishing replica never receives its own event back. Publish after the change is committed.
    /// </summary>
    void Publish<TEvent>(TEvent liveEvent)
        where TEvent : class, ILiveEvent;

    /// <summary>Every <typeparamref name="TEvent"/> published from now on, by this replica or another; observers must not block.</summary>
    IObservable<TEvent> Watch<TEvent>()
        where TEvent : class, ILiveEvent;
}
