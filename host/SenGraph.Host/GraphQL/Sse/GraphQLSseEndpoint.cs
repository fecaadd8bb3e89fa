using System.Threading.Channels;
using GraphQL;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Security;
using SenGraph.Host.Auditing;
using SenGraph.Host.GraphQL.Authorization;
using SenGraph.Host.GraphQL.Http;
using SenGraph.Host.GraphQL.Limits;
using SenGraph.Host.GraphQL.WebSockets;
using SenGraph.Host.Security;

namespace SenGraph.Host.GraphQL.Sse;

/// <summary>
/// GraphQL over Server-Sent Events, the <c>graphql-sse</c> protocol in "distinct connections" mode
/// (github.com/enisdenjo/graphql-sse, PROTOCOL.md): a POST to <c>/graphql</c> with <c>Accept: text/event-stream</c>
/// carries one operation and its response is the stream of its results, <c>event: next</c> per result and
/// <c>event: complete</c> at the end. The request is authenticated and checked (logons, length) as over HTTP, and
/// the operation runs through the WebSocket transport's operation path (<see cref="GraphQLWebSocketEndpoint.ExecuteAsync"/>:
/// the same executer, validation and authorization rules, limits and audit context); every event is checked against the
/// account and recorded as a view before it is sent, as over the WebSocket.
/// </summary>
public sealed class GraphQLSseEndpoint(
    GraphQLHttpEndpoint http, GraphQLWebSocketEndpoint operations, GraphQLLimits limits, LogonGuard logons, AuditTrail audit)
{
    public const string EventStream = "text/event-stream";

    /// <summary>Events a slow client may fall behind by before the stream ends.</summary>
    private const int MaxQueuedResults = 1000;

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
            await http.WriteRequestErrorAsync(context, GraphQLHttpEndpoint.Json, StatusCodes.Status405MethodNotAllowed,
                "graphql-sse streams are opened with POST (distinct connections mode).");
            return;
        }

        if (context.Items.TryGetValue(LogonGuard.FailureItem, out var failure))
        {
            await http.WriteRefusalAsync(context, GraphQLHttpEndpoint.GraphQLResponseJson, await logons.RecordFailureAsync(
                GraphQLWebSocketEndpoint.BearerToken(request.Headers.Authorization), (string)failure!, context.TraceIdentifier,
                GraphQLHttpEndpoint.ClientAddress(context)));
            return;
        }

        if (await logons.CheckAsync(context.User, context.TraceIdentifier) is { } refusal)
        {
            await http.WriteRefusalAsync(context, GraphQLHttpEndpoint.GraphQLResponseJson, refusal);
            return;
        }

        var (graphQLRequest, status, error, code) = await http.ReadFromBodyAsync(request);
        if (graphQLRequest is null)
        {
            await http.WriteRequestErrorAsync(context, GraphQLHttpEndpoint.GraphQLResponseJson, status, error!, code!);
            return;
        }

        if (limits.QueryLengthError(graphQLRequest.Query) is { } tooLong)
        {
            await http.WriteRequestErrorAsync(context, GraphQLHttpEndpoint.GraphQLResponseJson, StatusCodes.Status413PayloadTooLarge, tooLong, LimitErrorCodes.QueryTooLarge);
            return;
        }

        using var lease = operations.AcquireSchema();
        var auditContext = new AuditContext(context.User.GetUserName() ?? AuditContext.AnonymousUser, context.TraceIdentifier);
        var result = await operations.ExecuteAsync(graphQLRequest, lease, context.User, context.RequestServices, auditContext, context.RequestAborted);
        if (!result.Executed)
        {
            // Refused before execution (parse, validation, authorization, limits): an ordinary error response, as the
            // protocol's reference server answers, so the client reports it instead of retrying.
            await WriteResultAsync(context, result, StatusFor(result));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = EventStream + "; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            if (result.Streams?.Values.FirstOrDefault() is { } stream)
                await RelayAsync(context, stream, lease.Snapshot.Schema, auditContext);
            else
                await WriteEventAsync(context, "next", await audit.RecordViewsAsync(result, lease.Snapshot.Schema, auditContext));
            await WriteEventAsync(context, "complete", null);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client closed the stream: that is how a graphql-sse subscription ends.
        }
    }

    private async Task RelayAsync(HttpContext context, IObservable<ExecutionResult> stream, global::GraphQL.Types.ISchema schema, AuditContext auditContext)
    {
        var results = Channel.CreateBounded<ExecutionResult>(new BoundedChannelOptions(MaxQueuedResults) { SingleReader = true });
        using var subscription = stream.Subscribe(new ChannelObserver(results.Writer));
        try
        {
            await RelayEventsAsync(context, results.Reader, schema, auditContext);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = (e as ChannelClosedException)?.InnerException ?? e;
            await WriteEventAsync(context, "next", new ExecutionResult { Errors = [error as ExecutionError ?? new ExecutionError("The event stream failed.")] });
        }
    }

    private async Task RelayEventsAsync(HttpContext context, ChannelReader<ExecutionResult> results, global::GraphQL.Types.ISchema schema, AuditContext auditContext)
    {
        await foreach (var result in results.ReadAllAsync(context.RequestAborted))
        {
            // Each event is a view: checked against the account and recorded before it is sent.
            if (await logons.CheckAsync(context.User, context.TraceIdentifier) is { } refusal)
            {
                await WriteEventAsync(context, "next", new ExecutionResult { Errors = [new ExecutionError(refusal.Message) { Code = refusal.Code }] });
                return;
            }

            var recorded = await audit.RecordViewsAsync(result, schema, auditContext);
            await WriteEventAsync(context, "next", recorded);
            if (!recorded.Executed) return;
        }
    }

    private async Task WriteEventAsync(HttpContext context, string type, ExecutionResult? result)
    {
        var data = result is null ? "" : operations.Serializer.Serialize(result);
        await context.Response.WriteAsync($"event: {type}\ndata: {data}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private async Task WriteResultAsync(HttpContext context, ExecutionResult result, int status)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = GraphQLHttpEndpoint.GraphQLResponseJson + "; charset=utf-8";
        await operations.Serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }

    private static int StatusFor(ExecutionResult result)
    {
        var errors = result.Errors ?? [];
        if (errors.Count > 0 && errors.All(e => e is AuthorizationError or RulesOfBehaviorError))
            return errors.OfType<AuthorizationError>().Any(e => e.IsAuthenticationFailure) ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        return StatusCodes.Status400BadRequest;
    }

    private sealed class ChannelObserver(ChannelWriter<ExecutionResult> writer) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (!writer.TryWrite(value)) writer.TryComplete(new ExecutionError("The client fell too far behind the event stream.") { Code = "SUBSCRIPTION_OVERFLOW" });
        }

        public void OnError(Exception error) => writer.TryComplete(error);

        public void OnCompleted() => writer.TryComplete();
    }
}
