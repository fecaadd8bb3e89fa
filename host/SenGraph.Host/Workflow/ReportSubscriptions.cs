using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Host.Workflow;

/// <summary>Live report events.</summary>
public sealed class ReportSubscriptions : ObjectGraphType
{
    public ReportSubscriptions(ReportEvents events, ReportTypes reportTypes)
    {
        Field<NonNullGraphType<ReportInterfaceGraphType>>("reportSubmitted")
            .Description("Every report submitted from now on that you may see (sent to you or your office, from your office, "
                + "or every one for IROC and headquarters readers), as it is submitted.")
            .Authorize()
            .ResolveStream(c =>
            {
                var viewer = ReportViewer.From(c.User);
                return new Filtered(events, s => ReportVisibility.CanSee(s.Envelope, s.Recipients, viewer));
            })
            .ResolveAsync(async c =>
            {
                var envelope = ((ReportSubmitted)c.Source!).Envelope;
                return (await reportTypes.TypedAsync(c.Schema, [envelope], c.CancellationToken))[envelope.Id];
            });
    }

    private sealed class Filtered(IObservable<ReportSubmitted> source, Func<ReportSubmitted, bool> visible) : IObservable<object?>
    {
        public IDisposable Subscribe(IObserver<object?> observer) => source.Subscribe(new Observer(observer, visible));

        private sealed class Observer(IObserver<object?> inner, Func<ReportSubmitted, bool> visible) : IObserver<ReportSubmitted>
        {
            public void OnCompleted() => inner.OnCompleted();

            public void OnError(Exception error) => inner.OnError(error);

            public void OnNext(ReportSubmitted value)
            {
                if (visible(value)) inner.OnNext(value);
            }
        }
    }
}
