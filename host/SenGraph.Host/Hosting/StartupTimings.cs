using System.Diagnostics;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Hosting;

/// <summary>
/// How long each start-up phase took, measured where the work is done and logged in one line once the
/// host listens (<see cref="StartupReport"/>). Only the first pass of each phase counts: a later module
/// reload is not start-up.
/// </summary>
public sealed class StartupTimings
{
    public const string HostMigrations = "host migrations";
    public const string ModuleLoading = "module loading";
    public const string SchemaComposition = "schema composition";
    public const string DemoData = "demo data";

    private readonly object _sync = new();
    private readonly Dictionary<string, TimeSpan> _phases = new(StringComparer.Ordinal);
    private readonly List<(string Module, TimeSpan Elapsed)> _modules = [];
    private bool _closed;

    /// <summary>What loading each module's folder took during start-up (part of <see cref="ModuleLoading"/>), in load order.</summary>
    public IReadOnlyList<(string Module, TimeSpan Elapsed)> Modules
    {
        get { lock (_sync) return [.. _modules]; }
    }

    /// <summary>Times loading the module folder <paramref name="module"/>, as part of <see cref="ModuleLoading"/> and on its own.</summary>
    public T MeasureModule<T>(string module, Func<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            Add(ModuleLoading, elapsed);
            lock (_sync)
            {
                if (!_closed) _modules.Add((module, elapsed));
            }
        }
    }

    /// <summary>Adds <paramref name="elapsed"/> to <paramref name="phase"/> unless start-up is over.</summary>
    public void Add(string phase, TimeSpan elapsed)
    {
        lock (_sync)
        {
            if (!_closed) _phases[phase] = _phases.GetValueOrDefault(phase) + elapsed;
        }
    }

    /// <summary>Times <paramref name="work"/> as part of <paramref name="phase"/>.</summary>
    public T Measure<T>(string phase, Func<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(phase, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Times <paramref name="work"/> as part of <paramref name="phase"/>.</summary>
    public async Task<T> MeasureAsync<T>(string phase, Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            Add(phase, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Ends start-up and returns what each phase took.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Close()
    {
        lock (_sync)
        {
            _closed = true;
            return new Dictionary<string, TimeSpan>(_phases, StringComparer.Ordinal);
        }
    }
}

/// <summary>Logs one line when the host is ready: the time since the process started, by phase, and the modules.</summary>
public sealed class StartupReport(
    StartupTimings timings, SchemaHost schemas, IHostApplicationLifetime lifetime, ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Report);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Report()
    {
        var phases = timings.Close();
        var total = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var modules = schemas.IsReady ? schemas.Current.Modules : [];
        logger.LogInformation(
            "SenGraph ready in {TotalMs} ms: host migrations {HostMigrationsMs} ms, module loading {ModuleLoadingMs} ms, schema composition {SchemaCompositionMs} ms{DemoData}; {Loaded} of {Modules} modules loaded.",
            Ms(total), Ms(phases.GetValueOrDefault(StartupTimings.HostMigrations)), Ms(phases.GetValueOrDefault(StartupTimings.ModuleLoading)),
            Ms(phases.GetValueOrDefault(StartupTimings.SchemaComposition)),
            phases.TryGetValue(StartupTimings.DemoData, out var demo) ? $", demo data {Ms(demo)} ms" : "",
            modules.Count(m => m.Status == ModuleStatus.Loaded), modules.Count);
        logger.LogInformation("Module loading by module: {ModuleTimes}.",
            string.Join(", ", timings.Modules.Select(m => $"{m.Module} {Ms(m.Elapsed)} ms")));
    }

    private static long Ms(TimeSpan span) => (long)span.TotalMilliseconds;
}
