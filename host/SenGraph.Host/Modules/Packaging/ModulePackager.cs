using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Persistence;

namespace SenGraph.Host.Modules.Packaging;

/// <summary>
/// <c>modules pack</c>: turns a module's build output folder into one zip archive holding the files
/// and <c>sengraph-module.json</c>. The manifest is what the module declares when the host's own
/// <see cref="ModuleLoader"/> loads it, so a module that would not load is not packed.
/// </summary>
public static class ModulePackager
{
    /// <summary>Entries are stamped with one fixed time, so packing the same files twice gives the same archive.</summary>
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Packs <paramref name="moduleFolder"/> (a build output folder such as <c>bin/Debug/net10.0</c>, or
    /// an installed <c>plugins/&lt;Name&gt;/</c>) into <paramref name="outputFile"/>: a file, or an existing
    /// folder for <c>&lt;id&gt;-&lt;version&gt;.zip</c> (default: the current directory).
    /// </summary>
    public static async Task<(ModulePackageManifest Manifest, string Archive)> PackAsync(
        string moduleFolder, string? outputFile = null, ModulePackageLimits? limits = null)
    {
        limits ??= ModulePackageLimits.Default;
        var source = Path.GetFullPath(moduleFolder);
        if (!Directory.Exists(source)) throw new ModulePackageException($"{source} is not a folder.");
        var entryAssembly = FindEntryAssembly(source);

        // Pack exactly what was loaded: a copy named the way the host's loader wants it (<Name>/<Name>.dll),
        // so a rebuild during packing cannot slip other files into the archive.
        var staging = Path.Combine(Path.GetTempPath(), "sengraph-pack-" + Guid.NewGuid().ToString("N"));
        var stagedModule = Path.Combine(staging, entryAssembly);
        try
        {
            var files = CopyModule(source, stagedModule, limits);
            var declared = await ReadManifestAsync(stagedModule);
            var manifest = new ModulePackageManifest
            {
                Format = ModulePackageManifest.CurrentFormat,
                Id = declared.Id,
                Name = declared.DisplayName,
                Version = declared.Version,
                ContractsVersion = declared.ContractsVersion,
                EntryAssembly = entryAssembly,
                Files = files.Select(f => Describe(stagedModule, f)).ToList(),
            };
            manifest.Validate(limits);

            var defaultName = $"{manifest.Id}-{manifest.Version}.zip";
            var archive = Path.GetFullPath(outputFile is null ? defaultName
                : Directory.Exists(outputFile) ? Path.Combine(outputFile, defaultName) : outputFile);
            WriteArchive(archive, stagedModule, manifest);
            return (manifest, archive);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    /// <summary>
    /// The manifest a module folder (<c>&lt;Name&gt;/&lt;Name&gt;.dll</c>) declares, read by loading it with
    /// the host's <see cref="ModuleLoader"/> (its own load context, released afterwards) and checked by
    /// <see cref="ModuleManifestValidator"/>. The module's services are registered but nothing runs:
    /// no database is opened.
    /// </summary>
    public static async Task<ModuleManifest> ReadManifestAsync(string moduleFolder)
    {
        var environment = new HostingEnvironment
        {
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(ModulePackager).Assembly.GetName().Name!,
            ContentRootPath = AppContext.BaseDirectory,
        };
        var loader = new ModuleLoader(new ConfigurationBuilder().Build(), environment,
            new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:"), new SenGraph.Contracts.Auditing.AuditCommits(), NullLoggerFactory.Instance, TimeProvider.System,
            new NoModuleEvents(), new SenGraph.Host.Events.LiveEventBus(NullLogger<SenGraph.Host.Events.LiveEventBus>.Instance), Microsoft.Extensions.Options.Options.Create(new PluginOptions()));
        try
        {
            await using var module = loader.Load(moduleFolder);
            return module.Manifest;
        }
        catch (ModuleLoadException e)
        {
            throw new ModulePackageException($"The module in {moduleFolder} does not load, so it is not packed: {e.Message}", e);
        }
    }

    /// <summary>
    /// The module's assembly name: the folder's own name when <c>&lt;folder&gt;.dll</c> is there
    /// (a plugins folder), otherwise the one assembly with a <c>.deps.json</c> (a build output folder).
    /// </summary>
    private static string FindEntryAssembly(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        if (File.Exists(Path.Combine(folder, name + ".dll"))) return name;
        var candidates = Directory.GetFiles(folder, "*.deps.json")
            .Select(f => Path.GetFileName(f)[..^".deps.json".Length])
            .Where(n => File.Exists(Path.Combine(folder, n + ".dll")))
            .ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new ModulePackageException(
                $"{folder} holds no module: expected {name}.dll, or a build output folder with one <Name>.dll and <Name>.deps.json."),
            _ => throw new ModulePackageException(
                $"{folder} holds several assemblies with a .deps.json ({string.Join(", ", candidates)}): pack a module's own build output folder."),
        };
    }

    /// <summary>Copies every file except a previous manifest; returns the relative '/'-separated paths, sorted.</summary>
    private static List<string> CopyModule(string source, string target, ModulePackageLimits limits)
    {
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == ModulePackageManifest.FileName) continue; // packing an installed module: the manifest is rewritten
            if (ModulePackagePath.Problem(relative, limits.MaxPathLength) is { } problem)
                throw new ModulePackageException($"'{relative}' cannot be packed: it has {problem}.");
            var destination = ModulePackagePath.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            files.Add(relative);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static ModulePackageFile Describe(string folder, string relative)
    {
        using var stream = File.OpenRead(ModulePackagePath.Combine(folder, relative));
        var hash = SHA256.HashData(stream);
        return new ModulePackageFile(relative, stream.Length, Convert.ToHexStringLower(hash));
    }

    /// <summary>Writes next to the target and moves it in, so a half-written archive is never left under the target name.</summary>
    private static void WriteArchive(string archive, string folder, ModulePackageManifest manifest)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
        var temporary = archive + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                var manifestEntry = zip.CreateEntry(ModulePackageManifest.FileName, CompressionLevel.Optimal);
                manifestEntry.LastWriteTime = EntryTime;
                using (var output = manifestEntry.Open()) output.Write(manifest.ToJson());
                foreach (var file in manifest.Files)
                {
                    var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                    entry.LastWriteTime = EntryTime;
                    using var input = File.OpenRead(ModulePackagePath.Combine(folder, file.Path));
                    using var output = entry.Open();
                    input.CopyTo(output);
                }
            }

            File.Move(temporary, archive, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    internal static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A loaded assembly can stay locked until the process ends (Windows); the temp folder keeps it.
        }
    }
}
