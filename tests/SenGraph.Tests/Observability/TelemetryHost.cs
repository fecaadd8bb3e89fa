using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Observability;

/// <summary>
/// The shipped modules with <c>Telemetry:Enabled</c>, OpenTelemetry's in-memory exporters in place of OTLP (the test
/// exporter), and every log entry, with its scopes, kept at Trace level.
/// </summary>
public sealed class TelemetryHost() : TestHost(new PluginsFolder().WithShippedModules(), settings: AcceptingUnknownUsers(new Dictionary<string, string?>
{
    ["Telemetry:Enabled"] = "true",
}))
{
    public ConcurrentQueue<Activity> Spans { get; } = new();
    public List<Metric> Metrics { get; } = [];
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new SpanSink(Spans)));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
            services.AddSingleton<ILoggerProvider>(Logs);
            // A rule for this provider alone outranks the configured levels (appsettings quiets some categories).
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
        });
    }

    /// <summary>Exports what the meters hold now into <see cref="Metrics"/> (cumulative: the latest export has every count).</summary>
    public IReadOnlyList<Metric> CollectMetrics()
    {
        lock (Metrics) Metrics.Clear();
        Services.GetRequiredService<MeterProvider>().ForceFlush();
        lock (Metrics) return [.. Metrics];
    }

    /// <summary>The in-memory exporter wants an <see cref="ICollection{T}"/>; spans end on several threads at once.</summary>
    private sealed class SpanSink(ConcurrentQueue<Activity> queue) : ICollection<Activity>
    {
        public void Add(Activity item) => queue.Enqueue(item);
        public int Count => queue.Count;
        public bool IsReadOnly => false;
        public void Clear() => queue.Clear();
        public bool Contains(Activity item) => queue.Contains(item);
        public void CopyTo(Activity[] array, int arrayIndex) => queue.CopyTo(array, arrayIndex);
        public bool Remove(Activity item) => throw new NotSupportedException();
        public IEnumerator<Activity> GetEnumerator() => queue.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>Keeps every log entry: its category, level, message, exception text and the values of its scopes.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public sealed record Entry(string Category, LogLevel Level, string Message, string? Exception, IReadOnlyDictionary<string, object?> Scope);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
            provider._scopes.ForEachScope((value, values) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, item) in pairs) values[key] = item;
                else if (value is not null) values[$"scope{values.Count}"] = value.ToString();
            }, scope);
            if (state is IEnumerable<KeyValuePair<string, object?>> fields)
                foreach (var (key, item) in fields) scope[$"field:{key}"] = item;
            provider.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception?.ToString(), scope));
        }
    }
}
