using SenGraph.Contracts.Modules;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Cli;

/// <summary>
/// Command line verbs contributed by modules (<see cref="ISenGraphModule.ConfigureCommands"/>), e.g. <c>sc import</c>:
/// anything on the command line whose first word is a bare word (not an option, not a <c>key=value</c>) and not one of
/// the host's own commands. Prepares the database as the serving host does (the host's tables, then every module's
/// migrations), then runs the verb in its module's container.
/// </summary>
public static class ModuleCommandLine
{
    public static bool IsModuleVerb(string[] args) =>
        args.Length > 0 && args[0].Length > 0 && args[0][0] != '-' && !args[0].Contains('=') && !args[0].Contains('/');

    /// <param name="environmentName">The host environment (default: ASPNETCORE_ENVIRONMENT's, as the server's).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, Action<ConfigurationManager>? configure = null,
        string? environmentName = null, CancellationToken cancellationToken = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var builder = SenGraphApplication.CreateBuilder(environmentName is null ? [] : ["--environment", environmentName]);
        configure?.Invoke(builder.Configuration);
        builder.AddSenGraph();
        await using var app = builder.Build();
        await app.Services.GetRequiredService<SenDatabaseStartup>().StartAsync(cancellationToken);
        var snapshot = await app.Services.GetRequiredService<ModuleCatalog>().LoadAllAsync(applyMigrations: true, cancellationToken);
        try
        {
            var matches = snapshot.LoadedModules.SelectMany(m => m.Commands.Select(c => (Module: m, Command: c)))
                .Where(x => x.Command.Verb == args[0]).ToList();
            if (matches.Count != 1)
            {
                await error.WriteLineAsync(matches.Count == 0
                    ? $"error: unknown command '{args[0]}'. Host commands: token, schema, migrations, modules, seed. Module commands: "
                      + (snapshot.LoadedModules.SelectMany(m => m.Commands).Select(c => $"{c.Verb} ({c.Description})").DefaultIfEmpty("none").Aggregate((a, b) => a + "; " + b))
                    : $"error: command '{args[0]}' is declared by several modules ({string.Join(", ", matches.Select(m => m.Module.Manifest.Id))}).");
                return 1;
            }

            var (module, command) = matches[0];
            return await command.Run(new ModuleCommandContext(args[1..], module.Services, output, error), cancellationToken);
        }
        finally
        {
            foreach (var module in snapshot.LoadedModules) await module.DisposeAsync();
        }
    }
}
