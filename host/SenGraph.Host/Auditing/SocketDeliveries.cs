using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.Kernel.Reports;

namespace SenGraph.Host.Auditing;

/// <summary>
/// The audit of live deliveries on one WebSocket: one submission delivered to many <c>reportSubmitted</c> subscriptions of
/// the same socket is one <c>Read</c> record (the report, the union of the PII fields they return, <c>requestId</c> the
/// socket's, <c>details</c> how many subscriptions and which operation ids), appended once, before any of them is sent.
/// So 20 sockets with 100 subscriptions each make 20 records per submission, not 2,000.
/// </summary>
/// <remarks>
/// When a submission is handed to one of the socket's subscriptions (<see cref="Expect"/>, called by the subscription's
/// source stream while <see cref="ReportEvents.Publish"/> runs), a delivery is expected; each subscription's result
/// then joins the batch of its report (<see cref="RecordAsync"/>), and the batch is written once every expected result
/// joined, after the event was handed to every subscriber. A subscription whose result never comes (it failed, or the
/// client completed it) is waited for at most <see cref="Quiet"/> after the last one that came. A result that does not
/// show exactly one expected report is recorded on its own, as before.
/// </remarks>
public sealed class SocketDeliveries(AuditTrail audit, string socketId, ILogger logger)
{
    /// <summary>Where a socket's operations find it in <c>UserContext</c>.</summary>
    public const string Key = "sengraph:socket-deliveries";

    /// <summary>How long a batch waits for a result it expects after the last one arrived.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    private readonly Dictionary<Guid, Batch> _batches = [];

    /// <summary>A subscription of this socket was handed <paramref name="submitted"/>: its result will join the report's batch.</summary>
    public void Expect(ReportSubmitted submitted)
    {
        lock (_batches)
        {
            if (!_batches.TryGetValue(submitted.Envelope.Id, out var batch))
                _batches[submitted.Envelope.Id] = batch = new Batch(submitted.Envelope.Id, submitted.HandedToEverySubscriber);
            batch.Expected++;
        }
    }

    /// <summary>
    /// Records what a subscription's <paramref name="result"/> shows before it is sent: with the socket's other deliveries
    /// of the same submission when it was expected, else on its own (<see cref="AuditTrail.RecordViewsAsync"/>). Fail-closed:
    /// when the record cannot be written, an <see cref="AuditTrail.Unavailable"/> error replaces the result.
    /// </summary>
    public async Task<ExecutionResult> RecordAsync(ExecutionResult result, ISchema schema, AuditContext context, string operationId)
    {
        IReadOnlyList<AuditEntry> views;
        try
        {
            views = AuditTrail.Views(result, schema, context);
        }
        catch (Exception)
        {
            return await audit.RecordViewsAsync(result, schema, context);
        }

        if (views is not [{ RecordId: { } recordId } view] || !Guid.TryParse(recordId, out var reportId) || Join(reportId, view, operationId) is not { } batch)
            return await audit.RecordViewsAsync(result, schema, context);
        try
        {
            await batch.Written.Task;
            return result;
        }
        catch (Exception e)
        {
            logger.LogError(e, "The audit trail could not record a delivery of report {ReportId} on {Socket}; the event is withheld.", reportId, socketId);
            return new ExecutionResult
            {
                Executed = false,
                Errors = [new ExecutionError("The audit trail is unavailable, so nothing can be shown; try again later.") { Code = AuditTrail.Unavailable }],
            };
        }
    }

    private Batch? Join(Guid reportId, AuditEntry view, string operationId)
    {
        Batch? batch;
        bool first;
        lock (_batches)
        {
            if (!_batches.TryGetValue(reportId, out batch) || batch.Joined.Count >= batch.Expected) return null;
            batch.Joined.Add((view, operationId));
            first = batch.Joined.Count == 1;
            batch.LastJoin = DateTime.UtcNow;
        }

        if (first) _ = WriteWhenCompleteAsync(batch);
        else batch.Arrived.Release();
        return batch;
    }

    private async Task WriteWhenCompleteAsync(Batch batch)
    {
        try
        {
            await batch.Handed;
            while (true)
            {
                TimeSpan wait;
                lock (_batches)
                {
                    if (batch.Joined.Count >= batch.Expected) break;
                    wait = batch.LastJoin + Quiet - DateTime.UtcNow;
                    if (wait <= TimeSpan.Zero) break;
                }

                await batch.Arrived.WaitAsync(wait);
            }

            List<(AuditEntry View, string OperationId)> joined;
            lock (_batches)
            {
                joined = [.. batch.Joined];
                // Late results of this submission (after the quiet period) are recorded on their own.
                if (_batches.TryGetValue(batch.ReportId, out var current) && current == batch) _batches.Remove(batch.ReportId);
                batch.Expected = batch.Joined.Count;
            }

            await audit.AppendAsync([Merge(joined)]);
            batch.Written.TrySetResult();
        }
        catch (Exception e)
        {
            batch.Written.TrySetException(e);
        }
    }

    private const int MaxDetailsLength = 2000;

    /// <summary>One record for the deliveries of one report on this socket.</summary>
    private AuditEntry Merge(List<(AuditEntry View, string OperationId)> joined)
    {
        var first = joined[0].View;
        var pii = joined.SelectMany(j => (j.View.PiiFields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var operationNames = joined.Select(j => j.View.OperationName).Distinct(StringComparer.Ordinal).ToList();
        var details = $"{first.Details}; delivered to {joined.Count} subscription{(joined.Count == 1 ? "" : "s")} of the socket: "
            + string.Join(",", joined.Select(j => j.OperationId));
        if (details.Length > MaxDetailsLength) details = details[..MaxDetailsLength] + "…";
        var operationName = operationNames.Count == 1 ? operationNames[0] : string.Join(",", operationNames.Where(n => n is not null));
        if (operationName is { Length: > AuditRecord.OperationNameMaxLength }) operationName = operationName[..(AuditRecord.OperationNameMaxLength - 1)] + "…";
        return first with
        {
            RequestId = socketId,
            OperationName = operationName is "" ? null : operationName,
            PiiFields = pii.Count == 0 ? null : string.Join(",", pii),
            Details = details,
        };
    }

    private sealed class Batch(Guid reportId, Task handed)
    {
        public Guid ReportId { get; } = reportId;

        public Task Handed { get; } = handed;

        public int Expected { get; set; }

        public List<(AuditEntry View, string OperationId)> Joined { get; } = [];

        public DateTime LastJoin { get; set; }

        public SemaphoreSlim Arrived { get; } = new(0);

        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
