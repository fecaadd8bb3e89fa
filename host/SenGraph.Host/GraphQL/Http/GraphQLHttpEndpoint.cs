using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using Microsoft.Net.Http.Headers;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Security;
using SenGraph.Host.Auditing;
using SenGraph.Host.GraphQL.Authorization;
using SenGraph.Host.GraphQL.WebSockets;
using SenGraph.Host.Security;
using SenGraph.Host.GraphQL.Limits;
using SenGraph.Host.Ide;
using SenGraph.Host.Modules;
using SenGraph.Host.Observability;

namespace SenGraph.Host.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (graphql.github.io/graphql-over-http): POST with an application/json body, GET
/// for queries only, responses in application/graphql-response+json (status codes tell request errors
/// apart) or application/json (always 200 for a well-formed request). A browser asking for HTML gets
/// Banana Cake Pop instead.
/// </summary>
public sealed partial class GraphQLHttpEndpoint(
    SchemaHost schemas, IDocumentExecuter executer, IGraphQLTextSerializer serializer, GraphQLLimits limits, LogonGuard logons, AuditTrail audit,
    BenchSwitches bench)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    private const string InvalidRequest = "INVALID_REQUEST";

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (isGet && BananaCakePopExtensions.IsBrowserRequest(request))
        {
            await BananaCakePopExtensions.ServeBananaCakePopAsync(http, request.PathBase + request.Path);
            return;
        }

        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteRequestErrorAsync(http, Json, StatusCodes.Status405MethodNotAllowed, $"{request.Method} is not supported; use GET or POST.");
            return;
        }

        // An answer may hold records, a refusal names the caller: no browser or proxy keeps either (GET answers included).
        http.Response.Headers.CacheControl = "no-store";
        var mediaType = NegotiateResponseType(request);
        if (mediaType is null)
        {
            await WriteRequestErrorAsync(http, Json, StatusCodes.Status406NotAcceptable,
                $"The Accept header must allow {GraphQLResponseJson} or {Json}.");
            return;
        }

        // Credentials first: a rejected token, a disabled account or a locked user name is refused (and audited)
        // whatever the request asks, before it is read.
        if (http.Items.TryGetValue(LogonGuard.FailureItem, out var failure))
        {
            await WriteRefusalAsync(http, mediaType, await logons.RecordFailureAsync(
                GraphQLWebSocketEndpoint.BearerToken(request.Headers.Authorization), (string)failure!, http.TraceIdentifier, ClientAddress(http)));
            return;
        }

        if (await logons.CheckAsync(http.User, http.TraceIdentifier) is { } refusal)
        {
            await WriteRefusalAsync(http, mediaType, refusal);
            return;
        }

        var (graphQLRequest, status, error, code) = isGet ? ReadFromQueryString(request) : await ReadFromBodyAsync(request);
        if (graphQLRequest is null)
        {
            await WriteRequestErrorAsync(http, mediaType, status, error!, code!);
            return;
        }

        if (limits.QueryLengthError(graphQLRequest.Query) is { } tooLong)
        {
            await WriteRequestErrorAsync(http, mediaType, StatusCodes.Status413PayloadTooLarge, tooLong, LimitErrorCodes.QueryTooLarge);
            return;
        }

        using var lease = schemas.Acquire();
        var execution = new ExecutionOptions
        {
            Schema = lease.Snapshot.Schema,
            Query = graphQLRequest.Query,
            DocumentId = graphQLRequest.DocumentId,
            OperationName = graphQLRequest.OperationName,
            Variables = graphQLRequest.Variables,
            Extensions = graphQLRequest.Extensions,
            User = http.User,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
        };
        var methodRule = isGet ? HttpOperationRule.Get : HttpOperationRule.Post;
        execution.ValidationRules = [.. DocumentValidator.CoreRules, methodRule];
        execution.CachedDocumentValidationRules = [methodRule];

        // Writes name this context (AuditScope); the views in the result are recorded before it is sent.
        var auditContext = new AuditContext(http.User.GetUserName() ?? AuditContext.AnonymousUser, http.TraceIdentifier);
        execution.UserContext[AuditOperationListener.Key] = auditContext;
        // Development with Bench:Switches only (BenchSwitches): the harness measures what the audit of views and the rule cost.
        var (skipViewAudit, skipAuthorizationRule) = bench.For(request);
        if (skipAuthorizationRule) execution.UserContext[BenchSwitches.SkipAuthorizationRuleKey] = true;
        ExecutionResult result;
        using (AuditScope.Begin(auditContext)) result = await executer.ExecuteAsync(execution);
        if (!skipViewAudit) result = await audit.RecordViewsAsync(result, execution.Schema, auditContext);
        await DeniedAccess.RecordAsync(audit, result, auditContext, http.RequestServices.GetRequiredService<ILogger<GraphQLHttpEndpoint>>());
        http.Response.StatusCode = StatusCodeFor(result, mediaType);
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed) http.Response.Headers.Allow = "POST";
        if (http.Response.StatusCode == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer";
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
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
        if (mediaType == Json) return StatusCodes.Status200OK;
        if (errors.Any(e => e.Code is AuditTrail.Unavailable or LimitErrorCodes.ShuttingDown) && result.Data is null) return StatusCodes.Status503ServiceUnavailable;
        if (errors.Any(e => e.Code == LimitErrorCodes.Timeout) && result.Data is null) return StatusCodes.Status504GatewayTimeout;
        if (result.Executed) return StatusCodes.Status200OK;
        if (errors.Count > 0 && errors.All(e => e is AuthorizationError or RulesOfBehaviorError))
            return errors.OfType<AuthorizationError>().Any(e => e.IsAuthenticationFailure) ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        return StatusCodes.Status400BadRequest;
    }

    /// <summary>The response media type the client accepts, by quality; none given, or a wildcard, means application/json.</summary>
    private static string? NegotiateResponseType(HttpRequest request)
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

    private (GraphQLRequest? Request, int Status, string? Error, string? Code) ReadFromQueryString(HttpRequest request)
    {
        var query = request.Query;
        foreach (var key in new[] { "query", "operationName", "variables", "extensions", "documentId" })
        {
            if (query[key].Count > 1) return Invalid($"The '{key}' parameter is given more than once.");
        }

        try
        {
            var graphQLRequest = new GraphQLRequest
            {
                Query = NullIfEmpty(query["query"]),
                DocumentId = NullIfEmpty(query["documentId"]),
                OperationName = NullIfEmpty(query["operationName"]),
                Variables = ParseObject<Inputs>(query["variables"]),
                Extensions = ParseObject<Inputs>(query["extensions"]),
            };
            if (graphQLRequest.Query is null && !GraphQLLimits.NamesPersistedOperation(graphQLRequest.DocumentId, graphQLRequest.Extensions))
                return Invalid("The 'query' parameter is required.");
            return (graphQLRequest, 200, null, null);
        }
        catch (Exception e) when (IsMalformedJson(e))
        {
            return Invalid($"The 'variables' and 'extensions' parameters must be JSON objects: {DescribeJsonError(e)}");
        }
    }

    internal async Task<(GraphQLRequest? Request, int Status, string? Error, string? Code)> ReadFromBodyAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, $"POST requests must have Content-Type: {Json}.", InvalidRequest);
        }

        if (contentType.Charset.HasValue && !string.Equals(contentType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
            return (null, StatusCodes.Status415UnsupportedMediaType, "Only the utf-8 charset is supported.", InvalidRequest);

        if (await StartsWithArrayAsync(request))
        {
            return (null, StatusCodes.Status400BadRequest,
                "Batched requests (a JSON array) are not supported: send one operation per request.", LimitErrorCodes.BatchingNotSupported);
        }

        GraphQLRequest? graphQLRequest;
        try
        {
            graphQLRequest = await serializer.ReadAsync<GraphQLRequest>(request.Body, request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (IsMalformedJson(e))
        {
            return Invalid($"The body is not a valid GraphQL request: {DescribeJsonError(e)}");
        }

        if (graphQLRequest is null) return Invalid("The body must be a JSON object.");
        if (string.IsNullOrEmpty(graphQLRequest.Query) && !GraphQLLimits.NamesPersistedOperation(graphQLRequest.DocumentId, graphQLRequest.Extensions))
            return Invalid("The request has no 'query'.");
        return (graphQLRequest, 200, null, null);
    }

    /// <summary>Whether the body's JSON is an array (a batch); reads ahead only to the first significant byte and rewinds.</summary>
    private static async Task<bool> StartsWithArrayAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var buffer = new byte[64];
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted);
                if (read == 0) return false;
                foreach (var b in buffer.AsSpan(0, read))
                {
                    if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF) continue; // whitespace, UTF-8 BOM
                    return b == (byte)'[';
                }
            }
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private T? ParseObject<T>(string? json) where T : class =>
        string.IsNullOrEmpty(json) ? null : serializer.Deserialize<T>(json);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool IsMalformedJson(Exception e) =>
        e is System.Text.Json.JsonException or InvalidOperationException or FormatException or NotSupportedException or ArgumentException;

    /// <summary>
    /// Why JSON was refused, for the client: the reader's reason and where, but never the .NET type it was
    /// converting to (System.Text.Json names it, e.g. "could not be converted to GraphQL.Inputs").
    /// </summary>
    internal static string DescribeJsonError(Exception e)
    {
        string? reason = null;
        for (var inner = e; inner is not null && reason is null; inner = inner.InnerException)
        {
            var message = inner.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            if (cut >= 0) message = message[..cut];
            if (message.Length > 0 && !DotNetTypeName().IsMatch(message)) reason = message.TrimEnd('.');
        }

        reason ??= "a value has the wrong type (query, operationName and documentId are strings; variables and extensions are objects)";
        return e is JsonException { LineNumber: { } line, BytePositionInLine: { } position }
            ? $"{reason} (line {line + 1}, byte {position + 1})."
            : reason + ".";
    }

    [GeneratedRegex(@"\b[A-Z]\w*(\.[A-Z]\w*)+|could not be converted to")]
    private static partial Regex DotNetTypeName();

    private static (GraphQLRequest?, int, string?, string?) Invalid(string message) => (null, StatusCodes.Status400BadRequest, message, InvalidRequest);

    /// <summary>
    /// A refused logon: 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c> in application/graphql-response+json
    /// (503 when the logon could not be checked), 200 in application/json, as other authentication errors.
    /// </summary>
    /// <summary>The client's address, for limiting and auditing refused tokens per source.</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown address";

    internal Task WriteRefusalAsync(HttpContext http, string mediaType, LogonRefusal refusal)
    {
        // Too many refused tokens is about the transport, not the GraphQL request: 429 whatever the media type.
        var status = refusal.HttpStatus == StatusCodes.Status429TooManyRequests || mediaType != Json ? refusal.HttpStatus : StatusCodes.Status200OK;
        if (refusal.HttpStatus == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return WriteRequestErrorAsync(http, mediaType, status, refusal.Message, refusal.Code);
    }

    internal async Task WriteRequestErrorAsync(HttpContext http, string mediaType, int status, string message, string code = InvalidRequest)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        var result = new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] };
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
