using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Security;
using SenGraph.Host.GraphQL.Pipeline;
using SenGraph.Host.Modules;

using static SenGraph.Host.GraphQL.Transports.WebSockets.TransportWsProtocol;

namespace SenGraph.Host.GraphQL.Transports.WebSockets;

/// <summary>A socket's operations: <c>subscribe</c> runs one through the <see cref="OperationPipeline"/>, a subscription relays its events.</summary>
internal sealed partial class GraphQLWebSocketConnection
{
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

        SocketOperation? operation = null;
        bool duplicate, full;
        lock (_operations)
        {
            duplicate = _operations.ContainsKey(id);
            full = !duplicate && _operations.Count >= Options.MaxSubscriptionsPerConnection;
            if (!duplicate && !full) _operations[id] = operation = new SocketOperation(id, _closing.Token);
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
    private async Task RunOperationAsync(SocketOperation operation, GraphQLRequest request)
    {
        try
        {
            if (await RefusedAsync(operation)) return;
            operation.Profile = AccessProfile(_user);
            await using var running = await endpoint.Pipeline.ExecuteAsync(request, new OperationCaller(_user, $"{_connectionId}/{operation.Id}", operation.Token)
            {
                Deliveries = Deliveries,
                OperationId = operation.Id,
            });
            if (running.Stream is { } stream)
            {
                await StreamAsync(operation, running, stream);
                return;
            }

            var result = running.Result;
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
    private async Task<bool> RefusedAsync(SocketOperation operation)
    {
        if (_tokenUser is null) return false;
        var current = await endpoint.CurrentUserAsync(_tokenUser);
        if (await endpoint.Pipeline.CheckCallerAsync(current, $"{_connectionId}/{operation.Id}") is not { } refusal)
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
    private async Task<bool> AccessChangedAsync(SocketOperation operation)
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
        SocketOperation[] running;
        lock (_operations) running = [.. _operations.Values];
        foreach (var operation in running.Where(o => o.Profile is not null)) operation.Recheck();
    }

    /// <summary>Frees the operation's id (before its last message goes out, so the client may reuse the id at once).</summary>
    private void Release(SocketOperation operation)
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
    private async Task StreamAsync(SocketOperation operation, RunningOperation running, IObservable<ExecutionResult> stream)
    {
        var field = running.SubscribedField;
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
            var results = new ResultQueue($"The client fell more than {ResultQueue.MaxQueuedResults} results behind; the subscription was ended.");
            using var subscription = stream.Subscribe(results);
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
                    var recorded = await endpoint.Pipeline.RecordEventAsync(running, result);
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
            var error = ResultQueue.StreamError(e);
            Logger.LogInformation(ResultQueue.Unwrap(e), "graphql-transport-ws: the stream of operation {Id} failed", operation.Id);
            Release(operation);
            await SendAsync(ErrorMessage(operation.Id, error), operation.Token);
            return;
        }
        finally
        {
            endpoint.Schemas.Published -= OnPublished;
        }

        Release(operation);
        await SendAsync(new OperationMessage { Id = operation.Id, Type = "complete" }, operation.Token);
    }
}
