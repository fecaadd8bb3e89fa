using SenGraph.Contracts.Modules.Events;

namespace SenGraph.Modules.Lens.Outbox;

/// <summary>
/// Fans <see cref="LensMessageStatusChanged"/> events out to <c>lensMessageStatusChanged</c> subscribers (in process,
/// like every module event; an event a subscriber is too slow for is not queued without bound: each subscriber
/// keeps its own observer call).
/// </summary>
public sealed class LensStatusFeed
{
    private readonly object _gate = new();
    private ImmutableSubscribers _subscribers = new([]);

    public IObservable<LensMessageStatusChanged> Watch(string? destinationOri) => new Stream(this, destinationOri);

    public void Publish(LensMessageStatusChanged change)
    {
        foreach (var (observer, ori) in _subscribers.Items)
        {
            if (ori is not null && ori != change.DestinationOri) continue;
            try
            {
                observer.OnNext(change);
            }
            catch (Exception)
            {
                // one broken subscriber never stops the others
            }
        }
    }

    private void Add(IObserver<LensMessageStatusChanged> observer, string? ori)
    {
        lock (_gate) _subscribers = new([.. _subscribers.Items, (observer, ori)]);
    }

    private void Remove(IObserver<LensMessageStatusChanged> observer)
    {
        lock (_gate) _subscribers = new([.. _subscribers.Items.Where(s => s.Observer != observer)]);
    }

    private sealed record ImmutableSubscribers(IReadOnlyList<(IObserver<LensMessageStatusChanged> Observer, string? Ori)> Items);

    private sealed class Stream(LensStatusFeed feed, string? ori) : IObservable<LensMessageStatusChanged>
    {
        public IDisposable Subscribe(IObserver<LensMessageStatusChanged> observer)
        {
            feed.Add(observer, ori);
            return new Unsubscribe(() => feed.Remove(observer));
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

/// <summary>Feeds the module's own status events (and any other module's, they are the same type) to subscribers.</summary>
public sealed class LensStatusFeedHandler(LensStatusFeed feed) : IModuleEventHandler<LensMessageStatusChanged>
{
    public Task HandleAsync(LensMessageStatusChanged moduleEvent, CancellationToken cancellationToken)
    {
        feed.Publish(moduleEvent);
        return Task.CompletedTask;
    }
}
