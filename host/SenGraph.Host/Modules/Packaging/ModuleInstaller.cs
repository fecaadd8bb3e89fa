using System.IO.Compression;
using System.Security.Cryptography;

namespace SenGraph.Host.Modules.Packaging;

/// <summary>What <c>modules install</c> did.</summary>
/// <param name="Manifest">The installed package's manifest.</param>
/// <param name="ModuleFolder">Where the module now is: <c>plugins/&lt;EntryAssembly&gt;/</c>.</param>
/// <param name="ReplacedVersion">The version of the module folder it replaced ("unknown" without a manifest), or null.</param>
public sealed record ModuleInstallResult(ModulePackageManifest Manifest, string ModuleFolder, string? ReplacedVersion);

/// <summary>
/// <c>modules install</c>: checks a module package completely before the plugins folder is touched,
/// unpacks it beside the plugins folder, and moves it in with directory renames, so a host watching the
/// plugins folder sees a module folder appear (or be replaced) whole, never half written.
/// </summary>
/// <remarks>
/// Refused, with the plugins folder unchanged: an archive that is not a zip or is too large; entries
/// with absolute paths, '..', backslashes, links, or duplicate names; a missing, malformed or
/// unacceptable manifest (<see cref="ModulePackageManifest.Validate"/>); a file not listed in the
/// manifest, a listed file missing, or a file whose size or SHA-256 differs; a module id already
/// installed under another folder. The hashes prove the archive is what its manifest says, not who
/// made it: install only packages from a source you trust.
/// </remarks>
public sealed class ModuleInstaller(ModulePackageLimits? limits = null)
{
    /// <summary>Prefix of the working folders created beside the plugins folder (never inside it).</summary>
    public const string StagingPrefix = ".sengraph-install-";

    private readonly ModulePackageLimits limits = limits ?? ModulePackageLimits.Default;

    public ModuleInstallResult Install(string archivePath, string pluginsPath)
    {
        var archive = Path.GetFullPath(archivePath);
        var plugins = Path.TrimEndingDirectorySeparator(Path.GetFullPath(pluginsPath));
        var parent = Path.GetDirectoryName(plugins) ?? throw new ModulePackageException($"The plugins folder {plugins} has no parent folder.");
        if (!File.Exists(archive)) throw new ModulePackageException($"{archive} does not exist.");
        if (new FileInfo(archive).Length > limits.MaxArchiveBytes)
            throw new ModulePackageException($"{archive} is larger than {limits.MaxArchiveBytes} bytes.");
        if (File.Exists(plugins)) throw new ModulePackageException($"The plugins folder {plugins} is a file.");

        using var zip = Open(archive);
        var (manifestEntry, files) = ReadEntries(zip);
        var manifestBytes = ReadBounded(manifestEntry, limits.MaxManifestBytes, ModulePackageManifest.FileName);
        var manifest = ModulePackageManifest.Parse(manifestBytes, limits);
        CheckFileList(manifest, files);

        var target = Path.Combine(plugins, manifest.EntryAssembly);
        if (File.Exists(target)) throw new ModulePackageException($"{target} is a file, not a module folder.");
        CheckIdNotInstalledElsewhere(manifest, plugins, target);

        Directory.CreateDirectory(parent);
        using var installLock = AcquireLock(parent);
        var staging = Path.Combine(parent, StagingPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            var staged = Path.Combine(staging, manifest.EntryAssembly);
            Directory.CreateDirectory(staged);
            foreach (var file in manifest.Files) Extract(files[file.Path], file, staged);
            WriteDurably(Path.Combine(staged, ModulePackageManifest.FileName), manifestBytes);

            var replacedVersion = Directory.Exists(target) ? InstalledVersion(target) : null;
            MoveIntoPlace(staged, target, Path.Combine(staging, "previous"), plugins);
            return new ModuleInstallResult(manifest, target, replacedVersion);
        }
        finally
        {
            ModulePackager.TryDelete(staging);
        }
    }

    private static ZipArchive Open(string archive)
    {
        try
        {
            return ZipFile.OpenRead(archive);
        }
        catch (InvalidDataException e)
        {
            throw new ModulePackageException($"{archive} is not a zip archive: {e.Message}", e);
        }
    }

    /// <summary>The manifest entry and every file entry by path; directory entries are checked and skipped.</summary>
    private (ZipArchiveEntry Manifest, Dictionary<string, ZipArchiveEntry> Files) ReadEntries(ZipArchive zip)
    {
        if (zip.Entries.Count > limits.MaxFiles * 2 + 1)
            throw new ModulePackageException($"The archive has {zip.Entries.Count} entries; a module may have at most {limits.MaxFiles} files.");
        ZipArchiveEntry? manifest = null;
        var files = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            var isDirectory = entry.FullName.EndsWith('/');
            var path = isDirectory ? entry.FullName[..^1] : entry.FullName;
            if (ModulePackagePath.Problem(path, limits.MaxPathLength) is { } problem)
                throw new ModulePackageException($"The archive entry '{entry.FullName}' has {problem}: refused.");
            if (!names.Add(entry.FullName))
                throw new ModulePackageException($"The archive holds '{entry.FullName}' twice (names are compared ignoring case).");
            var unixType = (entry.ExternalAttributes >> 16) & 0xF000;
            if (unixType is not 0 and not 0x8000 and not 0x4000)
                throw new ModulePackageException($"The archive entry '{entry.FullName}' is a link or special file, not a regular file.");
            if (isDirectory)
            {
                if (entry.Length != 0) throw new ModulePackageException($"The directory entry '{entry.FullName}' has content.");
                continue;
            }

            if (path == ModulePackageManifest.FileName) manifest = entry;
            else files.Add(path, entry);
        }

