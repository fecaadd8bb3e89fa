using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Contracts.Reports;

namespace SenGraph.Host.Kernel.Reports;

/// <summary>
/// A report was submitted: its envelope as submitted and everyone it was routed to, which is all a replica needs to
/// decide who of its subscribers may see it (a live event: it crosses replicas as JSON, without the state below).
/// </summary>
public sealed record ReportSubmitted(Report Envelope, IReadOnlyList<RecipientRef> Recipients) : ILiveEvent
{
    private readonly TaskCompletionSource _handed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<global::GraphQL.Types.ISchema, Lazy<Task<Report>>> _typed = new();

    /// <summary>Completes once this replica has handed the event to every one of its subscribers (see <c>SocketDeliveries</c>).</summary>
    [JsonIgnore]
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
/// Submissions as they happen, for the <c>reportSubmitted</c> subscription, through the live-event bus: every
/// subscriber of this replica sees every submission committed by any replica (each then filters what its user may
/// see, here). A submission of this replica reaches its observers on the submitting request's thread, another
/// replica's on the bus's receiving thread; observers must not block.
/// </summary>
public sealed class ReportEvents : IObservable<ReportSubmitted>, IDisposable
{
    private readonly ILiveEvents _bus;
    private readonly ILogger<ReportEvents> _logger;
    private readonly IDisposable _watch;
    private readonly Lock _lock = new();
    private IObserver<ReportSubmitted>[] _observers = [];

    public ReportEvents(ILiveEvents bus, ILogger<ReportEvents> logger)
    {
        _bus = bus;
        _logger = logger;
        _watch = bus.Watch<ReportSubmitted>().Subscribe(new Delivery(this));
    }

    public IDisposable Subscribe(IObserver<ReportSubmitted> observer)
    {
        lock (_lock) _observers = [.. _observers, observer];
        return new Subscription(this, observer);
    }

    /// <summary>Publishes a committed submission to the subscribers of every replica (this one's before it returns).</summary>
    public void Publish(ReportSubmitted submitted) => _bus.Publish(submitted);

    public void Dispose() => _watch.Dispose();

    /// <summary>Tells every observer of this replica; one that throws is logged and does not stop the others.</summary>
    private void Deliver(ReportSubmitted submitted)
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
                    _logger.LogWarning(e, "A reportSubmitted observer failed on report {ReportId}.", submitted.Envelope.Id);
                }
            }
        }
        finally
        {
            submitted.NoteHanded();
        }
    }

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

    private sealed class Delivery(ReportEvents events) : IObserver<ReportSubmitted>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(ReportSubmitted value) => events.Deliver(value);
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
