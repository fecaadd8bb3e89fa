using System.Reflection;
using GraphQL;
using GraphQL.Types;
using SenGraph.Host.Modules;

namespace SenGraph.Host.GraphQL;

/// <summary>The host's own root fields: what is loaded, and what is running.</summary>
public sealed class HostQueries : ObjectGraphType
{
    private static readonly string HostVersion =
        typeof(HostQueries).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(HostQueries).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public HostQueries(SchemaHost schemas, IHostEnvironment environment)
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ModuleGraphType>>>>("modules")
            .Description("Every module folder the host found, loaded or skipped, with the reason when skipped.")
            .AllowAnonymous()
            .Resolve(context => schemas.SnapshotOf(context.Schema).Modules);

        Field<NonNullGraphType<ServerInfoGraphType>>("serverInfo")
            .Description("The running host.")
            .AllowAnonymous()
            .Resolve(_ => new ServerInfo(HostVersion, environment.EnvironmentName));
    }
}

/// <summary>What <c>serverInfo</c> returns.</summary>
public sealed record ServerInfo(string Version, string Environment);

public sealed class ServerInfoGraphType : ObjectGraphType<ServerInfo>
{
    public ServerInfoGraphType()
    {
        Name = "ServerInfo";
        Description = "The running host.";
        Field(x => x.Version).Description("Version of the SenGraph host.");
        Field(x => x.Environment).Description("Hosting environment (Development, Staging, Production).");
    }
}

public sealed class ModuleStatusGraphType : EnumerationGraphType<ModuleStatus>
{
    public ModuleStatusGraphType()
    {
        Name = "ModuleStatus";
        Description = "Whether a module is serving.";
    }
}

public sealed class ModuleGraphType : ObjectGraphType<ModuleDescriptor>
{
    public ModuleGraphType()
    {
        Name = "Module";
        Description = "A module folder in the plugins folder.";
        Field(x => x.Id).Description("The module's id, or its folder name when it failed before declaring one.");
        Field(x => x.Name).Description("Display name, or the folder name when unknown.");
        Field(x => x.Version, nullable: true).Description("Semantic version the module declares.");
        Field(x => x.ContractsVersion, nullable: true).Description("Contracts version the module was built for.");
        Field<NonNullGraphType<ModuleStatusGraphType>>("status").Description("Loaded, or failed.").Resolve(c => c.Source.Status);
        Field(x => x.Error, nullable: true).Description("Why the module was skipped; null when loaded.");
    }
}
