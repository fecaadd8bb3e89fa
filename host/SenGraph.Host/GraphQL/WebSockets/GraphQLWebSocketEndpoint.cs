using System.Net.Http.Headers;
using System.Security.Claims;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.Auditing;
using SenGraph.Host.Modules;
using SenGraph.Host.Security;

namespace SenGraph.Host.GraphQL.WebSockets;

/// <summary>
/// GraphQL over WebSocket, subprotocol <c>graphql-transport-ws</c> (github.com/enisdenjo/graphql-ws,
/// PROTOCOL.md): what the npm <c>graphql-ws</c> client speaks. Accepts the upgrade and runs one
/// <see cref="GraphQLWebSocketConnection"/> per socket. Operations execute exactly as over HTTP: a lease
/// on the current schema snapshot, the same <see cref="IDocumentExecuter"/> (so the same validation
/// rules, authorization included, and document cache), the caller's bearer token checked with the
/// host's JWT bearer options.
/// </summary>
public sealed class GraphQLWebSocketEndpoint(
    SchemaHost schemas,
    IDocumentExecuter executer,
    IGraphQLTextSerializer serializer,
    IServiceScopeFactory scopes,
    IOptionsMonitor<JwtBearerOptions> jwtBearer,
    IOptions<GraphQLWebSocketOptions> options,
    IHostApplicationLifetime lifetime,
    LogonGuard logons,
    AuditTrail audit,
    IClaimsTransformation claims,
    DirectoryAccounts accounts,
    WebSocketLimits socketLimits,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    internal GraphQLWebSocketOptions Options => options.Value;
    internal IGraphQLTextSerializer Serializer => serializer;
    internal ILogger Logger => logger;
    internal LogonGuard Logons => logons;
    internal AuditTrail Audit => audit;
    internal WebSocketLimits SocketLimits => socketLimits;
    internal DirectoryAccounts Accounts => accounts;

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
            Http.GraphQLHttpEndpoint.ClientAddress(http), http.RequestAborted);
        await using var stopping = lifetime.ApplicationStopping.Register(() => _ = connection.CloseAsync(1001, "Server shutting down"));
        await connection.RunAsync();
    }

    // An operation holds its schema lease and its service scope as long as it runs (a subscription's
    // stream included), so the module versions serving it stay loaded until it ends.
    internal SchemaLease AcquireSchema() => schemas.Acquire();

    internal SchemaHost Schemas => schemas;

    internal AsyncServiceScope CreateScope() => scopes.CreateAsyncScope();

    /// <summary>Executes one operation with <paramref name="auditContext"/> as its audit scope (writes name it).</summary>
    internal async Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request, SchemaLease lease, ClaimsPrincipal user, IServiceProvider services, AuditContext auditContext, CancellationToken cancellationToken,
        Auditing.SocketDeliveries? deliveries = null)
    {
        using var scope = AuditScope.Begin(auditContext);
        return await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = lease.Snapshot.Schema,
            Query = request.Query,
            DocumentId = request.DocumentId,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            User = user,
            RequestServices = services,
            CancellationToken = cancellationToken,
            UserContext = new Dictionary<string, object?> { [AuditOperationListener.Key] = auditContext, [Auditing.SocketDeliveries.Key] = deliveries },
        });
    }

    /// <summary>The token of an <c>Authorization: Bearer …</c> value; null for anything else.</summary>
    internal static string? BearerToken(string? authorization) =>
        AuthenticationHeaderValue.TryParse(authorization, out var value)
        && string.Equals(value.Scheme, JwtBearerDefaults.AuthenticationScheme, StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(value.Parameter)
            ? value.Parameter.Trim()
            : null;

    /// <summary>
    /// Validates a bearer token as the JWT bearer handler does, with its configured options (the same
    /// token handlers and <see cref="TokenValidationParameters"/>): the token's own principal (the directory's view is
    /// <see cref="CurrentUserAsync"/>, taken per operation); null and why (for the audit) when the token is not valid.
    /// </summary>
    internal async Task<(ClaimsPrincipal? User, string? Failure)> AuthenticateAsync(string token)
    {
        var failure = "malformed";
        var bearer = jwtBearer.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = bearer.TokenValidationParameters.Clone();
        parameters.ConfigurationManager ??= bearer.ConfigurationManager as BaseConfigurationManager;
        foreach (var handler in bearer.TokenHandlers)
        {
            try
            {
                var result = await handler.ValidateTokenAsync(token, parameters);
                if (result.IsValid) return (new ClaimsPrincipal(result.ClaimsIdentity), null);
                failure = LogonGuard.TokenFailureReason(result.Exception);
                logger.LogInformation("graphql-transport-ws: bearer token refused: {Reason}", result.Exception?.Message);
            }
            catch (Exception e)
            {
                failure = LogonGuard.TokenFailureReason(e);
                logger.LogInformation(e, "graphql-transport-ws: bearer token could not be validated");
            }
        }

        return (null, failure);
    }
}
