using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL.Transport;

using static SenGraph.Host.GraphQL.Transports.WebSockets.TransportWsProtocol;

namespace SenGraph.Host.GraphQL.Transports.WebSockets;

/// <summary>
/// One socket speaking <c>graphql-transport-ws</c>. Messages are read one at a time; each
/// <c>subscribe</c> runs as its own task; everything sent goes through one lock, so messages of
/// concurrent operations never interleave. A client breaking the protocol gets the close code the
/// protocol names; anything unexpected closes this socket with 4500 and never reaches the host.
/// This file holds the socket (receive, send, close); <c>.Init.cs</c> the caller's <c>connection_init</c>;
/// <c>.Operations.cs</c> what <c>subscribe</c> runs, through the <see cref="Pipeline.OperationPipeline"/>.
/// </summary>
internal sealed partial class GraphQLWebSocketConnection(
    GraphQLWebSocketEndpoint endpoint, WebSocket socket, bool subProtocolAccepted, string? upgradeAuthorization, string clientAddress,
    CancellationToken requestAborted)
{
    /// <summary>How long the client has to answer our close frame, and operations to stop, before the socket is dropped.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly Dictionary<string, SocketOperation> _operations = new(StringComparer.Ordinal);
    private readonly HashSet<Task> _running = [];
    private readonly CancellationTokenSource _socketLifetime = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    /// <summary>The validated token's own principal; the directory's view of it (<see cref="_user"/>) is taken again per operation and event.</summary>
    private ClaimsPrincipal? _tokenUser;

    /// <summary>Names the socket in audit records: <c>ws:&lt;id&gt;</c>, and <c>ws:&lt;id&gt;/&lt;operation id&gt;</c> per operation.</summary>
    private readonly string _connectionId = "ws:" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The audit of this socket's live deliveries: one record per submission, whatever the number of subscriptions.</summary>
    private SenGraph.Host.Auditing.SocketDeliveries Deliveries
    {
        get
        {
            if (Volatile.Read(ref _deliveries) is { } existing) return existing;
            var created = new SenGraph.Host.Auditing.SocketDeliveries(endpoint.Audit, _connectionId, Logger);
            return Interlocked.CompareExchange(ref _deliveries, created, null) ?? created;
        }
    }

    private SenGraph.Host.Auditing.SocketDeliveries? _deliveries;
    private readonly DateTime _openedAt = DateTime.UtcNow;
    private IDisposable? _userPlace;
    private int _initReceived;
    private volatile bool _acknowledged;
    private int _closeStarted;

    private GraphQLWebSocketOptions Options => endpoint.Options;
    private ILogger Logger => endpoint.Logger;

    public async Task RunAsync()
    {
        if (!subProtocolAccepted)
            await CloseAsync(4406, "Subprotocol not acceptable");
        else
        {
            _ = CloseUnlessInitializedAsync();
            _ = endpoint.SocketLimits.CloseWhenIdleAsync(HasOperations, () => CloseAsync(1000, "Idle timeout"), _closing.Token);
        }

        endpoint.Accounts.Changed += OnAccountChanged;
        try
        {
            await ReceiveAsync(_socketLifetime.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            Logger.LogDebug(e, "graphql-transport-ws: socket ended without a close handshake");
        }
        catch (Exception e)
        {
            Logger.LogError(e, "graphql-transport-ws: unexpected failure; closing the socket");
            await CloseAsync(4500, "Internal server error");
        }
        finally
        {
            endpoint.Accounts.Changed -= OnAccountChanged;
            await _closing.CancelAsync();
            Task[] running;
            lock (_operations) running = [.. _running];
            try
            {
                await Task.WhenAll(running).WaitAsync(CloseHandshakeTimeout);
            }
            catch (TimeoutException)
            {
                Logger.LogWarning("graphql-transport-ws: {Count} operations did not stop within {Timeout}", running.Length, CloseHandshakeTimeout);
            }

            _socketLifetime.Dispose();
            _userPlace?.Dispose();
        }
    }

    private bool HasOperations()
    {
        lock (_operations) return _operations.Count > 0 || _running.Count > 0;
    }

    /// <summary>Sends a close frame (once), stops every operation and gives the client a moment to answer.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closeStarted, 1) == 1) return;
        Logger.LogDebug("graphql-transport-ws: closing with {Code} {Reason}", code, reason);
        try
        {
            await _closing.CancelAsync();
            _socketLifetime.CancelAfter(CloseHandshakeTimeout);
            await _sendLock.WaitAsync(_socketLifetime.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, LimitCloseReason(reason), _socketLifetime.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Logger.LogDebug(e, "graphql-transport-ws: close frame not sent");
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseUnlessInitializedAsync()
    {
        var timeout = Options.ConnectionInitWaitTimeout;
        if (timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan) return;
        try
        {
            await Task.Delay(timeout, _closing.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0) await CloseAsync(4408, "Connection initialisation timeout");
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            message.SetLength(0);
            var tooBig = false;
            ValueWebSocketReceiveResult frame;
            do
            {
                frame = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (message.Length + frame.Count > Options.MaxMessageSize) tooBig = true;
                else message.Write(buffer, 0, frame.Count);
            }
            while (!frame.EndOfMessage && frame.MessageType != WebSocketMessageType.Close && !tooBig);

            if (frame.MessageType == WebSocketMessageType.Close)
            {
                // The client closes (1000 normally): answer with its code, or end here if we closed first.
                await CloseAsync((int)(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), socket.CloseStatusDescription ?? "");
                return;
            }

            if (Volatile.Read(ref _closeStarted) == 1) continue; // draining until the client answers our close
            if (tooBig) await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, $"Message larger than {Options.MaxMessageSize} bytes");
            else if (frame.MessageType != WebSocketMessageType.Text) await CloseAsync(4400, "Invalid message received: binary frame");
            else await HandleMessageAsync(message.GetBuffer().AsMemory(0, (int)message.Length));
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            await CloseAsync(4400, "Invalid message received: not JSON");
            return;
        }

        using (document)
        {
            if (Read(document.RootElement, out var message) is { } invalid)
            {
                await CloseAsync(4400, "Invalid message received: " + invalid);
                return;
            }

            switch (message.Type)
            {
                case "connection_init":
                    await InitializeAsync(message.Payload);
                    break;
                case "ping":
                    await SendAsync(new OperationMessage { Type = "pong", Payload = message.Payload?.Clone() });
                    break;
                case "pong":
                    break;
                case "subscribe":
                    await SubscribeAsync(message.Id!, message.Payload!.Value);
                    break;
                case "complete":
                    SocketOperation? completed;
                    lock (_operations) _operations.Remove(message.Id!, out completed);
                    completed?.Cancel();
                    break;
            }
        }
    }

    /// <summary>Serializes and sends one message, unless the socket is closing or the operation was completed by the client.</summary>
    private async Task SendAsync(OperationMessage message, CancellationToken operation = default)
    {
        if (operation.IsCancellationRequested || Volatile.Read(ref _closeStarted) == 1) return;
        var bytes = Encoding.UTF8.GetBytes(endpoint.Serializer.Serialize(message));
        try
        {
            await _sendLock.WaitAsync(_socketLifetime.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            if (operation.IsCancellationRequested || Volatile.Read(ref _closeStarted) == 1 || socket.State != WebSocketState.Open) return;
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _socketLifetime.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Logger.LogDebug(e, "graphql-transport-ws: {Type} not sent", message.Type);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
