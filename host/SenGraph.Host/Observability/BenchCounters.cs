using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SenGraph.Host.Observability;

/// <summary>
/// Development only: what the load harness (<c>bench/run.sh</c>) divides by the requests it sent, read before and after each
/// scenario from <c>GET /_bench/counters</c>: SQL commands EF Core executed in this process (every context, the host's and
/// the modules', counted from EF Core's DiagnosticSource), bytes allocated, garbage collections, working set and its peak.
/// <c>requestSqlCommands</c> counts only the commands run while an HTTP request executes (the request's own reads and writes);
/// the rest (<c>sqlCommands</c> minus it) ran outside any request: the audit writer's group commits, background pollers
/// (the LENS outbox, records work). Dividing all of them by a scenario's requests made a slower scenario look like more
/// SQL per request, since the pollers run by the clock.
/// </summary>
public sealed class BenchCounters : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    public const string Path = "/_bench/counters";

    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private long _sqlCommands;
    private long _requestSqlCommands;
    // As IHttpContextAccessor does: a holder switched off when the request ends, so work that captured the request's
    // execution context (a loop started by a singleton created during a request) does not count as the request's.
    private static readonly AsyncLocal<RequestMark?> Request = new();

    private sealed class RequestMark
    {
        public volatile bool Active = true;
    }

    /// <summary>Runs <paramref name="next"/> as inside a request: the SQL commands it runs count as <c>requestSqlCommands</c>.</summary>
    internal static async Task InRequestAsync(Func<Task> next)
    {
        var mark = new RequestMark();
        Request.Value = mark;
        try
        {
            await next();
        }
        finally
        {
            mark.Active = false;
        }
    }

    public BenchCounters() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    public object Snapshot()
    {
        using var process = Process.GetCurrentProcess();
        return new
        {
            sqlCommands = Interlocked.Read(ref _sqlCommands),
            requestSqlCommands = Interlocked.Read(ref _requestSqlCommands),
            allocatedBytes = GC.GetTotalAllocatedBytes(precise: false),
            gcCollections = GC.CollectionCount(0),
            workingSetBytes = process.WorkingSet64,
            peakWorkingSetBytes = process.PeakWorkingSet64,
        };
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuted.Name) return;
        Interlocked.Increment(ref _sqlCommands);
        if (Request.Value is { Active: true }) Interlocked.Increment(ref _requestSqlCommands);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }

    void IObserver<DiagnosticListener>.OnError(Exception error) { }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}

public static class BenchCountersExtensions
{
    /// <summary>In Development, <c>GET /_bench/counters</c> (see <see cref="BenchCounters"/>); elsewhere nothing.</summary>
    public static WebApplication MapBenchCounters(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return app;
        var counters = app.Services.GetRequiredService<BenchCounters>();
        app.Use((http, next) => BenchCounters.InRequestAsync(() => next(http)));
        app.MapGet(BenchCounters.Path, () => Results.Json(counters.Snapshot()));
        return app;
    }
}
