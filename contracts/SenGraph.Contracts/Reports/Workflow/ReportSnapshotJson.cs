using System.Text.Json;
using System.Text.Json.Serialization;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>How revision snapshots are written: camel-case properties, enums by name.</summary>
public static class ReportSnapshotJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
