using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SenGraph.Tests.Lens;

/// <summary>
/// A small NLETS gateway on loopback that records what it receives: every POST (key, ORI, text) in arrival order, and
/// which idempotency keys it accepted (the first receipt of a key; a repeat is acknowledged and counted, not accepted
/// again). It answers 503 for ORIs told to fail, and can wait before answering.
/// </summary>
public sealed class LoopbackGateway : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, int> _receipts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Key, string Ori, string Text)> _received = new();
    private readonly ConcurrentDictionary<string, bool> _failing = new(StringComparer.Ordinal);

    public LoopbackGateway()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/nlets/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>How long each answer waits (to stretch a batch so a test can kill the host in its middle).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>Every POST received, in order.</summary>
    public IReadOnlyList<(string Key, string Ori, string Text)> Received => [.. _received];

    /// <summary>How many times each key was received (1 = exactly once).</summary>
    public IReadOnlyDictionary<string, int> Receipts => _receipts;

    /// <summary>The text accepted for a key (its first receipt), or null.</summary>
    public string? TextOf(string key) => _received.FirstOrDefault(r => r.Key == key).Text;

    private volatile TaskCompletionSource _open = Opened();

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    /// <summary>Requests wait (unanswered) until <see cref="Open"/>.</summary>
    public void Hold() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    /// <summary>Distinct keys received.</summary>
    public int Keys => _receipts.Count;

    public void Fail(string ori) => _failing[ori] = true;

    public void Heal(string ori) => _failing.TryRemove(ori, out _);

    /// <summary>Waits until <paramref name="condition"/> holds over the receipts.</summary>
    public async Task WaitForAsync(Func<LoopbackGateway, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The gateway did not see what was expected; it has {_receipts.Count} keys, {_received.Count} receipts.");
            await Task.Delay(50);
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var key = context.Request.Headers["Idempotency-Key"] ?? "";
            var ori = context.Request.Headers["X-Lens-Destination-Ori"] ?? "";
            using var reader = new StreamReader(context.Request.InputStream, Encoding.ASCII);
            var text = await reader.ReadToEndAsync();
            await _open.Task;
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
            if (_failing.ContainsKey(ori) || key.Length == 0)
            {
                context.Response.StatusCode = 503;
            }
            else
            {
                _received.Enqueue((key, ori, text));
                _receipts.AddOrUpdate(key, 1, (_, n) => n + 1);
                context.Response.StatusCode = 200;
            }

            context.Response.Close();
        }
        catch (Exception)
        {
            // the client went away (a killed host): nothing to answer
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ContinueWith(_ => { });
    }
}
