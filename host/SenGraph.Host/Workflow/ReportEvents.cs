using System.Collections.Concurrent;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;

namespace SenGraph.Host.Workflow;

/// <summary>A report was submitted: its envelope as submitted and everyone it was routed to.</summary>
public sealed record ReportSubmitted(Report Envelope, IReadOnlyList<RecipientRef> Recipients)
{
    private readonly TaskCompletionSource _handed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<global::GraphQL.Types.ISchema, Lazy<Task<Report>>> _typed = new();

    /// <summary>Completes once <see cref="ReportEvents.Publish"/> has handed the event to every subscriber (see <c>SocketDeliveries</c>).</summary>
    public Task HandedToEverySubscriber => _handed.Task;

    internal void NoteHanded() => _handed.TrySetResult();

    /// <summary>
    /// The report as <paramref name="schema"/>'s type shows it, loaded once per schema for every subscription that receives
    /// the event (one query per submission, not one per subscription); not cancelled by any one subscriber.
    /// </summary>
    internal Task<Report> TypedAsync(global::GraphQL.Types.ISchema schema, Func<Task<Report>> load) =>
        _typed.GetOrAdd(schema, _ => new Lazy<Task<Report>>(load)).Value;
}

/// <summary>
/// Submissions as they happen, for the <c>reportSubmitted</c> subscription. In process: every
/// subscriber of this host sees every submission committed by this host (each then filters what its
/// user may see). Observers are called on the submitting request's thread; they must not block.
/// </summary>
public sealed class ReportEvents(ILogger<ReportEvents> logger) : IObservable<ReportSubmitted>
{
    private readonly Lock _lock = new();
    private IObserver<ReportSubmitted>[] _observers = [];

    public IDisposable Subscribe(IObserver<ReportSubmitted> observer)
    {
        lock (_lock) _observers = [.. _observers, observer];
        return new Subscription(this, observer);
    }

    /// <summary>Tells every observer; one that throws is logged and does not stop the others.</summary>
    public void Publish(ReportSubmitted submitted)
    {
        try
        {
            foreach (var observer in Volatile.Read(ref _observers))
            {
                try
                {
                    observer.OnNext(submitted);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "A reportSubmitted observer failed on report {ReportId}.", submitted.Envelope.Id);
                }
            }
        }
        finally
        {
            submitted.NoteHanded();
        }
    }

    public int ObserverCount => Volatile.Read(ref _observers).Length;

    private readonly ConcurrentDictionary<string, int> _subscribers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _deliveries = new(StringComparer.Ordinal);

    /// <summary>
    /// How many <c>reportSubmitted</c> subscriptions of <paramref name="userName"/> are registered now. With
    /// <see cref="DeliveriesTo"/>, what a test waits on and checks instead of sleeping: <see cref="Publish"/> runs
    /// inside the submitting request, so once it has answered, every subscriber has been handed the event or not.
    /// </summary>
    public int SubscribersOf(string userName) => _subscribers.GetValueOrDefault(userName);

    /// <summary>How many submissions were handed to a subscription of <paramref name="userName"/> that may see them.</summary>
    public long DeliveriesTo(string userName) => _deliveries.GetValueOrDefault(userName);

    internal void NoteSubscribed(string userName, int change) => _subscribers.AddOrUpdate(userName, change, (_, n) => n + change);

    internal void NoteDelivered(string userName) => _deliveries.AddOrUpdate(userName, 1, (_, n) => n + 1);

    private void Unsubscribe(IObserver<ReportSubmitted> observer)
    {
        lock (_lock) _observers = [.. _observers.Where(o => o != observer)];
    }

    private sealed class Subscription(ReportEvents events, IObserver<ReportSubmitted> observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) events.Unsubscribe(observer);
        }
    }
}
