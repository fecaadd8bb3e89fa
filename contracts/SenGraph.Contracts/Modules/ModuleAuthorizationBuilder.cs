using Microsoft.AspNetCore.Authorization;

namespace SenGraph.Contracts.Modules;

/// <summary>Collects the authorization policies a module contributes.</summary>
public sealed class ModuleAuthorizationBuilder
{
    private readonly Dictionary<string, AuthorizationPolicy> _policies = new(StringComparer.Ordinal);

    /// <summary>The policies added so far, by name.</summary>
    public IReadOnlyDictionary<string, AuthorizationPolicy> Policies => _policies;

    /// <summary>Adds a named policy. Names are global: prefix them with the module id (<c>sir.author</c>).</summary>
    public ModuleAuthorizationBuilder AddPolicy(string name, Action<AuthorizationPolicyBuilder> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        if (_policies.ContainsKey(name))
            throw new InvalidOperationException($"Policy '{name}' is declared twice.");
        var builder = new AuthorizationPolicyBuilder();
        configure(builder);
        _policies[name] = builder.Build();
        return this;
    }
}
