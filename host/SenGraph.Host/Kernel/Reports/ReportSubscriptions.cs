using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Host.Auditing;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Reports;

/// <summary>Live report events.</summary>
public sealed class ReportSubscriptions : ObjectGraphType
{
    public ReportSubscriptions(ReportEvents events, ReportTypes reportTypes, AccessControl access)
    {
        Field<NonNullGraphType<ReportInterfaceGraphType>>("reportSubmitted")
            .Description("Every report submitted from now on that you may see (sent to you or your office, from your office, "
                + "or every one for IROC and headquarters readers), of a type you may read, as it is submitted.")
            .Authorize()
            .ResolveStreamAsync(async c =>
            {
                var viewer = reportTypes.ViewerOf(c.Schema, c.User);
                // Decided when the subscription starts, with the snapshot it runs on: a report of a type the caller
                // may not read is never delivered, as one out of their scope is not.
                var readable = await access.ReadableTypesAsync(c.Schema, c.User);
                // On a WebSocket, each delivery is expected by the socket's audit batch (one record per submission and socket).
                var deliveries = c.UserContext.TryGetValue(SocketDeliveries.Key, out var value) ? value as SocketDeliveries : null;
                return new Filtered(events, viewer.UserName ?? "", s => readable.Contains(s.Envelope.Type) && ReportVisibility.CanSee(s.Envelope, s.Recipients, viewer),
                    deliveries);
            })
            .ResolveAsync(async c =>
            {
                var submitted = (ReportSubmitted)c.Source!;
                var envelope = submitted.Envelope;
                return await submitted.TypedAsync(c.Schema, async () => (await reportTypes.TypedAsync(c.Schema, [envelope], CancellationToken.None))[envelope.Id]);
            });
    }

    private sealed class Filtered(ReportEvents events, string userName, Func<ReportSubmitted, bool> visible, SocketDeliveries? deliveries) : IObservable<object?>
    {
        public IDisposable Subscribe(IObserver<object?> observer)
        {
            var subscription = events.Subscribe(new Observer(observer, submitted =>
            {
                deliveries?.Expect(submitted);
                events.NoteDelivered(userName);
            }, visible));
            events.NoteSubscribed(userName, 1);
            return new Registration(subscription, () => events.NoteSubscribed(userName, -1));
        }

        private sealed class Observer(IObserver<object?> inner, Action<ReportSubmitted> delivered, Func<ReportSubmitted, bool> visible) : IObserver<ReportSubmitted>
        {
            public void OnCompleted() => inner.OnCompleted();

            public void OnError(Exception error) => inner.OnError(error);

            public void OnNext(ReportSubmitted value)
            {
                if (!visible(value)) return;
                delivered(value);
                inner.OnNext(value);
            }
        }

        private sealed class Registration(IDisposable subscription, Action unregistered) : IDisposable
        {
            private int _disposed;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
                subscription.Dispose();
                unregistered();
            }
        }
    }
}
