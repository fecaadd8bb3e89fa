using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Modules.Events;

namespace SenGraph.TestModules.Lifecycle;

/// <summary>
/// Exercises a module's extension points: it handles the host's report events and another module's contracts
/// event, runs a background service, and adds the role <see cref="AnalystRole"/>. What happens is appended to the
/// file <c>Modules:lifecycle:Journal</c> names, one line each, so a test reads it from outside.
/// </summary>
public sealed class LifecycleModule : ISenGraphModule
{
    public const string AnalystRole = "Lifecycle Analyst";
    public const string AnalystPolicy = "lifecycle.analyst";

    public ModuleManifest Manifest { get; } = new("lifecycle", "Test: lifecycle", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton(new Journal(context.Configuration["Journal"], Manifest.Version));
        services.AddSingleton(new HeartbeatOptions(context.Configuration.GetValue<bool>("IgnoreStop")));
        services.AddHostedService<Heartbeat>();
        services.AddModuleEventHandler<ReportSubmittedEvent, JournalHandler>();
        services.AddModuleEventHandler<ReportAmendedEvent, JournalHandler>();
        services.AddModuleEventHandler<ReportReturnedEvent, JournalHandler>();
        services.AddModuleEventHandler<LensMessageStatusChanged, JournalHandler>();
    }

    public void ConfigureRoles(ModuleRoleBuilder roles) =>
        roles.Add(AnalystRole, "Analysts of the lifecycle test module: read lifecycleSecret.", HostGrant.Records);

    public void ConfigureAuthorization(ModuleAuthorizationBuilder authorization) =>
        authorization.AddPolicy(AnalystPolicy, p => p.RequireAuthenticatedUser().RequireRole(AnalystRole));

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendQuery<LifecycleQueries>();
}

/// <summary>Root query fields of the lifecycle test module.</summary>
public sealed class LifecycleQueries : ObjectGraphType
{
    public LifecycleQueries()
    {
        Name = "LifecycleQueries";
        Description = "Root query fields of the lifecycle test module.";
        Field<NonNullGraphType<StringGraphType>>("lifecycleSecret")
            .Description("Only for the module's own role.")
            .AuthorizeWithPolicy(LifecycleModule.AnalystPolicy)
            .Resolve(_ => "for lifecycle analysts");
    }
}

/// <summary>Appends lines to the journal file (nothing when none is configured).</summary>
public sealed class Journal(string? path, string version)
{
    private readonly Lock _lock = new();

    public void Write(string line)
    {
        if (path is null) return;
        lock (_lock) File.AppendAllText(path, $"{line} {version}{Environment.NewLine}");
    }
}

public sealed record HeartbeatOptions(bool IgnoreStop);

/// <summary>Writes "started" when started and "stopped" when it ends; with IgnoreStop it never ends by itself.</summary>
public sealed class Heartbeat(Journal journal, HeartbeatOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        journal.Write("started");
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }

        if (options.IgnoreStop) await Task.Delay(Timeout.Infinite, CancellationToken.None);
        journal.Write("stopped");
    }
}

public sealed class JournalHandler(Journal journal) :
    IModuleEventHandler<ReportSubmittedEvent>, IModuleEventHandler<ReportAmendedEvent>, IModuleEventHandler<ReportReturnedEvent>,
    IModuleEventHandler<LensMessageStatusChanged>
{
    public Task HandleAsync(ReportSubmittedEvent e, CancellationToken cancellationToken) =>
        Write($"submitted {e.ReportType} {e.Number} by {e.SubmittedBy} to {e.Recipients.Count}");

    public Task HandleAsync(ReportAmendedEvent e, CancellationToken cancellationToken) =>
        Write($"amended {e.ReportType} {e.Number} revision {e.Revision} by {e.AmendedBy}");

    public Task HandleAsync(ReportReturnedEvent e, CancellationToken cancellationToken) =>
        Write($"returned {e.ReportType} to {e.Author} by {e.ReturnedBy}");

    public Task HandleAsync(LensMessageStatusChanged e, CancellationToken cancellationToken) =>
        Write($"lens {e.DestinationOri} {e.Status}");

    private Task Write(string line)
    {
        journal.Write(line);
        return Task.CompletedTask;
    }
}
