using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Security;
using SenGraph.Host.Modules;
using GraphQLParser.AST;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;

namespace SenGraph.Host.GraphQL.WebSockets;

/// <summary>
/// One socket speaking <c>graphql-transport-ws</c>. Messages are read one at a time; each
/// <c>subscribe</c> runs as its own task; everything sent goes through one lock, so messages of
/// concurrent operations never interleave. A client breaking the protocol gets the close code the
/// protocol names; anything unexpected closes this socket with 4500 and never reaches the host.
/// </summary>
internal sealed class GraphQLWebSocketConnection(
    GraphQLWebSocketEndpoint endpoint, WebSocket socket, bool subProtocolAccepted, string? upgradeAuthorization, string clientAddress,
    CancellationToken requestAborted)
{
    /// <summary>How long the client has to answer our close frame, and operations to stop, before the socket is dropped.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Results one subscription may have waiting for a client that reads slower than they arrive.</summary>
    private const int MaxQueuedResults = 1000;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly Dictionary<string, Operation> _operations = new(StringComparer.Ordinal);
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
                    Operation? completed;
                    lock (_operations) _operations.Remove(message.Id!, out completed);
                    completed?.Cancel();
                    break;
            }
        }
    }

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
            var token = GraphQLWebSocketEndpoint.BearerToken(authorization);
            var (user, failure) = token is null ? (null, "malformed") : await endpoint.AuthenticateAsync(token);
            if (user is null)
            {
                var refused = await endpoint.Logons.RecordFailureAsync(token, failure ?? "malformed", _connectionId, clientAddress);
                await CloseAsync(4403, refused.CloseReason);
                return;
            }

            var current = await endpoint.CurrentUserAsync(user);
            if (await endpoint.Logons.CheckAsync(current, _connectionId) is { } refusal)
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

    private async Task SubscribeAsync(string id, JsonElement payload)
    {
        if (!_acknowledged)
        {
            await CloseAsync(4401, "Unauthorized");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = endpoint.Serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            request = null;
        }

        if (request is null)
        {
            await CloseAsync(4400, "Invalid message received: unreadable subscribe payload");
            return;
        }

        Operation? operation = null;
        bool duplicate, full;
        lock (_operations)
        {
            duplicate = _operations.ContainsKey(id);
            full = !duplicate && _operations.Count >= Options.MaxSubscriptionsPerConnection;
            if (!duplicate && !full) _operations[id] = operation = new Operation(id, _closing.Token);
        }

        if (duplicate)
        {
            await CloseAsync(4409, $"Subscriber for {id} already exists");
            return;
        }

        if (operation is null)
        {
            await SendAsync(ErrorMessage(id, new ExecutionError(
                $"This connection already has {Options.MaxSubscriptionsPerConnection} active operations; complete one first.") { Code = "TOO_MANY_OPERATIONS" }));
            return;
        }

        var task = Task.Run(() => RunOperationAsync(operation, request));
        lock (_operations) _running.Add(task);
        _ = task.ContinueWith(t => { lock (_operations) _running.Remove(t); }, TaskScheduler.Default);
    }

    /// <summary>
    /// Executes one operation. A request that never executed (parse or validation errors, authorization
    /// included) answers <c>error</c>; a query or mutation answers <c>next</c> then <c>complete</c>; a
    /// subscription answers <c>next</c> per event, then <c>complete</c> (or <c>error</c> if its stream fails).
    /// After the client's <c>complete</c> nothing more is sent for the operation.
    /// </summary>
    private async Task RunOperationAsync(Operation operation, GraphQLRequest request)
    {
        try
        {
            if (await RefusedAsync(operation)) return;
            operation.Profile = AccessProfile(_user);
            using var lease = endpoint.AcquireSchema();
            await using var scope = endpoint.CreateScope();
            var audit = new AuditContext(_user.GetUserName() ?? AuditContext.AnonymousUser, $"{_connectionId}/{operation.Id}");
            var result = await endpoint.ExecuteAsync(request, lease, _user, scope.ServiceProvider, audit, operation.Token, Deliveries);
            if (result.Streams?.Values.FirstOrDefault() is { } stream)
            {
                var field = result.Operation?.SelectionSet.Selections.OfType<GraphQLField>().FirstOrDefault()?.Name.StringValue;
                await StreamAsync(operation, stream, field, lease.Snapshot.Schema, audit);
                return;
            }

            // What the result shows is recorded before it is sent (or it is replaced by AUDIT_UNAVAILABLE).
            result = await endpoint.Audit.RecordViewsAsync(result, lease.Snapshot.Schema, audit);
            await SenGraph.Host.Auditing.DeniedAccess.RecordAsync(endpoint.Audit, result, audit, Logger);
            if (!result.Executed)
            {
                Release(operation);
                await SendAsync(ErrorMessage(operation.Id, [.. result.Errors ?? []]), operation.Token);
            }
            else
            {
                await SendAsync(new OperationMessage { Id = operation.Id, Type = "next", Payload = result }, operation.Token);
                Release(operation);
                await SendAsync(new OperationMessage { Id = operation.Id, Type = "complete" }, operation.Token);
            }
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Logger.LogError(e, "graphql-transport-ws: operation {Id} failed", operation.Id);
            Release(operation);
            await SendAsync(ErrorMessage(operation.Id, new ExecutionError("Internal server error.") { Code = "INTERNAL_SERVER_ERROR" }), operation.Token);
        }
        finally
        {
            Release(operation);
            operation.Dispose();
        }
    }

    /// <summary>
    /// An authenticated socket's account is checked again, from memory, for every operation and every subscription
    /// event, with the directory's current roles and office: a disabled, locked or no longer approved account gets an
    /// <c>error</c> with the code, and the socket closes with 4403.
    /// </summary>
    private async Task<bool> RefusedAsync(Operation operation)
    {
        if (_tokenUser is null) return false;
        var current = await endpoint.CurrentUserAsync(_tokenUser);
        if (await endpoint.Logons.CheckAsync(current, $"{_connectionId}/{operation.Id}") is not { } refusal)
        {
            _user = current;
            return false;
        }

        Release(operation);
        await SendAsync(ErrorMessage(operation.Id, new ExecutionError(refusal.Message) { Code = refusal.Code }), operation.Token);
        await CloseAsync(4403, refusal.CloseReason);
        return true;
    }

    /// <summary>
    /// A subscription was authorized for the roles and office its caller had when it started; when the directory
    /// changes them it ends with an <c>error</c> (<see cref="AccessChanged"/>), and subscribing again is authorized anew.
    /// </summary>
    private async Task<bool> AccessChangedAsync(Operation operation)
    {
        if (operation.Profile is null || operation.Profile == AccessProfile(_user)) return false;
        Release(operation);
        await SendAsync(ErrorMessage(operation.Id, new ExecutionError(
            "Your roles or office changed since this subscription started; subscribe again.") { Code = AccessChanged }), operation.Token);
        return true;
    }

    public const string AccessChanged = "ACCESS_CHANGED";

    private static string AccessProfile(ClaimsPrincipal user) =>
        user.GetOffice() + "|" + string.Join(",", user.FindAll(SenGraphClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal));

    /// <summary>
    /// The directory changed this socket's user: re-checked at once, not only at the next event, so a revoked account's
    /// socket closes and its subscriptions end within moments.
    /// </summary>
    private void OnAccountChanged(string userName)
    {
        if (_tokenUser is null || !string.Equals(DirectoryRules.NormalizeUserName(_tokenUser.GetUserName() ?? ""), userName, StringComparison.Ordinal)) return;
        Operation[] running;
        lock (_operations) running = [.. _operations.Values];
        foreach (var operation in running.Where(o => o.Profile is not null)) operation.Recheck();
    }

    /// <summary>Frees the operation's id (before its last message goes out, so the client may reuse the id at once).</summary>
    private void Release(Operation operation)
    {
        lock (_operations)
        {
            if (_operations.TryGetValue(operation.Id, out var current) && current == operation) _operations.Remove(operation.Id);
        }
    }

    /// <summary>
    /// Relays a subscription's events. When a new schema no longer has the subscribed root field (its
    /// module was removed or changed it), the subscription ends with an <c>error</c> the client can act on,
    /// and the socket stays open.
    /// </summary>
    private async Task StreamAsync(Operation operation, IObservable<ExecutionResult> stream, string? field, global::GraphQL.Types.ISchema schema, AuditContext audit)
    {
        using var fieldRemoved = new CancellationTokenSource();
        void OnPublished(SchemaSnapshot? previous, SchemaSnapshot next)
        {
            if (field is null || next.Schema.Subscription?.GetField(field) is not null) return;
            try
            {
                fieldRemoved.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the subscription ended while the schema changed
            }
        }

        endpoint.Schemas.Published += OnPublished;
        try
        {
            OnPublished(null, endpoint.Schemas.Current); // a swap between subscribing and listening
            using var relay = CancellationTokenSource.CreateLinkedTokenSource(operation.Token, fieldRemoved.Token);
            var results = Channel.CreateBounded<ExecutionResult>(new BoundedChannelOptions(MaxQueuedResults) { SingleReader = true });
            using var subscription = stream.Subscribe(new ChannelObserver(results.Writer));
            while (true)
            {
                // A directory change of the caller (Operation.Recheck) wakes the wait: the checks run without an event.
                if (operation.TakeRecheck() && (await RefusedAsync(operation) || await AccessChangedAsync(operation))) return;
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(relay.Token);
                operation.Wake = wake;
                try
                {
                    if (!operation.RecheckPending && !await results.Reader.WaitToReadAsync(wake.Token)) break;
                }
                catch (OperationCanceledException) when (!relay.IsCancellationRequested)
                {
                    continue;
                }
                finally
                {
                    operation.Wake = null;
                }

                while (results.Reader.TryRead(out var result))
                {
                    // Each event is a view: checked against the account and recorded before it is sent.
                    if (await RefusedAsync(operation) || await AccessChangedAsync(operation)) return;
                    // One record per submission for all of this socket's subscriptions that receive it (SocketDeliveries).
                    var recorded = await Deliveries.RecordAsync(result, schema, audit, operation.Id);
                    if (!recorded.Executed)
                    {
                        Release(operation);
                        await SendAsync(ErrorMessage(operation.Id, [.. recorded.Errors ?? []]), operation.Token);
                        return;
                    }

                    await SendAsync(new OperationMessage { Id = operation.Id, Type = "next", Payload = recorded }, operation.Token);
                }
            }
        }
        catch (OperationCanceledException) when (fieldRemoved.IsCancellationRequested && !operation.Token.IsCancellationRequested)
        {
            Release(operation);
            await SendAsync(ErrorMessage(operation.Id, new ExecutionError(
                $"Subscription.{field} is no longer in the schema (its module was removed or changed); subscribe again to what the schema now offers.")
                { Code = "SUBSCRIPTION_FIELD_REMOVED" }), operation.Token);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var error = (e as ChannelClosedException)?.InnerException ?? e;
            Logger.LogInformation(error, "graphql-transport-ws: the stream of operation {Id} failed", operation.Id);
            Release(operation);
            await SendAsync(ErrorMessage(operation.Id, error as ExecutionError ?? new ExecutionError("The event stream failed.")), operation.Token);
            return;
        }
        finally
        {
            endpoint.Schemas.Published -= OnPublished;
        }

        Release(operation);
        await SendAsync(new OperationMessage { Id = operation.Id, Type = "complete" }, operation.Token);
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

    private static OperationMessage ErrorMessage(string id, params ExecutionError[] errors) =>
        new() { Id = id, Type = "error", Payload = errors };

    private sealed record Message(string Type, string? Id, JsonElement? Payload);

    /// <summary>Checks a client message against the protocol; returns why it is invalid, or null.</summary>
    private static string? Read(JsonElement json, out Message message)
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
    private static string LimitCloseReason(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= 123) return reason;
        while (Encoding.UTF8.GetByteCount(reason) > 120) reason = reason[..^1];
        return reason + "...";
    }

    /// <summary>An active <c>subscribe</c>: cancelled by the client's <c>complete</c> or when the socket closes.</summary>
    private sealed class Operation : IDisposable
    {
        private readonly CancellationTokenSource _cancellation;

        public Operation(string id, CancellationToken closing)
        {
            Id = id;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(closing);
            Token = _cancellation.Token;
        }

        private int _recheck;

        public string Id { get; }
        public CancellationToken Token { get; }

        /// <summary>The caller's roles and office when the operation was authorized (see AccessChangedAsync).</summary>
        public string? Profile { get; set; }

        /// <summary>Cancelled to wake a subscription waiting for its next event.</summary>
        public CancellationTokenSource? Wake { get; set; }

        public bool RecheckPending => Volatile.Read(ref _recheck) == 1;

        public bool TakeRecheck() => Interlocked.Exchange(ref _recheck, 0) == 1;

        /// <summary>Asks the operation to check its caller's account and access again now.</summary>
        public void Recheck()
        {
            Volatile.Write(ref _recheck, 1);
            try
            {
                Wake?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // between two waits: the flag is seen before the next one
            }
        }

        public void Cancel()
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        public void Dispose() => _cancellation.Dispose();
    }

    /// <summary>Queues a stream's results for the operation's task; a client too far behind ends the subscription.</summary>
    private sealed class ChannelObserver(ChannelWriter<ExecutionResult> writer) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (!writer.TryWrite(value))
                writer.TryComplete(new ExecutionError($"The client fell more than {MaxQueuedResults} results behind; the subscription was ended.") { Code = "SUBSCRIPTION_OVERFLOW" });
        }

        public void OnError(Exception error) => writer.TryComplete(error);

        public void OnCompleted() => writer.TryComplete();
    }
}
