using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SenGraph.Host.Observability;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;
using static SenGraph.Tests.Security.AgencyRoles;

namespace SenGraph.Tests.Observability;

/// <summary>OpenTelemetry: a request's trace (HTTP, GraphQL operation, SQL) and the host's metrics reach an exporter when enabled.</summary>
public sealed class TelemetryTests(TelemetryHost host) : IClassFixture<TelemetryHost>
{
    [Fact]
    public async Task A_request_shows_up_as_one_trace_with_its_http_graphql_and_sql_spans()
    {
        (await host.PostAsync("query IrocFeedForTrace { irocFeed(first: 5) { totalCount nodes { id title } } }", token: host.TokenOf(IrocStaff))).ShouldSucceed();

        var operation = await SpanAsync(s => s.Source.Name == "GraphQL" && Equals(s.GetTagItem("graphql.operation.name"), "IrocFeedForTrace"));
        var trace = operation.TraceId;
        var http = await SpanAsync(s => s.TraceId == trace && s.Source.Name == "Microsoft.AspNetCore");
        var sql = await SpanAsync(s => s.TraceId == trace && s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));

        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Null(http.ParentId);
        Assert.Equal(http.SpanId, operation.ParentSpanId);
        Assert.NotEqual(default, sql.SpanId);
    }

    [Fact]
    public async Task Operations_errors_and_module_fields_are_counted_by_name_code_and_module()
    {
        var token = host.TokenOf(Agent);
        (await host.PostAsync("query SirsForMetrics { sirs(first: 1) { totalCount } }", token: token)).ShouldSucceed();
        (await host.PostAsync("query ReportsForMetrics { reports(first: 1) { totalCount } }", token: token)).ShouldSucceed();
        var refused = await host.PostAsync("query RefusedForMetrics { users(first: 1) { totalCount } }", token: token); // Agents may not list users
        Assert.Contains("AUTH_NOT_AUTHORIZED", refused.Body);

        var metrics = host.CollectMetrics();

        Assert.True(Sum(metrics, "sengraph.graphql.operations", ("graphql.operation.name", "SirsForMetrics")) >= 1);
        Assert.True(Sum(metrics, "sengraph.graphql.errors", ("error.code", "AUTH_NOT_AUTHORIZED"), ("graphql.operation.name", "RefusedForMetrics")) >= 1);
        Assert.True(Count(metrics, "sengraph.graphql.field.duration", ("graphql.field", "Query.sirs"), ("sengraph.module", "sir")) >= 1);
        Assert.True(Count(metrics, "sengraph.graphql.field.duration", ("graphql.field", "Query.reports"), ("sengraph.module", "host")) >= 1);
        Assert.True(Sum(metrics, "sengraph.modules.schema_swaps") >= 1);
        Assert.True(LastValue(metrics, "sengraph.modules.loaded") >= 2);
    }

    [Fact]
    public void Operation_names_as_metric_tags_are_bounded()
    {
        var metrics = host.Services.GetRequiredService<SenGraphMetrics>();
        var tags = Enumerable.Range(0, SenGraphMetrics.MaxOperationNames + 50).Select(i => metrics.TagFor($"Flood{i}")).ToList();

        Assert.Contains(SenGraphMetrics.OtherName, tags);
        Assert.True(tags.Distinct().Count() <= SenGraphMetrics.MaxOperationNames + 1);
        Assert.Equal(SenGraphMetrics.AnonymousName, metrics.TagFor(null));
    }

    [Fact]
    public void Bad_telemetry_settings_are_refused_with_what_is_wrong()
    {
        var problems = new TelemetrySettings { OtlpEndpoint = "collector:4317", OtlpProtocol = "Carrier pigeon", ServiceName = " " }.Problems();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Telemetry:OtlpEndpoint", StringComparison.Ordinal));
        Assert.Empty(new TelemetrySettings { Enabled = true, OtlpEndpoint = "http://localhost:4317" }.Problems());
    }

    private async Task<Activity> SpanAsync(Func<Activity, bool> match)
    {
        // The HTTP span ends after the response is written: wait for it a little.
        for (var i = 0; i < 100; i++)
        {
            if (host.Spans.FirstOrDefault(match) is { } span) return span;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("No such span; spans seen: " + string.Join(", ", host.Spans.Select(s => $"{s.Source.Name}:{s.DisplayName}").Distinct().Take(40)));
    }

    private static List<MetricPoint> Points(IReadOnlyList<Metric> metrics, string name, (string Key, string Value)[] tags)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var have = new Dictionary<string, object?>();
                foreach (var tag in point.Tags) have[tag.Key] = tag.Value;
                if (tags.All(t => Equals(have.GetValueOrDefault(t.Key), t.Value))) points.Add(point);
            }
        return points;
    }

    private static long Sum(IReadOnlyList<Metric> metrics, string name, params (string, string)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumLong());

    private static long Count(IReadOnlyList<Metric> metrics, string name, params (string, string)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetHistogramCount());

    private static long LastValue(IReadOnlyList<Metric> metrics, string name) =>
        Points(metrics, name, []).Select(p => p.GetGaugeLastValueLong()).DefaultIfEmpty(0).Max();
}

/// <summary>Telemetry is off unless configured: no OpenTelemetry provider, no exporter.</summary>
public sealed class TelemetryOffByDefaultTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    [Fact]
    public void Without_settings_no_tracer_or_meter_provider_runs()
    {
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }
}
