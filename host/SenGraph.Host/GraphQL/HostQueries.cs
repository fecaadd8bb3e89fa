using System.Reflection;
using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Reports.Workflow;
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
        Field<NonNullGraphType<ModuleStatusGraphType>>("status").Description("Loaded, failed or disabled.").Resolve(c => c.Source.Status);
        Field(x => x.Error, nullable: true).Description(
            "Why the module was skipped, or why its newest version was not applied while the running one keeps serving; null otherwise.");
        Field(x => x.LoadedAt, nullable: true).Description("When the running version was loaded.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("types")
            .Description("The schema types this module adds. In Production only System Administrators see them (others get an empty list), as introspection is refused there.")
            .Resolve(c => SchemaDetailsVisible(c) ? c.Source.Contribution.TypeNames : []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields")
            .Description("The root fields this module adds (Query.x, Mutation.y). In Production only System Administrators see them (others get an empty list).")
            .Resolve(c => SchemaDetailsVisible(c) ? c.Source.Contribution.FieldCoordinates : []);
        Field<ModuleChangeGraphType>("lastChange").Description("The last version change of this module, applied or refused.")
            .Resolve(c => c.Source.LastChange);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ModuleReportTypeGraphType>>>>("reportTypes")
            .Description("The report types this module serves (none for a module that is not loaded), with their retention schedules.")
            .Resolve(c => c.Source.ReportTypes);
        Field(x => x.RetainedVersions).Description("Older versions of this module still held in memory.");
        Field(x => x.RestartRecommended).Description("True when so many older versions are held in memory that a restart would free it.");
    }

    /// <summary>The schema's shape is not for everyone in Production (anonymous introspection is refused there): administrators only.</summary>
    internal static bool SchemaDetailsVisible(IResolveFieldContext context) =>
        !context.RequestServices!.GetRequiredService<IHostEnvironment>().IsProduction()
        || context.User?.IsInRole(SenGraph.Contracts.Agency.DirectoryRoles.SystemAdministrator) == true;
}

public sealed class ModuleReportTypeGraphType : ObjectGraphType<ModuleReportType>
{
    public ModuleReportTypeGraphType()
    {
        Name = "ModuleReportType";
        Description = "A report type a module serves.";
        Field(x => x.Code).Description("Report-type code, e.g. SIR.");
        Field(x => x.Name).Description("Display name, e.g. Significant Incident Report.");
        Field<NonNullGraphType<RetentionScheduleGraphType>>("retention").Description("How long the type's reports are kept (PIA 3.2).").Resolve(c => c.Source.Retention);
    }
}

public sealed class RetentionScheduleGraphType : ObjectGraphType<RetentionSchedule>
{
    public RetentionScheduleGraphType()
    {
        Name = "RetentionSchedule";
        Description = "A report type's records retention schedule, counted from the end of the agency fiscal year (1 October to 30 September, Eastern time) of its trigger. Dates per report come with the records work.";
        Field<NonNullGraphType<BooleanGraphType>>("scheduled").Description("False while no schedule is approved: the reports are kept until one is.").Resolve(c => c.Source.IsScheduled);
        Field<RetentionTriggerGraphType>("trigger").Description("What starts the clock; null when unscheduled.").Resolve(c => c.Source.Trigger);
        Field(x => x.TriggerField, nullable: true).Description("For a FIELD trigger: the report type's date field, e.g. responseCompletedAt.");
        Field(x => x.DestroyAfterYears, nullable: true).Description("Years after the end of the trigger's fiscal year when the reports are destroyed; null: kept permanently (or unscheduled).");
        Field(x => x.TransferAfterYears, nullable: true).Description("Years after the end of the trigger's fiscal year when the reports are transferred to the National Archives; null: not transferred.");
        Field(x => x.Summary).Description("The schedule in words.");
    }
}

public sealed class RetentionTriggerGraphType : EnumerationGraphType<RetentionTrigger>
{
    public RetentionTriggerGraphType()
    {
        Name = "RetentionTrigger";
        Description = "What starts a report type's retention clock: the end of the agency fiscal year (1 October to 30 September, Eastern time) in which it falls.";
    }
}

public sealed class ModuleChangeGraphType : ObjectGraphType<ModuleChange>
{
    public ModuleChangeGraphType()
    {
        Name = "ModuleChange";
        Description = "A module version change: an upgrade, a first load, or a refused version.";
        Field(x => x.FromVersion, nullable: true).Description("The version that was running; null for a first load.");
        Field(x => x.ToVersion).Description("The version that came in.");
        Field(x => x.At).Description("When the change was made or refused.");
        Field(x => x.Applied).Description("Whether the new version now serves.");
        Field(x => x.Reason, nullable: true).Description("Why it was refused.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SchemaChangeGraphType>>>>("schemaChanges")
            .Description("How the module's schema contribution differs from the version before. In Production only System Administrators see them (others get an empty list).")
            .Resolve(c => ModuleGraphType.SchemaDetailsVisible(c) ? c.Source.SchemaChanges : []);
    }
}

public sealed class SchemaChangeGraphType : ObjectGraphType<SchemaChange>
{
    public SchemaChangeGraphType()
    {
        Name = "SchemaChange";
        Description = "One difference between two schema contributions.";
        Field<NonNullGraphType<SchemaChangeLevelGraphType>>("level").Description("Effect on existing clients.").Resolve(c => c.Source.Level);
        Field(x => x.Description).Description("What changed.");
    }
}

public sealed class SchemaChangeLevelGraphType : EnumerationGraphType<SchemaChangeLevel>
{
    public SchemaChangeLevelGraphType()
    {
        Name = "SchemaChangeLevel";
        Description = "SAFE: existing operations keep working; DANGEROUS: they may see something new; BREAKING: they may fail.";
    }
}
