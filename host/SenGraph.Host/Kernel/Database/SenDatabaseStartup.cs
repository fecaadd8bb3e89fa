using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Persistence;
using SenGraph.Host.Kernel.Agency;

namespace SenGraph.Host.Kernel.Database;

/// <summary>
/// Applies the host's migrations, and in Development seeds an empty directory: the first step of
/// <see cref="SenGraph.Host.Hosting.StartupSequence"/>, before the modules load, so module migrations
/// (which may refer to host tables) always find them. Host commands run it themselves.
/// </summary>
public sealed class SenDatabaseStartup(
    SenDatabase database, IHostEnvironment environment, SenGraph.Host.Hosting.StartupTimings timings, ILogger<SenDatabaseStartup> logger) : IHostedService
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
