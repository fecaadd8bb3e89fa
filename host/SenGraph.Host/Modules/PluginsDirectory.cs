using Microsoft.Extensions.Options;

namespace SenGraph.Host.Modules;

/// <summary>The plugins folder (<see cref="PluginOptions.Path"/>): its module folders, and the modules an administrator disabled.</summary>
internal sealed class PluginsDirectory(IOptions<PluginOptions> options, ILogger logger)
{
    /// <summary>Module folders in ordinal order; names starting with '.' or '_' are ignored.</summary>
    public IEnumerable<string> ModuleFolders()
    {
        var folder = options.Value.ResolvedPath;
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("The plugins folder {PluginsPath} does not exist. Build the solution, or set Plugins:Path.", folder);
            return [];
        }

        return Directory.GetDirectories(folder)
            .Where(d => Path.GetFileName(d) is var name && !name.StartsWith('.') && !name.StartsWith('_'))
            .Order(StringComparer.Ordinal);
    }

    public HashSet<string> ReadDisabled()
    {
        var file = options.Value.DisabledModulesFile;
        return File.Exists(file)
            ? File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }

    /// <summary>Adds <paramref name="id"/> to the disabled modules or removes it (written atomically; survives restarts).</summary>
    public async Task SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken)
    {
        var ids = ReadDisabled();
        if (disabled ? ids.Add(id) : ids.Remove(id))
        {
            var file = options.Value.DisabledModulesFile;
            await File.WriteAllLinesAsync(file + ".tmp", ids.Order(StringComparer.Ordinal), cancellationToken);
            File.Move(file + ".tmp", file, overwrite: true);
        }
    }
}
