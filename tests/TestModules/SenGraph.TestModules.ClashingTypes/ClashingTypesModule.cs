using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;

namespace SenGraph.TestModules.ClashingTypes;

/// <summary>
/// Test module whose object type is named <c>Sir</c>, the name of the SIR module's report type.
/// Composed next to the SIR module, the schema must fail on the type-name clash (and the host must
/// say which modules clash); composed alone it works.
/// </summary>
public sealed class ClashingTypesModule : ISenGraphModule
{
    public ModuleManifest Manifest { get; } = new("clashing-types", "Test: type named Sir", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<ClashingTypesQueries>();
}

/// <summary>The value behind the clashing <c>Sir</c> type.</summary>
public sealed record ClashingSir(string Id, string Title);

/// <summary>An object type deliberately named <c>Sir</c>.</summary>
public sealed class ClashingSirType : ObjectGraphType<ClashingSir>
{
    public ClashingSirType()
    {
        Name = "Sir";
        Description = "Not the SIR module's report: a test type that only shares its name.";
        Field(s => s.Id).Description("Identifier.");
        Field(s => s.Title).Description("Title.");
    }
}

/// <summary>Root query fields of the clashing-types test module.</summary>
public sealed class ClashingTypesQueries : ObjectGraphType
{
    public ClashingTypesQueries()
    {
        Name = "ClashingTypesQueries";
        Description = "Root query fields of the clashing-types test module.";
        Field<NonNullGraphType<ClashingSirType>>("clashingSir")
            .Description("Returns a value of the clashing Sir type.")
            .AllowAnonymous()
            .Resolve(_ => new ClashingSir("clash-1", "Clashing type"));
    }
}
