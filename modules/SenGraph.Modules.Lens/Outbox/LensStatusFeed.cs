using SenGraph.Contracts.Modules.Events;

namespace SenGraph.Modules.Lens.Outbox;

/// <summary>
/// <c>lensMessageStatusChanged</c> through the host's live-event bus: a status change made on any replica reaches the
/// subscribers of every replica, each filtered here, on the replica that delivers it (by destination ORI when asked).
/// </summary>
public sealed class LensStatusFeed(ILiveEvents live)
{
    public IObservable<LensMessageStatusChanged> Watch(string? destinationOri) => new Stream(live, destinationOri);

    /// <summary>Sends a change this replica made to every replica's subscribers.</summary>
    public void Publish(LensMessageStatusChanged change) => live.Publish(change);

    private sealed class Stream(ILiveEvents live, string? ori) : IObservable<LensMessageStatusChanged>
    {
        public IDisposable Subscribe(IObserver<LensMessageStatusChanged> observer) => live.Watch<LensMessageStatusChanged>().Subscribe(new ToDestination(observer, ori));
    }

    private sealed class ToDestination(IObserver<LensMessageStatusChanged> inner, string? ori) : IObserver<LensMessageStatusChanged>
    {
        public void OnCompleted() => inner.OnCompleted();

        public void OnError(Exception error) => inner.OnError(error);

        public void OnNext(LensMessageStatusChanged value)
        {
            if (ori is null || ori == value.DestinationOri) inner.OnNext(value);
        }
    }
}

/// <summary>
/// Turns the module event of a change this replica made (handled once, here) into a live event for every replica's
/// subscribers; another module's event of the same type goes out the same way.
/// </summary>
public sealed class LensStatusFeedHandler(LensStatusFeed feed) : IModuleEventHandler<LensMessageStatusChanged>
{
    public Task HandleAsync(LensMessageStatusChanged moduleEvent, CancellationToken cancellationToken)
    {
        feed.Publish(moduleEvent);
        return Task.CompletedTask;
    }
}
