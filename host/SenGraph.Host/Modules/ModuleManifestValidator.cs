using System.Text.RegularExpressions;
using SenGraph.Contracts;
using SenGraph.Contracts.Modules;

namespace SenGraph.Host.Modules;

/// <summary>Checks what a module declares before the host trusts any of it.</summary>
public static partial class ModuleManifestValidator
{
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    // Semantic Versioning 2.0.0, without build metadata ambiguity.
    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$")]
    private static partial Regex SemVerPattern();

    /// <summary>The contracts version this host implements.</summary>
    public static readonly Version HostContractsVersion = ParseCore(ContractsInfo.Version)!;

    public static void Validate(ModuleManifest? manifest)
    {
        if (manifest is null) throw new ModuleLoadException("The module's Manifest is null.");
        if (string.IsNullOrEmpty(manifest.Id) || manifest.Id.Length > 40 || !IdPattern().IsMatch(manifest.Id))
            throw new ModuleLoadException(
                $"Module id '{manifest.Id}' is invalid: use 1-40 lower-case letters, digits and single dashes, starting with a letter.", manifest);
        if (string.IsNullOrWhiteSpace(manifest.DisplayName) || manifest.DisplayName.Length > 100)
            throw new ModuleLoadException("The module's display name must be 1-100 characters.", manifest);
        if (manifest.Version is null || !SemVerPattern().IsMatch(manifest.Version) || ParseCore(manifest.Version) is null)
            throw new ModuleLoadException($"Module version '{manifest.Version}' is not a semantic version (MAJOR.MINOR.PATCH).", manifest);

        var targeted = manifest.ContractsVersion is not null && SemVerPattern().IsMatch(manifest.ContractsVersion)
            ? ParseCore(manifest.ContractsVersion)
            : null;
        if (targeted is null)
            throw new ModuleLoadException($"Contracts version '{manifest.ContractsVersion}' is not a semantic version.", manifest);
        if (targeted.Major != HostContractsVersion.Major)
            throw new ModuleLoadException(
                $"Built for contracts {manifest.ContractsVersion}; this host supports contracts {HostContractsVersion.Major}.x " +
                $"(up to {ContractsInfo.Version}).", manifest);
        if (targeted.Minor > HostContractsVersion.Minor)
            throw new ModuleLoadException(
                $"Built for contracts {manifest.ContractsVersion}, newer than this host's {ContractsInfo.Version}: upgrade the host.", manifest);
    }

    private static Version? ParseCore(string semver)
    {
        var core = semver.Split('-', '+')[0];
        return Version.TryParse(core, out var v) ? v : null;
    }
}
