using System.Reflection;

namespace SenGraph.Contracts.Modules;

/// <summary>What a module declares about itself.</summary>
/// <param name="Id">Stable, unique identifier: lower-case letters, digits and dashes (e.g. <c>sir</c>).</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Version">Semantic version of the module (e.g. <c>1.2.0</c>).</param>
/// <param name="ContractsVersion">
/// The contracts version the module targets. Leave it out: the default is compiled in from the
/// contracts the module was built against.
/// </param>
public sealed record ModuleManifest(
    string Id,
    string DisplayName,
    string Version,
    string ContractsVersion = ContractsInfo.Version)
{
    /// <summary>
    /// The manifest of <typeparamref name="TModule"/> with the version of its own assembly (the project's
    /// <c>&lt;Version&gt;</c>), so a module's version is written once, in its project file.
    /// </summary>
    public static ModuleManifest Of<TModule>(string id, string displayName)
        where TModule : ISenGraphModule => new(id, displayName, VersionOf(typeof(TModule).Assembly));

    /// <summary><paramref name="assembly"/>'s informational version without its source revision (<c>2.1.0+abc123</c> → <c>2.1.0</c>).</summary>
    public static string VersionOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational)) return informational.Split('+')[0];
        return assembly.GetName().Version?.ToString(3) ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no version.");
    }
}
