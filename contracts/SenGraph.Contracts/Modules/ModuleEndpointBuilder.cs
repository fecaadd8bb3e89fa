using Microsoft.AspNetCore.Http;

namespace SenGraph.Contracts.Modules;

/// <summary>An HTTP GET path a module serves (a page, its script), outside GraphQL.</summary>
/// <param name="Path">The exact path, starting with <c>/</c>, e.g. <c>/dashboards/secure-communities</c>.</param>
/// <param name="Handler">Writes the response; runs in the request (its <c>RequestServices</c> are the host's).</param>
public sealed record ModuleEndpoint(string Path, RequestDelegate Handler);

/// <summary>
/// Collects the HTTP paths a module serves. The host answers them while the module is loaded (a new version's
/// paths replace the old ones; a removed module's paths answer 404). Pages are public like any static file:
/// the data they show comes from the GraphQL API with the viewer's token, under the API's authorization.
/// </summary>
public sealed class ModuleEndpointBuilder(IServiceProvider services)
{
    private readonly List<ModuleEndpoint> _endpoints = [];

    /// <summary>The module's own container, for handlers that need its services.</summary>
    public IServiceProvider Services { get; } = services;

    public IReadOnlyList<ModuleEndpoint> Endpoints => _endpoints;

    /// <summary>Serves GET (and HEAD) requests for exactly <paramref name="path"/> (case-insensitive).</summary>
    public ModuleEndpointBuilder MapGet(string path, RequestDelegate handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Length > 200 || path.Contains("..", StringComparison.Ordinal) || path.EndsWith('/'))
            throw new ArgumentException($"Endpoint path '{path}' must start with '/', not end with '/', and hold no '..'.", nameof(path));
        if (path.StartsWith("/graphql", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/health", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Endpoint path '{path}' is the host's.", nameof(path));
        if (_endpoints.Any(e => string.Equals(e.Path, path, StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"Endpoint '{path}' is declared twice.");
        _endpoints.Add(new ModuleEndpoint(path, handler));
        return this;
    }
}
