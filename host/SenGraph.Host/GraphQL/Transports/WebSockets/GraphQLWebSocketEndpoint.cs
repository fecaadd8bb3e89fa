using System.Security.Claims;
using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SenGraph.Host.Auditing;
using SenGraph.Host.GraphQL.Pipeline;
using SenGraph.Host.GraphQL.Transports.Http;
using SenGraph.Host.Modules;
using SenGraph.Host.Security;

namespace SenGraph.Host.GraphQL.Transports.WebSockets;

/// <summary>
/// GraphQL over WebSocket, subprotocol <c>graphql-transport-ws</c> (github.com/enisdenjo/graphql-ws,
/// PROTOCOL.md): what the npm <c>graphql-ws</c> client speaks. Accepts the upgrade and runs one
/// <see cref="GraphQLWebSocketConnection"/> per socket. Operations run through the <see cref="OperationPipeline"/>, as
/// over HTTP; the caller's bearer token (from the upgrade request or <c>connection_init</c>) is checked with the host's
/// JWT bearer options (<see cref="BearerToken"/>).
/// </summary>
public sealed class GraphQLWebSocketEndpoint(
    OperationPipeline pipeline,
    SchemaHost schemas,
    IGraphQLTextSerializer serializer,
    BearerToken tokens,
    IOptions<GraphQLWebSocketOptions> options,
    IHostApplicationLifetime lifetime,
    AuditTrail audit,
    IClaimsTransformation claims,
    DirectoryAccounts accounts,
    WebSocketLimits socketLimits,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    internal OperationPipeline Pipeline => pipeline;
    internal GraphQLWebSocketOptions Options => options.Value;
    internal IGraphQLTextSerializer Serializer => serializer;
    internal ILogger Logger => logger;
    internal BearerToken Tokens => tokens;
    internal AuditTrail Audit => audit;
    internal WebSocketLimits SocketLimits => socketLimits;
    internal DirectoryAccounts Accounts => accounts;

    /// <summary>Schema swaps, to end a subscription whose root field a new schema no longer has.</summary>
    internal SchemaHost Schemas => schemas;

    /// <summary>The caller as the directory sees them now: the token's principal with the directory's current roles and office.</summary>
    internal Task<ClaimsPrincipal> CurrentUserAsync(ClaimsPrincipal tokenUser) => claims.TransformAsync(tokenUser);

    /// <summary>
    /// Accepts the socket. A client that did not offer <c>graphql-transport-ws</c> is accepted without a
    /// subprotocol and closed with 4406, as the reference server does.
    /// </summary>
    public async Task HandleAsync(HttpContext http)
    {
        using var place = socketLimits.TryAdmitAddress(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (place is null)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        var supported = http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(supported ? SubProtocol : null);
        var connection = new GraphQLWebSocketConnection(this, socket, supported, http.Request.Headers.Authorization.ToString(),
            HttpCaller.ClientAddress(http), http.RequestAborted);
        await using var stopping = lifetime.ApplicationStopping.Register(() => _ = connection.CloseAsync(1001, "Server shutting down"));
        await connection.RunAsync();
    }
}
