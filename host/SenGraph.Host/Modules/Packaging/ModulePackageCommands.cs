using System.CommandLine;

namespace SenGraph.Host.Modules.Packaging;

/// <summary>
/// <c>modules pack &lt;folder&gt; [--output file.zip]</c> and <c>modules install &lt;file.zip&gt; [--plugins path]</c>.
/// </summary>
public static class ModulePackageCommands
{
    /// <param name="run">The host commands' runner: reports an <see cref="InvalidOperationException"/> as <c>error: …</c>, exit code 1.</param>
    public static Command Create(Func<Func<Task>, Task<int>> run) =>
        new("modules", "Package modules and install packages into the plugins folder.") { PackCommand(run), InstallCommand(run) };

    private static Command PackCommand(Func<Func<Task>, Task<int>> run)
    {
        var folder = new Argument<string>("folder") { Description = "The module's build output folder (bin/<Configuration>/net10.0) or an installed plugins/<Name>/ folder." };
        var output = new Option<string?>("--output") { Description = "The archive to write, or a folder for <id>-<version>.zip. Default: the current directory." };
        var command = new Command("pack", "Write a module's files and a sengraph-module.json manifest (with a SHA-256 per file) into one zip archive.") { folder, output };
        command.SetAction(result => run(async () =>
        {
            var (manifest, archive) = await ModulePackager.PackAsync(
                FromCommandLine(result.GetRequiredValue(folder)), FromCommandLine(result.GetValue(output) ?? "."));
            Console.WriteLine($"packed {manifest.Id} {manifest.Version} ({manifest.EntryAssembly}, {manifest.Files.Count} files) -> {archive}");
        }));
        return command;
    }

    private static Command InstallCommand(Func<Func<Task>, Task<int>> run)
    {
        var archive = new Argument<string>("archive") { Description = "A module package made by `modules pack`." };
        var plugins = new Option<string?>("--plugins") { Description = "The plugins folder to install into. Default: the configured Plugins:Path." };
        var command = new Command("install",
            "Check a module package (manifest, SHA-256 of every file, paths, sizes, contracts version) and move it into the plugins folder as plugins/<Name>/, replacing an installed version.")
        {
            archive, plugins,
        };
        command.SetAction(result => run(() =>
        {
            var target = result.GetValue(plugins) is { } path ? FromCommandLine(path) : ConfiguredPluginsPath();
            var installed = new ModuleInstaller().Install(FromCommandLine(result.GetRequiredValue(archive)), target);
            var replaced = installed.ReplacedVersion is { } version ? $", replacing {version}" : "";
            Console.WriteLine($"installed {installed.Manifest.Id} {installed.Manifest.Version} -> {installed.ModuleFolder}{replaced}");
            return Task.CompletedTask;
        }));
        return command;
    }

    /// <summary>
    /// A path typed on the command line, made absolute. `dotnet run --project host/SenGraph.Host` starts the
    /// host in its project folder, not where the command was typed: there, relative paths are taken from
    /// the repository root, where the README's commands are run.
    /// </summary>
    public static string FromCommandLine(string path)
    {
        if (Path.IsPathRooted(path)) return Path.GetFullPath(path);
        var current = Environment.CurrentDirectory;
        if (File.Exists(Path.Combine(current, "SenGraph.Host.csproj")))
        {
            for (var dir = Directory.GetParent(current); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SenGraph.sln"))) return Path.GetFullPath(Path.Combine(dir.FullName, path));
            }
        }

        return Path.GetFullPath(path);
    }

    /// <summary>Plugins:Path as the host resolves it (relative to the host's folder), from the host's configuration.</summary>
    private static string ConfiguredPluginsPath()
    {
        var options = new PluginOptions();
        SenGraphApplication.CreateBuilder([]).Configuration.GetSection(PluginOptions.Section).Bind(options);
        return options.ResolvedPath;
    }
}
