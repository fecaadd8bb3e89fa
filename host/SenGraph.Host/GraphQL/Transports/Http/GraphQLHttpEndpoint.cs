using GraphQL;
using SenGraph.Host.Auditing;
using SenGraph.Host.GraphQL.Authorization;
using SenGraph.Host.GraphQL.Limits;
using SenGraph.Host.GraphQL.Pipeline;

namespace SenGraph.Host.GraphQL.Transports.Http;

/// <summary>
/// GraphQL over HTTP (graphql.github.io/graphql-over-http): POST with an application/json body, GET
/// for queries only, responses in application/graphql-response+json (status codes tell request errors
/// apart) or application/json (always 200 for a well-formed request). The operation runs through the
/// <see cref="OperationPipeline"/>; this endpoint keeps methods, media types and status codes.
/// </summary>
public sealed class GraphQLHttpEndpoint(OperationPipeline pipeline, HttpCaller callers, HttpRequestReader reader, HttpResponseWriter responses)
{
    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await responses.WriteRequestErrorAsync(http, HttpResponseWriter.Json, StatusCodes.Status405MethodNotAllowed,
                $"{request.Method} is not supported; use GET or POST.");
            return;
        }

        // An answer may hold records, a refusal names the caller: no browser or proxy keeps either (GET answers included).
        http.Response.Headers.CacheControl = "no-store";
        var mediaType = HttpResponseWriter.NegotiateResponseType(request);
        if (mediaType is null)
        {
            await responses.WriteRequestErrorAsync(http, HttpResponseWriter.Json, StatusCodes.Status406NotAcceptable,
                $"The Accept header must allow {HttpResponseWriter.GraphQLResponseJson} or {HttpResponseWriter.Json}.");
            return;
        }

        if (await callers.RefusedAsync(http, mediaType)) return;
        var read = await reader.ReadAsync(request);
        if (read.Request is null)
        {
            await responses.WriteRequestErrorAsync(http, mediaType, read);
            return;
        }

        await using var operation = await pipeline.ExecuteAsync(read.Request, callers.For(http, isGet ? HttpOperationRule.Get : HttpOperationRule.Post));
        await responses.WriteResultAsync(http, mediaType, StatusCodeFor(operation.Result, mediaType), operation.Result);
    }

    /// <summary>
    /// With application/graphql-response+json, a request that never reached execution is a client
    /// error (400; 401/403 when only authorization or the Rules of Behavior stopped it). With application/json the spec asks
    /// for 200 on every well-formed request. A mutation over GET is 405 either way. An operation stopped by
    /// the execution timeout is 504 with application/graphql-response+json (the client did nothing wrong).
    /// </summary>
    private static int StatusCodeFor(ExecutionResult result, string mediaType)
    {
        var errors = result.Errors ?? [];
        if (errors.Any(e => e is HttpOperationRule.HttpMethodError)) return StatusCodes.Status405MethodNotAllowed;
        if (mediaType == HttpResponseWriter.Json) return StatusCodes.Status200OK;
        if (errors.Any(e => e.Code is AuditTrail.Unavailable or LimitErrorCodes.ShuttingDown) && result.Data is null) return StatusCodes.Status503ServiceUnavailable;
        if (errors.Any(e => e.Code == LimitErrorCodes.Timeout) && result.Data is null) return StatusCodes.Status504GatewayTimeout;
        if (result.Executed) return StatusCodes.Status200OK;
        return RefusalStatus(errors);
    }

    /// <summary>
    /// A request refused before execution: 401/403 when only authorization or the Rules of Behavior stopped it, else 400
    /// (graphql-sse answers its refusals the same way).
    /// </summary>
    internal static int RefusalStatus(IEnumerable<ExecutionError> errors)
    {
        if (errors.Any() && errors.All(e => e is AuthorizationError or RulesOfBehaviorError))
            return errors.OfType<AuthorizationError>().Any(e => e.IsAuthenticationFailure) ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        return StatusCodes.Status400BadRequest;
    }
}
