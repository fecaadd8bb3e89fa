using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Modules.Events;

namespace SenGraph.TestModules.Emitter;

/// <summary>Publishes a contracts-defined event (<see cref="LensMessageStatusChanged"/>) for other modules to handle.</summary>
public sealed class EmitterModule : ISenGraphModule
{
    public ModuleManifest Manifest { get; } = new("emitter", "Test: emitter", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendMutation<EmitterMutations>();
}

/// <summary>Root mutation fields of the emitter test module.</summary>
public sealed class EmitterMutations : ObjectGraphType
{
    public EmitterMutations(IModuleEvents events)
    {
        Name = "EmitterMutations";
        Description = "Root mutation fields of the emitter test module.";
        Field<NonNullGraphType<BooleanGraphType>>("emitLensStatus")
            .Description("Publishes a LensMessageStatusChanged to every module; open to anyone.")
            .Argument<NonNullGraphType<StringGraphType>>("ori", "The destination ORI.")
            .Argument<NonNullGraphType<StringGraphType>>("status", "The status.")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                await events.PublishAsync(new LensMessageStatusChanged(Guid.NewGuid(), Guid.NewGuid(), c.GetArgument<string>("ori"),
                    c.GetArgument<string>("status"), DateTimeOffset.UtcNow), c.CancellationToken);
                return true;
            });
    }
}
