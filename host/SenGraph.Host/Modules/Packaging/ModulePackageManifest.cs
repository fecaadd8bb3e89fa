using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SenGraph.Contracts.Modules;

namespace SenGraph.Host.Modules.Packaging;

/// <summary>
/// <c>sengraph-module.json</c>: what a module package holds. Written at the archive's root by
/// <c>modules pack</c> and kept in the installed module folder by <c>modules install</c>.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "format": 1,
///   "id": "sir", "name": "Significant Incident Report", "version": "1.0.0", "contractsVersion": "1.0.0",
///   "entryAssembly": "SenGraph.Modules.Sir",
///   "files": [ { "path": "SenGraph.Modules.Sir.dll", "size": 66048, "sha256": "…64 lower-case hex digits…" } ]
/// }
/// </code>
/// The module installs as <c>plugins/&lt;entryAssembly&gt;/</c>; <c>files</c> lists every file of the
/// archive except the manifest itself, paths relative to the module folder with '/' separators.
/// </remarks>
public sealed partial record ModulePackageManifest
{
    public const string FileName = "sengraph-module.json";
    public const int CurrentFormat = 1;

    public required int Format { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Version { get; init; }
    public required string ContractsVersion { get; init; }

    /// <summary>The module's assembly name: the package installs as <c>plugins/&lt;EntryAssembly&gt;/&lt;EntryAssembly&gt;.dll</c>.</summary>
    public required string EntryAssembly { get; init; }

    public required IReadOnlyList<ModulePackageFile> Files { get; init; }

    [JsonIgnore]
    public string EntryFile => EntryAssembly + ".dll";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
        MaxDepth = 8,
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex AssemblyNamePattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();

    public ModuleManifest ToModuleManifest() => new(Id, Name, Version, ContractsVersion);

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Parses and validates a manifest; every problem is a <see cref="ModulePackageException"/>.</summary>
    public static ModulePackageManifest Parse(ReadOnlySpan<byte> json, ModulePackageLimits limits)
    {
        ModulePackageManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModulePackageManifest>(json, Json);
        }
        catch (JsonException e)
        {
            throw new ModulePackageException($"{FileName} is not a valid manifest: {e.Message}", e);
        }

        if (manifest is null) throw new ModulePackageException($"{FileName} is not a valid manifest: it is null.");
        manifest.Validate(limits);
        return manifest;
    }

    /// <summary>
    /// Checks the manifest on its own: format, what the module declares (the host's own
    /// <see cref="ModuleManifestValidator"/>), the entry assembly and the file list.
    /// </summary>
    public void Validate(ModulePackageLimits limits)
    {
        if (Format != CurrentFormat)
            throw Invalid($"format {Format} is not supported (this host reads format {CurrentFormat}).");
        try
        {
            ModuleManifestValidator.Validate(ToModuleManifest());
        }
        catch (ModuleLoadException e)
        {
            throw Invalid(e.Message);
        }

        if (EntryAssembly is null || EntryAssembly.Length > 200 || !AssemblyNamePattern().IsMatch(EntryAssembly))
            throw Invalid($"entryAssembly '{EntryAssembly}' is not an assembly name.");
        if (Files is null || Files.Count == 0) throw Invalid("it lists no files.");
        if (Files.Count > limits.MaxFiles) throw Invalid($"it lists {Files.Count} files; a module may have at most {limits.MaxFiles}.");

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var file in Files)
        {
            if (file is null) throw Invalid("a files entry is null.");
            if (ModulePackagePath.Problem(file.Path, limits.MaxPathLength) is { } problem)
                throw Invalid($"file '{file.Path}' has {problem}.");
            if (string.Equals(file.Path, FileName, StringComparison.OrdinalIgnoreCase))
                throw Invalid($"it lists {FileName} itself.");
            if (!seen.Add(file.Path)) throw Invalid($"file '{file.Path}' is listed twice (paths are compared ignoring case).");
            if (file.Sha256 is null || !Sha256Pattern().IsMatch(file.Sha256)) throw Invalid($"file '{file.Path}' has no SHA-256 of 64 lower-case hex digits.");
            if (file.Size < 0 || file.Size > limits.MaxFileBytes)
                throw Invalid($"file '{file.Path}' has size {file.Size}; a file may have at most {limits.MaxFileBytes} bytes.");
            total += file.Size;
        }

        if (total > limits.MaxTotalBytes) throw Invalid($"its files total {total} bytes; a module may have at most {limits.MaxTotalBytes}.");
        if (!Files.Any(f => f.Path == EntryFile)) throw Invalid($"the entry assembly {EntryFile} is not among its files.");
    }

    private static ModulePackageException Invalid(string reason) => new($"{FileName} is not acceptable: {reason}");
}

/// <summary>One file of a module package.</summary>
/// <param name="Path">Relative to the module folder, '/'-separated.</param>
/// <param name="Size">Bytes, uncompressed.</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hex.</param>
public sealed record ModulePackageFile(string Path, long Size, string Sha256);
