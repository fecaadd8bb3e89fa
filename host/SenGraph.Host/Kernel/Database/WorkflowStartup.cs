using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Persistence;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Kernel.Workflow;

namespace SenGraph.Host.Kernel.Database;

/// <summary>
/// Applies the host's migrations, and in Development seeds an empty directory, before the modules
/// load: registered ahead of <c>ModuleStartup</c>, and hosted services start one after the other in
/// registration order, so module migrations (which may refer to host tables) always find them.
/// </summary>
public sealed class WorkflowStartup(
    SenDatabase database, IHostEnvironment environment, SenGraph.Host.Hosting.StartupTimings timings, ILogger<WorkflowStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await timings.MeasureAsync(SenGraph.Host.Hosting.StartupTimings.HostMigrations, async () =>
            {
                await database.MigrateAsync(cancellationToken);
                return true;
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Unlike a module, the host cannot serve without its tables: fail the start, with the reason.
            throw new InvalidOperationException($"Failed applying the host's migrations ({database.Settings.Provider}): {e.Message}", e);
        }

        if (!environment.IsDevelopment()) return;
        using var audit = AuditScope.Begin(AuditContext.System("seed directory"));
        await using var db = database.CreateDbContext();
        if (await DirectorySeed.SeedAsync(db, cancellationToken))
        {
            logger.LogInformation("Seeded the development directory: {Offices} offices, {Users} users ({Provider}).",
                DirectorySeed.Offices.Count, DirectorySeed.Users.Count, database.Settings.Provider);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registers the host's database and the kernel's workflow services.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The host's database (for the configured <see cref="DatabaseSettings"/>), its start-up migration
    /// and seed, the directory administration the report workflow (lifecycle, queues, events, envelope reads). Call before the module start-up is registered.
    /// </summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<SenDatabase>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<SenDbContext>>(sp => sp.GetRequiredService<SenDatabase>());
        services.AddSingleton<DirectoryAdministration>();
        services.AddSingleton<ReportTypes>();
        services.AddSingleton<SenGraph.Host.Security.AccessControl>();
        services.AddSingleton<ReportEvents>();
        services.AddSingleton<ReportWorkflow>();
        services.AddSingleton<ReportEnvelopeReader>();
        services.AddSingleton<SenGraph.Contracts.Reports.Workflow.IReportEnvelopeReader>(sp => sp.GetRequiredService<ReportEnvelopeReader>());
        services.AddHostedService<WorkflowStartup>();
        return services;
    }
}
