namespace SenGraph.Host.Observability;

/// <summary>
/// The <c>Telemetry</c> section: OpenTelemetry traces and metrics, off by default. Enabled without an
/// <see cref="OtlpEndpoint"/>, they are collected for in-process listeners only (tests, <c>dotnet-counters</c>).
/// </summary>
public sealed class TelemetrySettings
{
    public const string Section = "Telemetry";

    public bool Enabled { get; set; }

    /// <summary>Where OTLP/gRPC (or OTLP/HTTP with <see cref="OtlpProtocol"/> <c>HttpProtobuf</c>) traces and metrics go.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "Grpc";

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "sengraph";

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (OtlpEndpoint is not null
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            problems.Add($"Telemetry:OtlpEndpoint must be an absolute http or https URL (got '{OtlpEndpoint}').");
        if (OtlpProtocol is not ("Grpc" or "HttpProtobuf"))
            problems.Add($"Telemetry:OtlpProtocol must be Grpc or HttpProtobuf (got '{OtlpProtocol}').");
        if (string.IsNullOrWhiteSpace(ServiceName))
            problems.Add("Telemetry:ServiceName must not be empty.");
        return problems;
    }
}
