using SenGraph.Contracts.Modules;

namespace SenGraph.Host.Modules;

/// <summary>A module could not be loaded; the message says why, for the log and the <c>modules</c> query.</summary>
public sealed class ModuleLoadException(string message, ModuleManifest? manifest = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The manifest, when the module got far enough to declare one.</summary>
    public ModuleManifest? Manifest { get; } = manifest;
}
