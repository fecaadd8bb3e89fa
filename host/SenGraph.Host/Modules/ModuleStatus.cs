namespace SenGraph.Host.Modules;

/// <summary>Where a module stands in the running host.</summary>
public enum ModuleStatus
{
    /// <summary>Loaded and part of the composed schema.</summary>
    Loaded,

    /// <summary>Skipped; the reason is in <see cref="ModuleDescriptor.Error"/>.</summary>
    Failed,
}

/// <summary>What the host knows of one module folder, loaded or not.</summary>
public sealed record ModuleDescriptor(
    string Id,
    string Name,
    string? Version,
    string? ContractsVersion,
    ModuleStatus Status,
    string? Error,
    string Path)
{
    public static ModuleDescriptor Failed(string folderName, string path, string error, Contracts.Modules.ModuleManifest? manifest = null) =>
        new(manifest?.Id ?? folderName, manifest?.DisplayName ?? folderName, manifest?.Version, manifest?.ContractsVersion,
            ModuleStatus.Failed, error, path);
}
