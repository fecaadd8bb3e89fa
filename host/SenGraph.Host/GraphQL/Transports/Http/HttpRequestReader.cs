using System.Text.Json;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Net.Http.Headers;
using SenGraph.Host.GraphQL.Limits;

namespace SenGraph.Host.GraphQL.Transports.Http;

/// <summary>What reading a GraphQL request from HTTP gave: the request, or the status, message and code to refuse it with.</summary>
public readonly record struct HttpRequestRead(GraphQLRequest? Request, int Status, string? Error, string? Code);

/// <summary>
/// Reads a GraphQL request from an HTTP request (GraphQL over HTTP): a GET's query string or a POST's application/json
/// body. A batch (a JSON array) is refused, as is a query longer than <c>GraphQL:MaxQueryLength</c> (413).
/// </summary>
public sealed partial class HttpRequestReader(IGraphQLTextSerializer serializer, GraphQLLimits limits)
{
    public const string InvalidRequest = "INVALID_REQUEST";

    public async Task<HttpRequestRead> ReadAsync(HttpRequest request)
    {
        var read = HttpMethods.IsGet(request.Method) ? ReadFromQueryString(request) : await ReadFromBodyAsync(request);
        if (read.Request is { } graphQLRequest && limits.QueryLengthError(graphQLRequest.Query) is { } tooLong)
            return new(null, StatusCodes.Status413PayloadTooLarge, tooLong, LimitErrorCodes.QueryTooLarge);
        return read;
    }

    private HttpRequestRead ReadFromQueryString(HttpRequest request)
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
            return new(graphQLRequest, 200, null, null);
        }
        catch (Exception e) when (IsMalformedJson(e))
        {
            return Invalid($"The 'variables' and 'extensions' parameters must be JSON objects: {DescribeJsonError(e)}");
        }
    }

    private async Task<HttpRequestRead> ReadFromBodyAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, HttpResponseWriter.Json, StringComparison.OrdinalIgnoreCase))
        {
            return new(null, StatusCodes.Status415UnsupportedMediaType, $"POST requests must have Content-Type: {HttpResponseWriter.Json}.", InvalidRequest);
        }

        if (contentType.Charset.HasValue && !string.Equals(contentType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase))
            return new(null, StatusCodes.Status415UnsupportedMediaType, "Only the utf-8 charset is supported.", InvalidRequest);

        if (await StartsWithArrayAsync(request))
        {
            return new(null, StatusCodes.Status400BadRequest,
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
        return new(graphQLRequest, 200, null, null);
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
        e is JsonException or InvalidOperationException or FormatException or NotSupportedException or ArgumentException;

    /// <summary>
    /// Why JSON was refused, for the client: the reader's reason and where, but never the .NET type it was
    /// converting to (System.Text.Json names it, e.g. "could not be converted to GraphQL.Inputs").
    /// </summary>
    private static string DescribeJsonError(Exception e)
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

    private static HttpRequestRead Invalid(string message) => new(null, StatusCodes.Status400BadRequest, message, InvalidRequest);
}
