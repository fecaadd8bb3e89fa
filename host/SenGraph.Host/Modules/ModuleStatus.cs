using SenGraph.Contracts.Modules;

namespace SenGraph.Host.Modules;

/// <summary>Where a module stands in the running host.</summary>
public enum ModuleStatus
{
    /// <summary>Loaded and part of the composed schema.</summary>
    Loaded,

    /// <summary>Skipped; the reason is in <see cref="ModuleDescriptor.Error"/>.</summary>
    Failed,

    /// <summary>Switched off by an administrator; not in the schema.</summary>
    Disabled,
}

/// <summary>The last time a module folder changed: an upgrade applied, or refused.</summary>
public sealed record ModuleChange(
    string? FromVersion,
    string ToVersion,
    DateTimeOffset At,
    bool Applied,
    string? Reason,
    IReadOnlyList<SchemaChange> SchemaChanges);

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
    public DateTimeOffset? LoadedAt { get; init; }
    public ModuleContribution Contribution { get; init; } = ModuleContribution.Empty;
    public ModuleChange? LastChange { get; init; }

    /// <summary>The report types the running version serves, with what they declare for clients (retention).</summary>
    public IReadOnlyList<ModuleReportType> ReportTypes { get; init; } = [];

    /// <summary>Older versions of this module still held in memory (see <see cref="PluginOptions.RestartRecommendedAfter"/>).</summary>
    public int RetainedVersions { get; init; }

    public bool RestartRecommended { get; init; }

    public static ModuleDescriptor Failed(string folderName, string path, string error, ModuleManifest? manifest = null) =>
        new(manifest?.Id ?? folderName, manifest?.DisplayName ?? folderName, manifest?.Version, manifest?.ContractsVersion,
            ModuleStatus.Failed, error, path);

    public static ModuleDescriptor Disabled(LoadedModule module) =>
        new(module.Manifest.Id, module.Manifest.DisplayName, module.Manifest.Version, module.Manifest.ContractsVersion,
            ModuleStatus.Disabled, null, module.Path);
}

/// <summary>A report type a module serves, as <c>Module.reportTypes</c> shows it.</summary>
public sealed record ModuleReportType(string Code, string Name, SenGraph.Contracts.Reports.Workflow.RetentionSchedule Retention);
