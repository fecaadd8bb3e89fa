using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Persistence;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Kernel.Workflow;
using SenGraph.Host.GraphQL;

namespace SenGraph.Host.Kernel.Database;

/// <summary>
/// Applies the host's migrations, and in Development seeds an empty directory: the first step of
/// <see cref="SenGraph.Host.Hosting.StartupSequence"/>, before the modules load, so module migrations
/// (which may refer to host tables) always find them. Host commands run it themselves.
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
    /// The host's database (for the configured <see cref="DatabaseSettings"/>) and its start-up migration and seed,
    /// the directory administration and its root fields.
    /// </summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddSingleton<AuditCommits>();
        services.AddSingleton<SenDatabase>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<SenDbContext>>(sp => sp.GetRequiredService<SenDatabase>());
        services.AddSingleton<WorkflowStartup>();
        services.AddSingleton<DirectoryAdministration>();
        services.AddRootFields<DirectoryQueries>(RootOperation.Query);
        services.AddRootFields<DirectoryMutations>(RootOperation.Mutation);
        return services;
    }

    /// <summary>The report workflow (lifecycle, queues, events, envelope reads) and its root fields.</summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<ReportTypes>();
        services.AddSingleton<SenGraph.Host.Security.AccessControl>();
        services.AddSingleton<ReportEvents>();
        services.AddSingleton<ReportWorkflow>();
        services.AddSingleton<ReportEnvelopeReader>();
        services.AddSingleton<SenGraph.Contracts.Reports.Workflow.IReportEnvelopeReader>(sp => sp.GetRequiredService<ReportEnvelopeReader>());
        services.AddRootFields<ReportQueries>(RootOperation.Query);
        services.AddRootFields<ReportStatisticsQueries>(RootOperation.Query);
        services.AddRootFields<ReportMutations>(RootOperation.Mutation);
        services.AddRootFields<ReportSubscriptions>(RootOperation.Subscription);
        return services;
    }
}
