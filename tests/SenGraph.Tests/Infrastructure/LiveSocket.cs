using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SenGraph.Tests.Infrastructure;

/// <summary>
/// A graphql-transport-ws client over a real socket to a <see cref="RunningHost"/>: reads every message in the
/// background, in order, so a test can wait for one and then look at everything that came before it.
/// </summary>
public sealed class LiveSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly List<JsonNode> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    private LiveSocket(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<JsonNode> Received
    {
        get
        {
            lock (_received) return [.. _received];
        }
    }

    /// <summary>Connects to <c>/graphql</c> with <paramref name="token"/>, initialises and subscribes with <paramref name="query"/> as <paramref name="id"/>.</summary>
    public static async Task<LiveSocket> SubscribeAsync(RunningHost host, string token, string id, string query)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri, timeout.Token);
        var live = new LiveSocket(socket);
        await live.SendAsync(new { type = "connection_init" });
        Assert.NotNull(await live.WaitForAsync(m => m["type"]?.GetValue<string>() == "connection_ack", TimeSpan.FromSeconds(30)));
        await live.SendAsync(new { id, type = "subscribe", payload = new { query } });
        return live;
    }

    /// <summary>The first message (received before or within <paramref name="timeout"/>) that matches, or null.</summary>
    public async Task<JsonNode?> WaitForAsync(Func<JsonNode, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Received.FirstOrDefault(match) is { } found) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _reader.IsCompleted) return Received.FirstOrDefault(match);
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>The <c>data</c> field of every <c>next</c> message, in order.</summary>
    public IReadOnlyList<JsonNode> Data(string field) =>
        [.. Received.Where(m => m["type"]?.GetValue<string>() == "next").Select(m => m["payload"]?["data"]?[field]).OfType<JsonNode>()];

    private Task SendAsync(object message) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, _stop.Token);

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, _stop.Token);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close) return;
                var node = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!;
                lock (_received) _received.Add(node);
                _arrived.Release();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        _stop.Dispose();
    }
}
