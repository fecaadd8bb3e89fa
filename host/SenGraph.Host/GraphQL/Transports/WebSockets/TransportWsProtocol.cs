using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace SenGraph.Host.GraphQL.Transports.WebSockets;

/// <summary>The messages of <c>graphql-transport-ws</c> (github.com/enisdenjo/graphql-ws, PROTOCOL.md): what a client may send, and the close reason limit.</summary>
internal static class TransportWsProtocol
{
    public static OperationMessage ErrorMessage(string id, params ExecutionError[] errors) =>
        new() { Id = id, Type = "error", Payload = errors };

    public sealed record Message(string Type, string? Id, JsonElement? Payload);

    /// <summary>Checks a client message against the protocol; returns why it is invalid, or null.</summary>
    public static string? Read(JsonElement json, out Message message)
    {
        message = null!;
        if (json.ValueKind != JsonValueKind.Object) return "not an object";
        if (!json.TryGetProperty("type", out var typeProperty) || typeProperty.ValueKind != JsonValueKind.String)
            return "no 'type'";
        var type = typeProperty.GetString()!;
        string? id = json.TryGetProperty("id", out var idProperty) && idProperty.ValueKind == JsonValueKind.String ? idProperty.GetString() : null;
        JsonElement? payload = json.TryGetProperty("payload", out var payloadProperty) && payloadProperty.ValueKind != JsonValueKind.Null ? payloadProperty : null;
        message = new Message(type, id, payload);
        switch (type)
        {
            case "connection_init" or "ping" or "pong":
                return payload is null or { ValueKind: JsonValueKind.Object } ? null : $"'{type}' payload must be an object";
            case "subscribe":
                if (string.IsNullOrEmpty(id)) return "'subscribe' needs an 'id'";
                if (payload is not { ValueKind: JsonValueKind.Object } request) return "'subscribe' payload must be an object";
                // A documentId or extensions.persistedQuery may stand for the query text (see GraphQL:PersistedOperations).
                if (!IsNullOr(request, "documentId", JsonValueKind.String)) return "'documentId' must be a string";
                if (!request.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
                {
                    var named = request.TryGetProperty("documentId", out var documentId) && documentId.ValueKind == JsonValueKind.String
                                || request.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
                                   && extensions.TryGetProperty("persistedQuery", out _);
                    if (!named || request.TryGetProperty("query", out _) && query.ValueKind != JsonValueKind.Null) return "'subscribe' needs a 'query'";
                }
                if (!IsNullOr(request, "variables", JsonValueKind.Object)) return "'variables' must be an object";
                if (!IsNullOr(request, "extensions", JsonValueKind.Object)) return "'extensions' must be an object";
                if (!IsNullOr(request, "operationName", JsonValueKind.String)) return "'operationName' must be a string";
                return null;
            case "complete":
                return string.IsNullOrEmpty(id) ? "'complete' needs an 'id'" : null;
            case "connection_ack" or "next" or "error":
                return $"'{type}' is sent by the server only";
            default:
                return $"unknown type '{type}'";
        }

        static bool IsNullOr(JsonElement request, string name, JsonValueKind kind) =>
            !request.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null || value.ValueKind == kind;
    }

    /// <summary>A WebSocket close reason is at most 123 bytes of UTF-8.</summary>
    public static string LimitCloseReason(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= 123) return reason;
        while (Encoding.UTF8.GetByteCount(reason) > 120) reason = reason[..^1];
        return reason + "...";
    }
}
