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
    string ContractsVersion = ContractsInfo.Version);
