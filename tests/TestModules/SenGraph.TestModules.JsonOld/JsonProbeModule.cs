using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using SenGraph.Contracts.Modules;

namespace SenGraph.TestModules.Json;

/// <summary>
/// Test module with a private Newtonsoft.Json, compiled twice (JsonOld: 12.0.3, JsonNew: 13.0.3; each
/// project's <see cref="Flavor"/> names it). Loaded side by side, the two prove that modules can use two
/// versions of the same private dependency.
/// </summary>
public sealed class JsonProbeModule : ISenGraphModule
{
    public ModuleManifest Manifest { get; } = new(Flavor.Id, $"Test: private Newtonsoft.Json {Flavor.LibraryVersion}", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<JsonProbeQueries>();
}

/// <summary>Root query fields of the module.</summary>
public sealed class JsonProbeQueries : ObjectGraphType
{
    public JsonProbeQueries()
    {
        Field<NonNullGraphType<StringGraphType>>(Flavor.Field)
            .Description($"Assembly version of the Newtonsoft.Json the {Flavor.Id} module loaded (after a serialization round trip).")
            .AllowAnonymous()
            .Resolve(_ => LibraryVersion());
    }

    /// <summary>Uses Newtonsoft.Json for real, then reports which assembly did the work.</summary>
    private static string LibraryVersion()
    {
        var json = JsonConvert.SerializeObject(new Dictionary<string, int> { ["answer"] = 42 });
        var back = JsonConvert.DeserializeObject<Dictionary<string, int>>(json);
        if (json != "{\"answer\":42}" || back?["answer"] != 42)
            throw new InvalidOperationException($"Newtonsoft.Json round trip failed: {json}");
        return typeof(JsonConvert).Assembly.GetName().Version!.ToString();
    }
}
