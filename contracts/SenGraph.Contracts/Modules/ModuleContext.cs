using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SenGraph.Contracts.Persistence;

namespace SenGraph.Contracts.Modules;

/// <summary>What the host tells a module while it registers its services.</summary>
/// <param name="Manifest">The module's own manifest.</param>
/// <param name="Configuration">The module's configuration section, <c>Modules:&lt;id&gt;</c>.</param>
/// <param name="Database">The database every module stores in.</param>
/// <param name="Environment">The host environment.</param>
public sealed record ModuleContext(
    ModuleManifest Manifest,
    IConfiguration Configuration,
    DatabaseSettings Database,
    IHostEnvironment Environment);
