using GraphQL;
using SenGraph.Host.GraphQL.Pipeline;
using SenGraph.Host.GraphQL.Transports.Http;

namespace SenGraph.Host.GraphQL.Transports.Sse;

/// <summary>
/// GraphQL over Server-Sent Events, the <c>graphql-sse</c> protocol in "distinct connections" mode
/// (github.com/enisdenjo/graphql-sse, PROTOCOL.md): a POST to <c>/graphql</c> with <c>Accept: text/event-stream</c>
/// carries one operation and its response is the stream of its results, <c>event: next</c> per result and
/// <c>event: complete</c> at the end. The request is authenticated and read as over HTTP, and the operation runs through
/// the <see cref="OperationPipeline"/>; every event is checked against the account and recorded as a view before it is sent.
/// </summary>
public sealed class GraphQLSseEndpoint(
    OperationPipeline pipeline, HttpCaller callers, HttpRequestReader reader, HttpResponseWriter responses, IGraphQLTextSerializer serializer)
{
    public const string EventStream = "text/event-stream";

    /// <summary>Whether a request asks for an event stream (and so is this transport's).</summary>
    public static bool IsEventStreamRequest(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains(EventStream, StringComparison.OrdinalIgnoreCase) == true);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            // Single connection mode (PUT reserves a stream, GET listens on it) is not offered.
            context.Response.Headers.Allow = "POST";
            await responses.WriteRequestErrorAsync(context, HttpResponseWriter.Json, StatusCodes.Status405MethodNotAllowed,
                "graphql-sse streams are opened with POST (distinct connections mode).");
            return;
        }

        if (await callers.RefusedAsync(context, HttpResponseWriter.GraphQLResponseJson)) return;
        var read = await reader.ReadAsync(request);
        if (read.Request is null)
        {
            await responses.WriteRequestErrorAsync(context, HttpResponseWriter.GraphQLResponseJson, read);
            return;
        }

        await using var operation = await pipeline.ExecuteAsync(read.Request, callers.For(context));
        var result = operation.Result;
        if (!result.Executed)
        {
            // Refused before execution (parse, validation, authorization, limits): an ordinary error response, as the
            // protocol's reference server answers, so the client reports it instead of retrying.
            await responses.WriteResultAsync(context, HttpResponseWriter.GraphQLResponseJson, GraphQLHttpEndpoint.RefusalStatus(result.Errors ?? []), result);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = EventStream + "; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            if (operation.Stream is { } stream) await RelayAsync(context, operation, stream);
            else await WriteEventAsync(context, "next", result);
            await WriteEventAsync(context, "complete", null);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client closed the stream: that is how a graphql-sse subscription ends.
        }
    }

    private async Task RelayAsync(HttpContext context, RunningOperation operation, IObservable<ExecutionResult> stream)
    {
        var results = new ResultQueue("The client fell too far behind the event stream.");
        using var subscription = stream.Subscribe(results);
        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(context.RequestAborted))
            {
                // Each event is a view: checked against the account and recorded before it is sent.
                if (await pipeline.CheckCallerAsync(context.User, context.TraceIdentifier) is { } refusal)
                {
                    await WriteEventAsync(context, "next", new ExecutionResult { Errors = [new ExecutionError(refusal.Message) { Code = refusal.Code }] });
                    return;
                }

                var recorded = await pipeline.RecordEventAsync(operation, result);
                await WriteEventAsync(context, "next", recorded);
                if (!recorded.Executed) return;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await WriteEventAsync(context, "next", new ExecutionResult { Errors = [ResultQueue.StreamError(e)] });
        }
    }

    private async Task WriteEventAsync(HttpContext context, string type, ExecutionResult? result)
    {
        var data = result is null ? "" : serializer.Serialize(result);
        await context.Response.WriteAsync($"event: {type}\ndata: {data}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
