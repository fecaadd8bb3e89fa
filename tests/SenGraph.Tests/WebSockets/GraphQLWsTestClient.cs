using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.WebSockets;

/// <summary>
/// A raw graphql-transport-ws client over the test server's in-process WebSocket: sends exactly the
/// frames a test writes and reads back messages or the close code, each within a deadline.
/// </summary>
public sealed class GraphQLWsTestClient : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;

    private GraphQLWsTestClient(WebSocket socket) => _socket = socket;

    public string? SubProtocolChosen => _socket.SubProtocol;

    public static async Task<GraphQLWsTestClient> ConnectAsync(TestHost host, string? authorization = null, string subProtocol = SubProtocol)
    {
        var client = host.Server.CreateWebSocketClient();
        client.SubProtocols.Add(subProtocol);
        if (authorization is not null) client.ConfigureRequest = request => request.Headers.Authorization = authorization;
        using var timeout = new CancellationTokenSource(Deadline);
        return new GraphQLWsTestClient(await client.ConnectAsync(new Uri("ws://localhost/graphql"), timeout.Token));
    }

    /// <summary>Connects, sends <c>connection_init</c> (with <paramref name="payload"/>) and expects <c>connection_ack</c>.</summary>
    public static async Task<GraphQLWsTestClient> InitializedAsync(TestHost host, object? payload = null, string? authorization = null)
    {
        var client = await ConnectAsync(host, authorization);
        await client.SendAsync(new { type = "connection_init", payload });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())["type"]!.GetValue<string>());
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public async Task SendTextAsync(string text, WebSocketMessageType type = WebSocketMessageType.Text)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), type, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next message; fails if the server closes instead.</summary>
    public async Task<JsonNode> ReceiveAsync()
    {
        var (message, closeStatus, closeReason) = await ReceiveOrCloseAsync();
        Assert.True(message is not null, $"Expected a message, the server closed with {closeStatus} {closeReason}");
        return message!;
    }

    /// <summary>Messages up to and including the first of <paramref name="type"/> for <paramref name="id"/> (null: a message without id).</summary>
    public async Task<List<JsonNode>> ReceiveUntilAsync(string? id, string type)
    {
        var messages = new List<JsonNode>();
        JsonNode message;
        do
        {
            message = await ReceiveAsync();
            messages.Add(message);
        }
        while (message["id"]?.GetValue<string>() != id || message["type"]!.GetValue<string>() != type);
        return messages;
    }

    /// <summary>Expects the server to close the socket (skipping messages before it) and returns the close code and reason.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        while (true)
        {
            var (message, status, reason) = await ReceiveOrCloseAsync();
            if (message is null) return (status, reason);
        }
    }

    private async Task<(JsonNode? Message, int CloseStatus, string? CloseReason)> ReceiveOrCloseAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            if (_socket.State == WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            return (null, (int)(result.CloseStatus ?? 0), result.CloseStatusDescription);
        }

        var text = Encoding.UTF8.GetString(message.ToArray());
        return (JsonNode.Parse(text) ?? throw new InvalidOperationException("null message"), 0, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(Deadline);
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
    }
}
