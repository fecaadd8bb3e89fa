using System.Threading.Channels;
using GraphQL;

namespace SenGraph.Host.GraphQL.Pipeline;

/// <summary>
/// Queues a subscription's results for the task that sends them; a client that falls more than
/// <see cref="MaxQueuedResults"/> behind ends the subscription (<c>SUBSCRIPTION_OVERFLOW</c>).
/// </summary>
public sealed class ResultQueue : IObserver<ExecutionResult>
{
    /// <summary>Results one subscription may have waiting for a client that reads slower than they arrive.</summary>
    public const int MaxQueuedResults = 1000;

    private readonly Channel<ExecutionResult> _results =
        Channel.CreateBounded<ExecutionResult>(new BoundedChannelOptions(MaxQueuedResults) { SingleReader = true });

    private readonly string _overflowMessage;

    /// <param name="overflowMessage">What the client is told when it fell too far behind.</param>
    public ResultQueue(string overflowMessage) => _overflowMessage = overflowMessage;

    public ChannelReader<ExecutionResult> Reader => _results.Reader;

    /// <summary>The exception a failed stream ended with (reading a completed queue wraps it).</summary>
    public static Exception Unwrap(Exception e) => (e as ChannelClosedException)?.InnerException ?? e;

    /// <summary>The error a failed stream ended with, as the client is to see it.</summary>
    public static ExecutionError StreamError(Exception e) => Unwrap(e) as ExecutionError ?? new ExecutionError("The event stream failed.");

    public void OnNext(ExecutionResult value)
    {
        if (!_results.Writer.TryWrite(value))
            _results.Writer.TryComplete(new ExecutionError(_overflowMessage) { Code = "SUBSCRIPTION_OVERFLOW" });
    }

    public void OnError(Exception error) => _results.Writer.TryComplete(error);

    public void OnCompleted() => _results.Writer.TryComplete();
}
