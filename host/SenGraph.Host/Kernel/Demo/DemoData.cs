using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SenGraph.Host.Hosting;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Kernel.Demo;

/// <summary>Demo data settings (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>In Development, write the demo data when the host starts on a database without reports.</summary>
    public bool SeedOnStart { get; set; } = true;
}

/// <summary>
/// Runs <see cref="DemoSeeder"/> in an application of its own, built from the same configuration as the caller's
/// but with a <see cref="DemoClock"/> as its clock, so the serving host's time is never moved. Used by the
/// <c>seed demo</c> command and, in Development, by <see cref="DemoStartup"/>.
/// </summary>
public static class DemoData
{
    /// <param name="configuration">Settings to build from (the serving host's); null: the command line's defaults.</param>
    /// <param name="environmentName">The serving host's environment; null: the command line's.</param>
    /// <param name="onlyIfNoReports">Write nothing when the database holds any report (start-up); else seed every type without reports.</param>
    /// <returns>What was written, or null when <paramref name="onlyIfNoReports"/> found reports.</returns>
    public static Task<DemoSeedResult?> SeedAsync(
        IConfiguration? configuration, string? environmentName, bool onlyIfNoReports, CancellationToken cancellationToken) =>
        SeedAsync(configuration, environmentName, onlyIfNoReports, new DemoSeedRequest(DemoReportPlan.ReportsPerType, OnlyTypesWithoutReports: true), cancellationToken);

    /// <param name="seed">How many reports, and whether types that already have reports are left alone.</param>
    public static Task<DemoSeedResult?> SeedAsync(
        IConfiguration? configuration, string? environmentName, bool onlyIfNoReports, DemoSeedRequest seed, CancellationToken cancellationToken) =>
        RunAsync(configuration, environmentName, onlyIfNoReports, (services, ct) => services.GetRequiredService<DemoSeeder>().SeedAsync(seed, ct), cancellationToken);

    /// <summary>
    /// <c>seed generate</c>: writes <paramref name="reports"/> more reports in bulk (<see cref="DemoBulkWriter"/>), spread
    /// evenly over every loaded type with demo data, whatever the database already holds.
    /// </summary>
    public static async Task<DemoSeedResult> GenerateAsync(
        IConfiguration? configuration, string? environmentName, int reports, IProgress<DemoBulkProgress>? progress, CancellationToken cancellationToken) =>
        (await RunAsync(configuration, environmentName, onlyIfNoReports: false,
            (services, ct) => services.GetRequiredService<DemoBulkWriter>().WriteAsync(reports, progress, ct), cancellationToken))!;

    private static async Task<DemoSeedResult?> RunAsync(
        IConfiguration? configuration, string? environmentName, bool onlyIfNoReports, Func<IServiceProvider, CancellationToken, Task<DemoSeedResult>> seed,
        CancellationToken cancellationToken)
    {
        var builder = SenGraphApplication.CreateBuilder(environmentName is null ? [] : ["--environment", environmentName]);
        if (configuration is not null) builder.Configuration.AddConfiguration(configuration);
        builder.AddSenGraph();
        var clock = new DemoClock();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<DemoPlanner>();
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddSingleton<DemoBulkWriter>();
        await using var app = builder.Build();

        // The host's tables (and, in Development, its directory) first, as the serving host does.
        await app.Services.GetRequiredService<SenDatabaseStartup>().StartAsync(cancellationToken);
        if (onlyIfNoReports)
        {
            await using var db = app.Services.GetRequiredService<SenDatabase>().CreateDbContext();
            if (await db.Reports.AnyAsync(cancellationToken)) return null;
        }

        await app.Services.GetRequiredService<ModuleCatalog>().ReloadAsync(cancellationToken, startServices: false);
        return await seed(app.Services, cancellationToken);
    }

    public static string Describe(DemoSeedResult result) =>
        (result.Written.Count == 0 ? "No demo reports written" : "Demo reports written: " + string.Join(", ", result.Written.Select(w => $"{w.Value} {w.Key}")))
        + (result.Skipped.Count == 0 ? "" : "; left alone: " + string.Join(", ", result.Skipped.Select(s => $"{s.Key} ({s.Value})")))
        + (result.FailedSteps == 0 ? "." : $"; {result.FailedSteps} reports stopped early (see the warnings).");
}

/// <summary>In Development (unless <c>Demo:SeedOnStart</c> is false), writes the demo data before the host listens when the database has no report (a step of <see cref="StartupSequence"/>).</summary>
public sealed class DemoStartup(
    IConfiguration configuration, IHostEnvironment environment, IOptions<DemoOptions> options, SenDatabase database, StartupTimings timings,
    ILogger<DemoStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || !options.Value.SeedOnStart) return;
        // The serving host's tables are migrated by now: a database with reports costs one query, not a second application.
        await using (var db = database.CreateDbContext())
        {
            if (await db.Reports.AnyAsync(cancellationToken)) return;
        }

        var result = await timings.MeasureAsync(StartupTimings.DemoData, () => DemoData.SeedAsync(configuration, environment.EnvironmentName, onlyIfNoReports: true, cancellationToken));
        if (result is not null)
            logger.LogInformation("{Outcome} Turn this off with Demo:SeedOnStart=false.", DemoData.Describe(result));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
