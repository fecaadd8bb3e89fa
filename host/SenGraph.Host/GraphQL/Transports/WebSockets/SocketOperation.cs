namespace SenGraph.Host.GraphQL.Transports.WebSockets;

/// <summary>An active <c>subscribe</c>: cancelled by the client's <c>complete</c> or when the socket closes.</summary>
internal sealed class SocketOperation : IDisposable
{
    private readonly CancellationTokenSource _cancellation;

    public SocketOperation(string id, CancellationToken closing)
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
