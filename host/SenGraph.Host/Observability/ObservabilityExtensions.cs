using GraphQL;
using GraphQL.DI;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SenGraph.Host.Hosting;

namespace SenGraph.Host.Observability;

public static class ObservabilityExtensions
{
    /// <summary>
    /// The host's metrics and operation log scopes always; with <c>Telemetry:Enabled</c>, OpenTelemetry traces
    /// (GraphQL.NET's operation spans, ASP.NET Core requests, EF Core SQL commands, schema publications) and
    /// metrics (the host's, ASP.NET Core's), exported over OTLP when <c>Telemetry:OtlpEndpoint</c> is set.
    /// </summary>
    public static TelemetrySettings AddSenGraphObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = services.AddSettings<TelemetrySettings>(configuration, TelemetrySettings.Section, s => s.Problems(), "telemetry");
        services.AddMetrics();
        services.AddSingleton<SenGraphMetrics>();
        services.AddSingleton<OperationTelemetry>();
        if (!settings.Enabled) return settings;

        var exportTo = settings.OtlpEndpoint is { } endpoint ? new Uri(endpoint) : null;
        void Otlp(OtlpExporterOptions o)
        {
            o.Endpoint = exportTo!;
            o.Protocol = settings.OtlpProtocol == "HttpProtobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(settings.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource("GraphQL", SenGraphMetrics.Name).AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation();
                if (exportTo is not null) tracing.AddOtlpExporter(Otlp);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SenGraphMetrics.Name).AddAspNetCoreInstrumentation();
                if (exportTo is not null) metrics.AddOtlpExporter(Otlp);
            });
        return settings;
    }

    /// <summary>The GraphQL side: log scope and metrics around every operation; with telemetry on, GraphQL.NET's spans and root field timing.</summary>
    public static IGraphQLBuilder AddSenGraphObservability(this IGraphQLBuilder graphQL, TelemetrySettings settings)
    {
        graphQL.ConfigureExecution(sp => sp.GetRequiredService<OperationTelemetry>());
        if (settings.Enabled) graphQL.UseTelemetry().UseMiddleware<FieldTimer>();
        return graphQL;
    }
}
