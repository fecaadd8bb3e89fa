using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using SenGraph.Contracts.Modules;

namespace SenGraph.TestModules.JsonOld;

/// <summary>
/// Test module with a private Newtonsoft.Json 12.0.3. Loaded next to the other Json test module, it proves
/// that two modules can use two versions of the same private dependency.
/// </summary>
public sealed class JsonOldModule : ISenGraphModule
{
    public ModuleManifest Manifest { get; } = new("json-old", "Test: private Newtonsoft.Json 12.0.3", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<JsonOldQueries>();
}

/// <summary>Root query fields of the json-old test module.</summary>
public sealed class JsonOldQueries : ObjectGraphType
{
    public JsonOldQueries()
    {
        Name = "JsonOldQueries";
        Description = "Root query fields of the json-old test module.";
        Field<NonNullGraphType<StringGraphType>>("jsonOldLibraryVersion")
            .Description("Assembly version of the Newtonsoft.Json the json-old module loaded (after a serialization round trip).")
            .AllowAnonymous()
            .Resolve(_ => JsonProbe.LibraryVersion());
    }
}

/// <summary>Uses Newtonsoft.Json for real, then reports which assembly did the work.</summary>
public static class JsonProbe
{
    public static string LibraryVersion()
    {
        var json = JsonConvert.SerializeObject(new Dictionary<string, int> { ["answer"] = 42 });
        var back = JsonConvert.DeserializeObject<Dictionary<string, int>>(json);
        if (json != "{\"answer\":42}" || back?["answer"] != 42)
            throw new InvalidOperationException($"Newtonsoft.Json round trip failed: {json}");
        return typeof(JsonConvert).Assembly.GetName().Version!.ToString();
    }
}
