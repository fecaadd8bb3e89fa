using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using SenGraph.Host.Auditing;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Observability;

/// <summary>
/// The host's own instruments (meter and activity source <c>SenGraph</c>): GraphQL operations by name and type,
/// errors by code, operation and module field durations, schema swaps and loaded modules, audit batches written.
/// Cheap when nothing listens; OpenTelemetry listens when <c>Telemetry:Enabled</c> is set.
/// </summary>
public sealed class SenGraphMetrics : IDisposable
{
    public const string Name = "SenGraph";

    /// <summary>Operation names are client input: past this many distinct names, new ones are counted as <see cref="OtherName"/>.</summary>
    public const int MaxOperationNames = 500;

    public const string OtherName = "(other)";
    public const string AnonymousName = "(anonymous)";

    private readonly Meter _meter;
    private readonly ConcurrentDictionary<string, byte> _names = new(StringComparer.Ordinal);

    public SenGraphMetrics(IMeterFactory meters, SchemaHost schemas, AuditWriter audit)
    {
        _meter = meters.Create(Name);
        Operations = _meter.CreateCounter<long>("sengraph.graphql.operations", "{operation}", "GraphQL operations executed, by operation name and type.");
        Errors = _meter.CreateCounter<long>("sengraph.graphql.errors", "{error}", "Errors in GraphQL results, by extensions.code.");
        OperationDuration = _meter.CreateHistogram<double>("sengraph.graphql.operation.duration", "s", "Time to validate and execute a GraphQL operation.");
        FieldDuration = _meter.CreateHistogram<double>("sengraph.graphql.field.duration", "s", "Time to resolve a root field, by field and the module that contributes it.");
        SchemaSwaps = _meter.CreateCounter<long>("sengraph.modules.schema_swaps", "{swap}", "Schemas published (start-up and every module change).");
        _meter.CreateObservableGauge("sengraph.modules.loaded", () => schemas.IsReady ? schemas.Current.LoadedModules.Count : 0, "{module}", "Modules serving in the current schema.");
        _meter.CreateObservableCounter("sengraph.audit.batches", () => audit.Batches, "{batch}", "Audit trail batches committed (group commit: one transaction for many requests).");
        schemas.Published += OnPublished;
        _schemas = schemas;
    }

    private readonly SchemaHost _schemas;

    /// <summary>Spans of the host's own work (schema publication); GraphQL.NET's source <c>GraphQL</c> traces operations.</summary>
    public ActivitySource Activities { get; } = new(Name);

    public Counter<long> Operations { get; }
    public Counter<long> Errors { get; }
    public Histogram<double> OperationDuration { get; }
    public Histogram<double> FieldDuration { get; }
    public Counter<long> SchemaSwaps { get; }

    /// <summary>The operation name as a metric tag: bounded in number, so a client cannot grow the series without end.</summary>
    public string TagFor(string? operationName)
    {
        if (string.IsNullOrEmpty(operationName)) return AnonymousName;
        if (_names.ContainsKey(operationName)) return operationName;
        if (_names.Count >= MaxOperationNames) return OtherName;
        _names.TryAdd(operationName, 0);
        return operationName;
    }

    private void OnPublished(SchemaSnapshot? previous, SchemaSnapshot current)
    {
        SchemaSwaps.Add(1, new KeyValuePair<string, object?>("modules", current.LoadedModules.Count));
        using var activity = Activities.StartActivity("sengraph.schema.publish");
        activity?.SetTag("sengraph.modules", string.Join(',', current.LoadedModules.Select(m => $"{m.Manifest.Id}@{m.Manifest.Version}")));
    }

    public void Dispose()
    {
        _schemas.Published -= OnPublished;
        _meter.Dispose();
        Activities.Dispose();
    }
}
