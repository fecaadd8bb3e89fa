using Microsoft.Extensions.Options;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Reports;
using SenGraph.Host.Modules;
using SenGraph.Host.GraphQL;

namespace SenGraph.Host.Kernel.Records;

/// <summary>Settings of the scheduled disposition run (section <c>Records:Disposition</c>), off by default.</summary>
public sealed class RecordsDispositionOptions
{
    public const string Section = "Records:Disposition";

    /// <summary>Run disposition on a schedule in the server (default false: only the <c>records disposition</c> command runs it).</summary>
    public bool Scheduled { get; set; }

    /// <summary>How often (default one day); the first run is one interval after start.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Who authorised the scheduled runs (a records officer's user name); required when <see cref="Scheduled"/>.</summary>
    public string? AuthorisedBy { get; set; }

    /// <summary>Reports per transaction.</summary>
    public int BatchSize { get; set; } = 500;
}

/// <summary>The scheduled disposition run, when <see cref="RecordsDispositionOptions.Scheduled"/>: as of the day in Eastern time.</summary>
public sealed class ScheduledDisposition(IOptions<RecordsDispositionOptions> options, RecordsDisposition disposition, SchemaHost schemas, TimeProvider clock,
    ILogger<ScheduledDisposition> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Scheduled) return;
        using var timer = new PeriodicTimer(settings.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!schemas.IsReady) continue;
            try
            {
                var today = DateOnly.FromDateTime(AgencyTime.ToAgencyTime(clock.GetUtcNow()).DateTime);
                using var audit = AuditScope.Begin(new AuditContext(settings.AuthorisedBy!) { OperationName = "records disposition (scheduled)" });
                await disposition.RunAsync(new DispositionRequest(today, DryRun: false, settings.AuthorisedBy!, settings.BatchSize), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // What committed stays done; the next run carries on.
                logger.LogError(e, "The scheduled disposition run failed.");
            }
        }
    }
}

public static class RecordsServiceCollectionExtensions
{
    /// <summary>Records management: disposition (command and optional schedule), legal holds, person searches, correction requests.</summary>
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddOptions<RecordsDispositionOptions>().BindConfiguration(RecordsDispositionOptions.Section)
            .Validate(o => !o.Scheduled || !string.IsNullOrWhiteSpace(o.AuthorisedBy), "Records:Disposition:AuthorisedBy names who authorised scheduled disposition runs.")
            .Validate(o => o.Interval > TimeSpan.Zero && o.BatchSize > 0, "Records:Disposition:Interval and BatchSize must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RecordsDisposition>();
        services.AddSingleton<LegalHolds>();
        services.AddSingleton<PersonSearches>();
        services.AddSingleton<CorrectionRequests>();
        services.AddHostedService<ScheduledDisposition>();
        services.AddRootFields<RecordsQueries>(RootOperation.Query);
        services.AddRootFields<RecordsMutations>(RootOperation.Mutation);
        return services;
    }
}
