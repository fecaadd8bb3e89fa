using System.CommandLine;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using SenGraph.Contracts.Persistence;
using SenGraph.Host.Modules;
using SenGraph.Host.Modules.Packaging;
using SenGraph.Host.Security;

namespace SenGraph.Host.Cli;

/// <summary>
/// Commands run instead of the server: <c>token</c>, <c>seed demo</c>, <c>schema export</c>, <c>migrations script</c>,
/// <c>modules pack</c>, <c>modules install</c>, <c>records disposition</c>, <c>audit verify</c>.
/// Anything else on the command line starts the server.
/// </summary>
public static class HostCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "token" or "schema" or "migrations" or "modules" or "seed" or "records" or "audit";

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("SenGraph host commands. Without a command, the host serves GraphQL.");
        root.Add(TokenCommand());
        root.Add(new Command("schema", "The composed GraphQL schema.") { SchemaExportCommand() });
        root.Add(new Command("migrations", "Database migrations of every module.") { MigrationsScriptCommand() });
        root.Add(ModulePackageCommands.Create(Run));
        root.Add(new Command("seed", "Data to explore the API with.") { SeedDemoCommand(), SeedGenerateCommand() });
        root.Add(new Command("records", "Records management (PIA 3.2).") { SenGraph.Host.Kernel.Records.DispositionCommand.Create(Run) });
        root.Add(new Command("audit", "The audit trail (PIA 8.5).") { SenGraph.Host.Auditing.AuditVerifyCommand.Create(Run) });
        return root.Parse(args).InvokeAsync();
    }

    /// <summary>The composed schema as SDL, as <c>schema/schema.graphql</c> holds it.</summary>
    public static string ToSdl(ISchema schema) =>
        schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static Command TokenCommand()
    {
        var user = new Option<string>("--user") { Description = "User name (the token's subject).", Required = true };
        var roles = new Option<string>("--roles") { Description = "Comma-separated roles, e.g. Agent,Supervisor.", Required = true };
        var office = new Option<string>("--office") { Description = "Office code, e.g. SAC-NYC.", Required = true };
        var command = new Command("token", "Print a bearer token signed with the development key (Development only).") { user, roles, office };
        command.SetAction(result => Run(() =>
        {
            var builder = SenGraphApplication.CreateBuilder([]);
            var settings = builder.Configuration.GetSection(AuthenticationSettings.Section).Get<AuthenticationSettings>() ?? new AuthenticationSettings();
            var roleList = result.GetRequiredValue(roles).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Console.WriteLine(DevelopmentTokens.Issue(settings, builder.Environment, result.GetRequiredValue(user), roleList,
                result.GetRequiredValue(office), TimeProvider.System));
            return Task.CompletedTask;
        }));
        return command;
    }

    private static Command SeedDemoCommand()
    {
        var command = new Command("demo",
            "Write realistic, fictional reports of every loaded type that has none yet, through the real workflow, as the directory's users (running it again changes nothing).");
        command.SetAction(result => Run(async () =>
        {
            var outcome = await SenGraph.Host.Kernel.Demo.DemoData.SeedAsync(null, null, onlyIfNoReports: false, CancellationToken.None);
            Console.WriteLine(SenGraph.Host.Kernel.Demo.DemoData.Describe(outcome!));
        }));
        return command;
    }

    private static Command SeedGenerateCommand()
    {
        var reports = new Option<int>("--reports")
        {
            Description = "How many reports to write in all, spread evenly over every loaded type with demo data.",
            DefaultValueFactory = _ => 100_000,
        };
        reports.Validators.Add(r =>
        {
            if (r.GetValue(reports) is < 1 or > 10_000_000) r.AddError("--reports must be between 1 and 10000000.");
        });
        var command = new Command("generate",
            "Write N realistic, fictional reports of every loaded type in bulk (in every workflow state, with people, recipients, queue marks, "
            + "amendments and their revisions, every row audited), whatever the database already holds: data for load benchmarks. Prints progress.") { reports };
        command.SetAction(result => Run(async () =>
        {
            var total = result.GetRequiredValue(reports);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var lastPrinted = TimeSpan.Zero;
            var progress = new SenGraph.Host.Kernel.Demo.InlineProgress<SenGraph.Host.Kernel.Demo.DemoBulkProgress>(p =>
            {
                if (p.Written != p.Total && started.Elapsed - lastPrinted < TimeSpan.FromSeconds(5)) return;
                lastPrinted = started.Elapsed;
                Console.Error.WriteLine($"{p.Written:N0}/{p.Total:N0} reports ({100.0 * p.Written / Math.Max(1, p.Total):F0}%), "
                    + $"{started.Elapsed.TotalSeconds:F0} s, {p.Written / Math.Max(0.001, started.Elapsed.TotalSeconds):F0} reports/s");
            });
            var outcome = await SenGraph.Host.Kernel.Demo.DemoData.GenerateAsync(null, null, total, progress, CancellationToken.None);
            Console.WriteLine($"{SenGraph.Host.Kernel.Demo.DemoData.Describe(outcome)} {started.Elapsed.TotalSeconds:F1} s.");
        }));
        return command;
    }

    private static Command SchemaExportCommand()
    {
        var output = new Option<string>("--output")
        {
            Description = "File to write, or - for standard output. Default: schema/schema.graphql of the repository.",
            DefaultValueFactory = _ => DefaultSchemaFile(),
        };
        var command = new Command("export", "Write the schema composed from the modules in the plugins folder as SDL.") { output };
        command.SetAction(result => Run(async () =>
        {
            await using var app = BuildApplication(null);
            var snapshot = await app.Services.GetRequiredService<ModuleCatalog>().LoadAllAsync(applyMigrations: false, CancellationToken.None);
            await WriteAsync(result.GetRequiredValue(output), ToSdl(snapshot.Schema));
            foreach (var failed in snapshot.Modules.Where(m => m.Status == ModuleStatus.Failed))
                await Console.Error.WriteLineAsync($"warning: module {failed.Id} skipped: {failed.Error}");
        }));
        return command;
    }

    /// <summary>schema/schema.graphql of the repository around the working directory (`dotnet run` starts in the project folder).</summary>
    private static string DefaultSchemaFile()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SenGraph.sln"))) return Path.Combine(dir.FullName, "schema", "schema.graphql");
        }

        return Path.Combine("schema", "schema.graphql");
    }

    private static Command MigrationsScriptCommand()
    {
        var provider = new Option<DatabaseProvider?>("--provider") { Description = "Sqlite, SqlServer or PostgreSql; default: Database:Provider." };
        var output = new Option<string>("--output") { Description = "File to write, or - for standard output.", DefaultValueFactory = _ => "-" };
        var command = new Command("script", "Print the idempotent SQL script of every module's migrations.") { provider, output };
        command.SetAction(result => Run(async () =>
        {
            var script = await GenerateMigrationScriptAsync(result.GetValue(provider));
            await WriteAsync(result.GetRequiredValue(output), script);
        }));
        return command;
    }

    /// <summary>
    /// The migration scripts of the host's own tables and of every module, for <paramref name="provider"/>,
    /// in the order they are applied. Generating a script does
    /// not connect, so SQL Server and PostgreSQL scripts can be made where no server runs.
    /// </summary>
    public static async Task<string> GenerateMigrationScriptAsync(DatabaseProvider? provider, Action<ConfigurationManager>? configure = null)
    {
        await using var app = BuildApplication(configuration =>
        {
            if (provider is { } p)
            {
                configuration["Database:Provider"] = p.ToString();
                if (p == DatabaseProvider.SqlServer && string.IsNullOrEmpty(configuration.GetConnectionString("SenGraph")))
                    configuration["ConnectionStrings:SenGraph"] = "Server=localhost;Database=SenGraph;Integrated Security=true;TrustServerCertificate=true";
                // The script needs no server: a configured SQLite file name is no PostgreSQL connection string, so stand one in.
                if (p == DatabaseProvider.PostgreSql && !IsPostgreSqlConnectionString(configuration.GetConnectionString("SenGraph")))
                    configuration["ConnectionStrings:SenGraph"] = "Host=localhost;Database=sengraph";
            }

            configure?.Invoke(configuration);
        });
        var snapshot = await app.Services.GetRequiredService<ModuleCatalog>().LoadAllAsync(applyMigrations: false, CancellationToken.None);
        var host = app.Services.GetRequiredService<SenGraph.Host.Kernel.Database.SenDatabase>();
        var hostScript = $"-- Host {nameof(SenGraph.Host.Kernel.Database.SenDbContext)} (applied before every module)\n" +
            host.GenerateMigrationScript().ReplaceLineEndings("\n").Trim() + "\n";
        var parts = snapshot.LoadedModules
            .OrderBy(m => m.Manifest.Id, StringComparer.Ordinal)
            .SelectMany(m => m.Services.GetServices<IModuleDatabase>().Select(db =>
                $"-- Module {m.Manifest.Id} {m.Manifest.Version}: {db.ContextType.Name}\n{db.GenerateMigrationScript().ReplaceLineEndings("\n").Trim()}\n"));
        return string.Join("\n", [hostScript, .. parts]);
    }

    private static bool IsPostgreSqlConnectionString(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        try
        {
            return new Npgsql.NpgsqlConnectionStringBuilder(value).Host is { Length: > 0 };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return false;
        }
    }

    private static WebApplication BuildApplication(Action<ConfigurationManager>? configure)
    {
        var builder = SenGraphApplication.CreateBuilder([]);
        configure?.Invoke(builder.Configuration);
        builder.AddSenGraph();
        return builder.Build();
    }

    private static async Task WriteAsync(string output, string content)
    {
        if (output == "-")
        {
            await Console.Out.WriteAsync(content);
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null) Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(output, content);
        await Console.Error.WriteLineAsync($"wrote {Path.GetFullPath(output)}");
    }

    private static async Task<int> Run(Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }
}
