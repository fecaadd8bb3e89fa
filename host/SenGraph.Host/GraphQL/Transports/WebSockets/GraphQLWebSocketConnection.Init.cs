using System.Security.Claims;
using System.Text.Json;
using GraphQL.Transport;
using SenGraph.Contracts.Security;
using SenGraph.Host.Security;

using static SenGraph.Host.GraphQL.Transports.WebSockets.TransportWsProtocol;

namespace SenGraph.Host.GraphQL.Transports.WebSockets;

/// <summary>The <c>connection_init</c> of a socket: who the caller is, checked once for the socket and again per operation.</summary>
internal sealed partial class GraphQLWebSocketConnection
{
    private async Task InitializeAsync(JsonElement? payload)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            await CloseAsync(4429, "Too many initialisation requests");
            return;
        }

        // A token in the payload (graphql-ws connectionParams) wins over the upgrade request's header.
        var authorization = upgradeAuthorization;
        if (payload is { } p && (p.TryGetProperty("Authorization", out var given) || p.TryGetProperty("authorization", out given))
            && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind != JsonValueKind.String)
            {
                await CloseAsync(4403, "Forbidden");
                return;
            }

            authorization = given.GetString();
        }

        if (!string.IsNullOrEmpty(authorization))
        {
            // A rejected token is audited (and counts toward the lockout); a valid one of a disabled or locked
            // account is refused and audited.
            var token = BearerToken.From(authorization);
            var (user, failure) = token is null ? (null, "malformed") : await endpoint.Tokens.ValidateAsync(token);
            if (user is null)
            {
                var refused = await endpoint.Pipeline.RefuseTokenAsync(token, failure ?? "malformed", _connectionId, clientAddress);
                await CloseAsync(4403, refused.CloseReason);
                return;
            }

            var current = await endpoint.CurrentUserAsync(user);
            if (await endpoint.Pipeline.CheckCallerAsync(current, _connectionId) is { } refusal)
            {
                await CloseAsync(4403, refusal.CloseReason);
                return;
            }

            if (user.GetUserName() is { } userName && (_userPlace = endpoint.SocketLimits.TryAdmitUser(userName)) is null)
            {
                await CloseAsync(1008, "Too many sockets for this user");
                return;
            }

            _tokenUser = user;
            _user = current;
            CloseWhenTokenExpires(user);
        }
        else
        {
            _ = endpoint.SocketLimits.CloseAnonymousAsync(_openedAt, () => CloseAsync(4401, "Unauthorized: sign in to keep a socket open"), _closing.Token);
        }

        _acknowledged = true;
        await SendAsync(new OperationMessage { Type = "connection_ack" });
    }

    /// <summary>
    /// A token is checked once, at connection_init; a socket must not outlive it. When it expires the
    /// socket closes with 4403, as a bad token would, and the client reconnects with a fresh one.
    /// </summary>
    private void CloseWhenTokenExpires(ClaimsPrincipal user)
    {
        if (!long.TryParse(user.FindFirst("exp")?.Value, out var expires)) return;
        var remaining = DateTimeOffset.FromUnixTimeSeconds(expires) - DateTimeOffset.UtcNow;
        var delay = TimeSpan.FromMilliseconds(Math.Clamp(remaining.TotalMilliseconds, 0, int.MaxValue - 1));
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delay, _socketLifetime.Token);
                await CloseAsync(4403, "Forbidden: the token expired");
            }
            catch (OperationCanceledException)
            {
            }
        });
    }
}
