using Microsoft.Extensions.Options;

namespace SenGraph.Host.GraphQL.Transports.WebSockets;

/// <summary>
/// What sockets may hold of the host (issue 12: a thousand idle sockets, twenty per user): how many one client address
/// and one user may have open, how long a socket may idle without an operation, and whether one without a token
/// may stay. One instance per host, shared by every socket.
/// </summary>
public sealed class WebSocketLimits(IOptions<GraphQLWebSocketOptions> options, IHostEnvironment environment)
{
    private readonly Dictionary<string, int> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byUser = new(StringComparer.OrdinalIgnoreCase);

    private GraphQLWebSocketOptions Options => options.Value;

    /// <summary>Whether a socket without a token may stay open after its init timeout.</summary>
    public bool AllowAnonymous => Options.AllowAnonymous ?? !environment.IsProduction();

    /// <summary>A place for one more socket from <paramref name="address"/>, given back when disposed; null when it has its share.</summary>
    public IDisposable? TryAdmitAddress(string address) => TryAdmit(_byAddress, address, Options.MaxConnectionsPerAddress);

    /// <summary>A place for one more socket of <paramref name="userName"/>, given back when disposed; null when they have their share.</summary>
    public IDisposable? TryAdmitUser(string userName) => TryAdmit(_byUser, userName, Options.MaxConnectionsPerUser);

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> fires; calls <paramref name="close"/> once the socket has had no operation
    /// (<paramref name="hasOperations"/> false) for the idle timeout. Checked a few times per timeout, so it closes at most a
    /// fifth of it late.
    /// </summary>
    public async Task CloseWhenIdleAsync(Func<bool> hasOperations, Func<Task> close, CancellationToken cancellationToken)
    {
        var timeout = Options.IdleTimeout;
        var tick = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 5, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(30).Ticks));
        var idleSince = DateTime.UtcNow;
        try
        {
            while (true)
            {
                await Task.Delay(tick, cancellationToken);
                if (hasOperations()) idleSince = DateTime.UtcNow;
                else if (DateTime.UtcNow - idleSince >= timeout) break;
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await close();
    }

    /// <summary>Calls <paramref name="close"/> when the init timeout has passed since <paramref name="openedAt"/>, unless anonymous sockets are allowed.</summary>
    public async Task CloseAnonymousAsync(DateTime openedAt, Func<Task> close, CancellationToken cancellationToken)
    {
        if (AllowAnonymous) return;
        var remaining = openedAt + Options.ConnectionInitWaitTimeout - DateTime.UtcNow;
        try
        {
            if (remaining > TimeSpan.Zero) await Task.Delay(remaining, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await close();
    }

    private static IDisposable? TryAdmit(Dictionary<string, int> counts, string key, int max)
    {
        lock (counts)
        {
            counts.TryGetValue(key, out var open);
            if (open >= max) return null;
            counts[key] = open + 1;
        }

        return new Place(() =>
        {
            lock (counts)
            {
                if (--counts[key] == 0) counts.Remove(key);
            }
        });
    }

    private sealed class Place(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) release();
        }
    }
}