        return (manifest ?? throw new ModulePackageException($"The archive has no {ModulePackageManifest.FileName} at its root: it is not a module package."), files);
    }

    private static void CheckFileList(ModulePackageManifest manifest, Dictionary<string, ZipArchiveEntry> files)
    {
        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var unlisted = files.Keys.Where(p => !listed.Contains(p)).Order(StringComparer.Ordinal).ToList();
        if (unlisted.Count > 0)
            throw new ModulePackageException($"The archive holds files its manifest does not list: {string.Join(", ", unlisted)}.");
        var missing = listed.Where(p => !files.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new ModulePackageException($"Files listed in the manifest are missing from the archive: {string.Join(", ", missing)}.");
    }

    /// <summary>Two folders declaring one module id: the host would skip one of them. Folders without a manifest are not checked.</summary>
    private static void CheckIdNotInstalledElsewhere(ModulePackageManifest manifest, string plugins, string target)
    {
        if (!Directory.Exists(plugins)) return;
        foreach (var folder in Directory.GetDirectories(plugins))
        {
            if (string.Equals(folder, target, StringComparison.Ordinal)) continue;
            if (ReadInstalledManifest(folder) is { } other && other.Id == manifest.Id)
                throw new ModulePackageException(
                    $"Module '{manifest.Id}' is already installed as {folder} ({other.EntryAssembly} {other.Version}); remove that folder first.");
        }
    }

    private static ModulePackageManifest? ReadInstalledManifest(string folder)
    {
        var file = Path.Combine(folder, ModulePackageManifest.FileName);
        try
        {
            return File.Exists(file) ? ModulePackageManifest.Parse(File.ReadAllBytes(file), ModulePackageLimits.Default) : null;
        }
        catch (Exception e) when (e is ModulePackageException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string InstalledVersion(string folder) => ReadInstalledManifest(folder)?.Version ?? "unknown";

    /// <summary>Writes the entry, counting and hashing the bytes actually decompressed, and refuses any difference from the manifest.</summary>
    private void Extract(ZipArchiveEntry entry, ModulePackageFile file, string folder)
    {
        var destination = ModulePackagePath.Combine(folder, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long written = 0;
        using (var input = entry.Open())
        using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = ReadOrRefuse(input, buffer, file.Path)) > 0)
            {
                written += read;
                if (written > file.Size)
                    throw new ModulePackageException($"'{file.Path}' is larger than the {file.Size} bytes its manifest lists: the archive was altered.");
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
            }

            output.Flush(flushToDisk: true);
        }

        if (written != file.Size)
            throw new ModulePackageException($"'{file.Path}' has {written} bytes, not the {file.Size} its manifest lists: the archive was altered.");
        if (Convert.ToHexStringLower(hash.GetHashAndReset()) != file.Sha256)
            throw new ModulePackageException($"The SHA-256 of '{file.Path}' does not match its manifest: the archive was altered.");
    }

    private static int ReadOrRefuse(Stream input, byte[] buffer, string path)
    {
        try
        {
            return input.Read(buffer, 0, buffer.Length);
        }
        catch (InvalidDataException e)
        {
            throw new ModulePackageException($"'{path}' cannot be decompressed: {e.Message}", e);
        }
    }

    private static byte[] ReadBounded(ZipArchiveEntry entry, int maxBytes, string name)
    {
        using var input = entry.Open();
        using var memory = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = ReadOrRefuse(input, buffer, name)) > 0)
        {
            if (memory.Length + read > maxBytes) throw new ModulePackageException($"{name} is larger than {maxBytes} bytes.");
            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }

    private static void WriteDurably(string path, byte[] content)
    {
        using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        output.Write(content);
        output.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Directory renames within one file system: the old folder (if any) is renamed out of the plugins
    /// folder, the new one renamed in; if that fails the old one is put back. A watcher sees the module
    /// folder disappear and reappear whole, never a partly written one.
    /// </summary>
    private static void MoveIntoPlace(string staged, string target, string previous, string plugins)
    {
        Directory.CreateDirectory(plugins);
        var hadPrevious = Directory.Exists(target);
        try
        {
            if (hadPrevious) Directory.Move(target, previous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModulePackageException($"Cannot move the installed {target} aside (is a file in it open?): {e.Message}", e);
        }

        try
        {
            Directory.Move(staged, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (hadPrevious && !Directory.Exists(target)) Directory.Move(previous, target);
            throw new ModulePackageException($"Cannot move the new module into {target}: {e.Message}", e);
        }
    }

    /// <summary>One install at a time per plugins parent folder (other processes included).</summary>
    private static FileStream AcquireLock(string parent)
    {
        try
        {
            return new FileStream(Path.Combine(parent, ".sengraph-install.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite,
                FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new ModulePackageException($"Another module install is running beside {parent}; try again when it has finished.", e);
        }
    }
}
