namespace SenGraph.Host.Modules.Packaging;

/// <summary>
/// What a module package may hold. Checked when packing (so a package the host makes is one it
/// accepts) and when installing, against the bytes actually decompressed, never the sizes an
/// archive claims.
/// </summary>
public sealed record ModulePackageLimits
{
    public static readonly ModulePackageLimits Default = new();

    /// <summary>Size of the archive file itself.</summary>
    public long MaxArchiveBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Files in a module, the manifest not counted.</summary>
    public int MaxFiles { get; init; } = 2_000;

    /// <summary>Uncompressed size of one file.</summary>
    public long MaxFileBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Uncompressed size of all files together.</summary>
    public long MaxTotalBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Size of <c>sengraph-module.json</c>.</summary>
    public int MaxManifestBytes { get; init; } = 1024 * 1024;

    /// <summary>Length of a file's path inside the module folder.</summary>
    public int MaxPathLength { get; init; } = 240;
}
