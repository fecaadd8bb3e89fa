namespace SenGraph.Contracts.Modules;

/// <summary>What a module role takes part in beyond the module's own policies (Orchard Core's permission stereotypes).</summary>
[Flags]
public enum HostGrant
{
    /// <summary>Nothing beyond the module's policies.</summary>
    None = 0,

    /// <summary>May use root fields that are not statistical (the host's records policy); without it the role reaches nothing.</summary>
    Records = 1,

    /// <summary>Needs to know the people: may select fields marked PII.</summary>
    PiiNeedToKnow = 2,

    /// <summary>May run the PII-free statistical queries.</summary>
    Statistics = 4,
}

/// <summary>A role a module adds to the directory, assignable to users by administrators.</summary>
/// <param name="Name">As tokens and the directory spell it, e.g. <c>LESC Staff</c>; unique across the host and its modules.</param>
/// <param name="Description">Who holds it and what it is for, shown to administrators.</param>
/// <param name="Grants">The host policies the role joins.</param>
public sealed record ModuleRole(string Name, string Description, HostGrant Grants);

/// <summary>Collects the roles a module adds. Its policies then name them like any directory role.</summary>
public sealed class ModuleRoleBuilder
{
    /// <summary>The longest role name a directory stores.</summary>
    public const int NameMaxLength = 64;

    private readonly List<ModuleRole> _roles = [];

    public IReadOnlyList<ModuleRole> Roles => _roles;

    /// <summary>Adds a role; <paramref name="grants"/> says which host policies it joins (usually at least <see cref="HostGrant.Records"/>).</summary>
    public ModuleRoleBuilder Add(string name, string description, HostGrant grants = HostGrant.Records)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (name != name.Trim() || name.Length > NameMaxLength)
            throw new ArgumentException($"Role name '{name}' must be trimmed and at most {NameMaxLength} characters.", nameof(name));
        if (_roles.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"Role '{name}' is declared twice.");
        _roles.Add(new ModuleRole(name, description, grants));
        return this;
    }
}
