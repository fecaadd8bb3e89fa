using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Kernel.Records;

/// <summary>
/// <c>records disposition [--dry-run] [--as-of DATE] [--authorised-by USER] [--batch-size N]</c>: loads the modules (migrating as the
/// server does), then runs <see cref="RecordsDisposition"/>, printing progress on standard error and the outcome on standard output.
/// Ctrl+C stops it after the batch in hand; run it again to carry on.
/// </summary>
public static class DispositionCommand
{
    public static Command Create(Func<Func<Task>, Task<int>> run)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List what is due without changing anything." };
        var asOf = new Option<string?>("--as-of") { Description = "The day to act on, yyyy-MM-dd (default: today, Eastern time)." };
        var authorisedBy = new Option<string?>("--authorised-by")
        {
            Description = "The records officer who authorised the run (a directory user holding Records Officer); required unless --dry-run.",
        };
        var batchSize = new Option<int>("--batch-size") { Description = "Reports per transaction.", DefaultValueFactory = _ => 500 };
        var command = new Command("disposition",
            "Mark transferred the reports due for transfer and destroy those due for destruction that no legal hold keeps (PIA 3.2), leaving tombstones.")
        { dryRun, asOf, authorisedBy, batchSize };
        command.SetAction(result => run(async () =>
        {
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler cancel = (_, e) =>
            {
                e.Cancel = true;
                Console.Error.WriteLine("Stopping after the batch in hand; run the command again to carry on.");
                stop.Cancel();
            };
            Console.CancelKeyPress += cancel;
            try
            {
                var outcome = await RunAsync(null, null, result.GetValue(dryRun), result.GetValue(asOf), result.GetValue(authorisedBy), result.GetValue(batchSize),
                    Console.Error, stop.Token);
                Console.WriteLine(outcome.Describe());
            }
            finally
            {
                Console.CancelKeyPress -= cancel;
            }
        }));
        return command;
    }

    /// <summary>The command's work, for the command and for tests (<paramref name="configuration"/> overrides the host's).</summary>
    public static async Task<DispositionOutcome> RunAsync(IConfiguration? configuration, string? environmentName, bool dryRun, string? asOf, string? authorisedBy, int batchSize,
        TextWriter progress, CancellationToken cancellationToken)
    {
        DateOnly day;
        if (asOf is null) day = DateOnly.FromDateTime(AgencyTime.ToAgencyTime(DateTimeOffset.UtcNow).DateTime);
        else if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            throw new ArgumentException($"--as-of '{asOf}' is not a date (yyyy-MM-dd).");
        if (batchSize is < 1 or > 10_000) throw new ArgumentException("--batch-size must be between 1 and 10000.");
        if (!dryRun && string.IsNullOrWhiteSpace(authorisedBy))
            throw new ArgumentException("--authorised-by names the records officer who authorised the run (required unless --dry-run).");

        var builder = SenGraphApplication.CreateBuilder(environmentName is null ? [] : ["--environment", environmentName]);
        if (configuration is not null) builder.Configuration.AddConfiguration(configuration);
        builder.AddSenGraph();
        await using var app = builder.Build();
        await app.Services.GetRequiredService<SenDatabaseStartup>().StartAsync(cancellationToken);
        var who = dryRun && string.IsNullOrWhiteSpace(authorisedBy) ? "dry-run" : authorisedBy!.Trim();
        if (!dryRun)
        {
            await using var db = app.Services.GetRequiredService<SenDatabase>().CreateDbContext();
            var officer = await db.Users.AsNoTracking().Where(u => u.UserName == who && !u.Disabled)
                .AnyAsync(u => db.UserRoles.Any(r => r.UserName == u.UserName && r.Role == DirectoryRoles.RecordsOfficer), cancellationToken);
            if (!officer) throw new ArgumentException($"--authorised-by '{who}' is not an enabled directory user holding {DirectoryRoles.RecordsOfficer}.");
        }

        await app.Services.GetRequiredService<ModuleCatalog>().ReloadAsync(cancellationToken, startServices: false);
        var started = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan? last = null;
        var report = new Demo.InlineProgress<DispositionProgress>(p =>
        {
            if (p.Done != p.Total && last is { } printed && started.Elapsed - printed < TimeSpan.FromSeconds(2)) return;
            last = started.Elapsed;
            progress.WriteLine($"{p.Step}: {p.Done}/{p.Total} ({100.0 * p.Done / Math.Max(1, p.Total):F0}%), {started.Elapsed.TotalSeconds:F0} s");
        });
        return await app.Services.GetRequiredService<RecordsDisposition>()
            .RunAsync(new DispositionRequest(day, dryRun, who, batchSize, report), cancellationToken);
    }
}
