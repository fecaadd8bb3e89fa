using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Modules;
using SenGraph.Modules.SecureCommunities.Data;
using SenGraph.Modules.SecureCommunities.GraphQL;
using SenGraph.Modules.SecureCommunities.Import;
using SenGraph.Modules.SecureCommunities.Metrics;

namespace SenGraph.Modules.SecureCommunities.Cli;

/// <summary>
/// <c>sc import</c>, <c>sc table</c>, <c>sc metrics</c> and <c>sc generate</c>: the host's command line runs them in the module's container
/// (<see cref="ISenGraphModule.ConfigureCommands"/>).
/// </summary>
public static class ScCommands
{
    public const string Usage = """
        usage:
          sc import --transmissions FILE [--events FILE] [--skip-invalid]
          sc import --events FILE [--skip-invalid]
          sc table --from DATE --to DATE [--level LEVEL_1|LEVEL_2|LEVEL_3|USC] [--as-of DATE] [--state XX] [--site CODE] [--ori ORI] [--format csv|text]
          sc metrics --from DATE --to DATE [--as-of DATE] [--state XX] [--site CODE] [--ori ORI] [--format csv|text]
          sc generate --transmissions N --out DIR [--seed N]
        DATE is yyyy-MM-dd (Eastern time).
        """;

    public static async Task<int> RunAsync(ModuleCommandContext context, CancellationToken ct)
    {
        var args = context.Arguments;
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            await (args.Count == 0 ? context.Error : context.Out).WriteLineAsync(Usage);
            return args.Count == 0 ? 1 : 0;
        }

        Dictionary<string, string?> options;
        try
        {
            options = Options(args.Skip(1).ToList());
            return args[0] switch
            {
                "import" => await ImportAsync(context, options, ct),
                "table" => await TableAsync(context, options, ct),
                "metrics" => await MetricsAsync(context, options, ct),
                "generate" => await GenerateAsync(context, options),
                _ => throw new ArgumentException($"unknown sc command '{args[0]}'."),
            };
        }
        catch (ArgumentException e)
        {
            await context.Error.WriteLineAsync("error: " + e.Message);
            await context.Error.WriteLineAsync(Usage);
            return 2;
        }
        catch (IOException e)
        {
            await context.Error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }

    private static Dictionary<string, string?> Options(List<string> args)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{name}'.");
            if (name == "--skip-invalid") options[name] = null;
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) options[name] = args[++i];
            else throw new ArgumentException($"{name} needs a value.");
        }

        return options;
    }

    private static void Allow(Dictionary<string, string?> options, params string[] allowed)
    {
        if (options.Keys.FirstOrDefault(k => !allowed.Contains(k)) is { } unknown) throw new ArgumentException($"unknown option {unknown}.");
    }

    private static async Task<int> ImportAsync(ModuleCommandContext context, Dictionary<string, string?> options, CancellationToken ct)
    {
        Allow(options, "--transmissions", "--events", "--skip-invalid");
        var transmissions = options.GetValueOrDefault("--transmissions");
        var events = options.GetValueOrDefault("--events");
        if (transmissions is null && events is null) throw new ArgumentException("give --transmissions FILE, --events FILE or both.");
        using var transmissionsReader = transmissions is null ? null : new StreamReader(transmissions, Encoding.UTF8, true, 1 << 16);
        using var eventsReader = events is null ? null : new StreamReader(events, Encoding.UTF8, true, 1 << 16);
        using var audit = AuditScope.Begin(AuditContext.System("sc import"));
        var result = await context.Services.GetRequiredService<ScImporter>().ImportAsync(transmissionsReader, eventsReader,
            options.ContainsKey("--skip-invalid"), message => context.Error.WriteLine(message), ct);
        foreach (var error in result.Errors) await context.Error.WriteLineAsync((options.ContainsKey("--skip-invalid") ? "skipped: " : "error: ") + error);
        if (result.ErrorCount > result.Errors.Count) await context.Error.WriteLineAsync($"... and {result.ErrorCount - result.Errors.Count} more invalid rows.");
        await context.Out.WriteLineAsync(result.Summary);
        return result.Applied ? 0 : 1;
    }

    private static ScMetricsQuery Query(Dictionary<string, string?> options, bool withLevel)
    {
        DateOnly Date(string name, bool required)
        {
            var text = options.GetValueOrDefault(name);
            if (text is null) return required ? throw new ArgumentException($"{name} DATE is required.") : default;
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new ArgumentException($"{name} '{text}' is not a date yyyy-MM-dd.");
        }

        var query = new ScMetricsQuery(Date("--from", true), Date("--to", true), withLevel ? options.GetValueOrDefault("--level") : null,
            options.ContainsKey("--as-of") ? Date("--as-of", true) : null,
            options.GetValueOrDefault("--state"), options.GetValueOrDefault("--site"), options.GetValueOrDefault("--ori"));
        return ScMetricsQueryCheck.Problem(query) is { } problem ? throw new ArgumentException(problem) : query;
    }

    private static string Format(Dictionary<string, string?> options) => options.GetValueOrDefault("--format") switch
    {
        null or "text" => "text",
        "csv" => "csv",
        var other => throw new ArgumentException($"--format '{other}' is not csv or text."),
    };

    private static async Task<int> TableAsync(ModuleCommandContext context, Dictionary<string, string?> options, CancellationToken ct)
    {
        Allow(options, "--from", "--to", "--level", "--as-of", "--state", "--site", "--ori", "--format");
        var format = Format(options);
        var table = await context.Services.GetRequiredService<ScMetrics>().OutcomesAsync(Query(options, withLevel: true), ct);
        await context.Out.WriteAsync(ScTableText.Outcomes(table, format));
        return 0;
    }

    private static async Task<int> MetricsAsync(ModuleCommandContext context, Dictionary<string, string?> options, CancellationToken ct)
    {
        Allow(options, "--from", "--to", "--as-of", "--state", "--site", "--ori", "--format");
        var format = Format(options);
        var metrics = await context.Services.GetRequiredService<ScMetrics>().CumulativeAsync(Query(options, withLevel: false), ct);
        await context.Out.WriteAsync(ScTableText.Cumulative(metrics, format));
        return 0;
    }

    private static async Task<int> GenerateAsync(ModuleCommandContext context, Dictionary<string, string?> options)
    {
        Allow(options, "--transmissions", "--out", "--seed");
        var count = int.TryParse(options.GetValueOrDefault("--transmissions"), out var n) && n is > 0 and <= 50_000_000
            ? n : throw new ArgumentException("--transmissions N (1 to 50000000) is required.");
        var directory = options.GetValueOrDefault("--out") ?? throw new ArgumentException("--out DIR is required.");
        var seed = int.TryParse(options.GetValueOrDefault("--seed"), out var s) ? s : 19;
        Directory.CreateDirectory(directory);
        var (transmissions, events) = await ScGeneratedData.WriteAsync(directory, count, seed);
        await context.Out.WriteLineAsync($"wrote {transmissions} and {events}");
        return 0;
    }
}
