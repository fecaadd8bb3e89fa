namespace SenGraph.Host.Modules;

/// <summary>Why a newly loaded module cannot join the others before its schema is composed: an id or a policy another module has, or an upgrade that breaks clients without a new major version.</summary>
internal static class ModuleClashes
{
    public static string? Id(LoadedModule module, List<LoadedModule> others) =>
        others.FirstOrDefault(c => c.Manifest.Id == module.Manifest.Id) is { } other
            ? $"Module id '{module.Manifest.Id}' is already used by {Path.GetFileName(other.Path)}."
            : null;

    public static string? Policy(LoadedModule module, List<LoadedModule> others) =>
        others.SelectMany(o => o.Policies.Keys.Select(p => (Policy: p, Owner: o.Manifest.Id)))
            .FirstOrDefault(p => module.Policies.ContainsKey(p.Policy)) is { Policy: not null } clash
            ? $"Policy '{clash.Policy}' is already declared by module '{clash.Owner}'."
            : null;

    public static string? BreakingUpgrade(LoadedModule module, LoadedModule predecessor, IReadOnlyList<SchemaChange> changes) =>
        changes.Any(c => c.Level == SchemaChangeLevel.Breaking) && Major(module.Manifest.Version) <= Major(predecessor.Manifest.Version)
            ? $"Version {module.Manifest.Version} makes breaking schema changes; breaking changes need a new major version " +
              $"(running {predecessor.Manifest.Version})."
            : null;

    private static int Major(string version) => int.Parse(version.AsSpan(0, version.IndexOf('.')), System.Globalization.CultureInfo.InvariantCulture);
}
