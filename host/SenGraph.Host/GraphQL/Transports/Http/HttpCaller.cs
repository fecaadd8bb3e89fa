using SenGraph.Host.GraphQL.Pipeline;
using SenGraph.Host.Observability;
using SenGraph.Host.Security;

namespace SenGraph.Host.GraphQL.Transports.Http;

/// <summary>The caller of an HTTP request (GraphQL over HTTP and graphql-sse), as the <see cref="OperationPipeline"/> sees it.</summary>
public sealed class HttpCaller(OperationPipeline pipeline, HttpResponseWriter responses, BenchSwitches bench)
{
    /// <summary>The client's address, for limiting and auditing refused tokens per source.</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown address";

    /// <summary>
    /// Credentials first: a rejected token, a disabled account or a locked user name is refused (and audited) whatever
    /// the request asks, before it is read. True when the refusal has been written.
    /// </summary>
    public async Task<bool> RefusedAsync(HttpContext http, string mediaType)
    {
        if (http.Items.TryGetValue(LogonGuard.FailureItem, out var failure))
        {
            await responses.WriteRefusalAsync(http, mediaType, await pipeline.RefuseTokenAsync(
                BearerToken.From(http.Request.Headers.Authorization), (string)failure!, http.TraceIdentifier, ClientAddress(http)));
            return true;
        }

        if (await pipeline.CheckCallerAsync(http.User, http.TraceIdentifier) is not { } refusal) return false;
        await responses.WriteRefusalAsync(http, mediaType, refusal);
        return true;
    }

    /// <summary>The request's caller; <paramref name="transportRule"/> limits the operation types the request may carry.</summary>
    public OperationCaller For(HttpContext http, HttpOperationRule? transportRule = null)
    {
        // Development with Bench:Switches only (BenchSwitches): the harness measures what the audit of views and the rule cost.
        var (skipViewAudit, skipAuthorizationRule) = bench.For(http.Request);
        return new OperationCaller(http.User, http.TraceIdentifier, http.RequestAborted)
        {
            Services = http.RequestServices,
            TransportRule = transportRule,
            SkipViewAudit = skipViewAudit,
            SkipAuthorizationRule = skipAuthorizationRule,
        };
    }
}
