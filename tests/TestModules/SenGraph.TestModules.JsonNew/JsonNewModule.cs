using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using SenGraph.Contracts.Modules;

namespace SenGraph.TestModules.JsonNew;

/// <summary>
/// Test module with a private Newtonsoft.Json 13.0.3. Loaded next to the other Json test module, it proves
/// that two modules can use two versions of the same private dependency.
/// </summary>
public sealed class JsonNewModule : ISenGraphModule
{
    public ModuleManifest Manifest { get; } = new("json-new", "Test: private Newtonsoft.Json 13.0.3", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<JsonNewQueries>();
}

/// <summary>Root query fields of the json-new test module.</summary>
public sealed class JsonNewQueries : ObjectGraphType
{
    public JsonNewQueries()
    {
        Name = "JsonNewQueries";
        Description = "Root query fields of the json-new test module.";
        Field<NonNullGraphType<StringGraphType>>("jsonNewLibraryVersion")
            .Description("Assembly version of the Newtonsoft.Json the json-new module loaded (after a serialization round trip).")
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
