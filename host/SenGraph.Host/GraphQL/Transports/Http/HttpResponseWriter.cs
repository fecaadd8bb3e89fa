using GraphQL;
using SenGraph.Host.Security;

namespace SenGraph.Host.GraphQL.Transports.Http;

/// <summary>
/// The media types of GraphQL over HTTP and the answers given before an operation runs: a request that could not be
/// read, a refused logon.
/// </summary>
public sealed class HttpResponseWriter(IGraphQLTextSerializer serializer)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The response media type the client accepts, by quality; none given, or a wildcard, means application/json.</summary>
    public static string? NegotiateResponseType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return Json;
        foreach (var range in accept.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var type = range.MediaType.Value;
            if (string.Equals(type, GraphQLResponseJson, StringComparison.OrdinalIgnoreCase)) return GraphQLResponseJson;
            if (string.Equals(type, Json, StringComparison.OrdinalIgnoreCase)) return Json;
            // Wildcards come from clients that predate graphql-response+json (curl, fetch): the spec's
            // audit expects them to get application/json.
            if (type is "*/*" or "application/*") return Json;
        }

        return null;
    }

    /// <summary>
    /// A refused logon: 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c> in application/graphql-response+json
    /// (503 when the logon could not be checked), 200 in application/json, as other authentication errors.
    /// </summary>
    public Task WriteRefusalAsync(HttpContext http, string mediaType, LogonRefusal refusal)
    {
        // Too many refused tokens is about the transport, not the GraphQL request: 429 whatever the media type.
        var status = refusal.HttpStatus == StatusCodes.Status429TooManyRequests || mediaType != Json ? refusal.HttpStatus : StatusCodes.Status200OK;
        if (refusal.HttpStatus == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return WriteRequestErrorAsync(http, mediaType, status, refusal.Message, refusal.Code);
    }

    public Task WriteRequestErrorAsync(HttpContext http, string mediaType, HttpRequestRead refused) =>
        WriteRequestErrorAsync(http, mediaType, refused.Status, refused.Error!, refused.Code!);

    public async Task WriteRequestErrorAsync(HttpContext http, string mediaType, int status, string message, string code = HttpRequestReader.InvalidRequest)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>Writes an operation's result with <paramref name="status"/>.</summary>
    public async Task WriteResultAsync(HttpContext http, string mediaType, int status, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status405MethodNotAllowed) http.Response.Headers.Allow = "POST";
        if (status == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer";
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
