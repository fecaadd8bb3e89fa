namespace SenGraph.Tests.Infrastructure;

/// <summary>A throwaway plugins folder assembled for one test host.</summary>
public sealed class PluginsFolder : IDisposable
{
    public PluginsFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sengraph-tests", Guid.NewGuid().ToString("N"), "plugins");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Copies every module the build put in the host's plugins folder.</summary>
    public PluginsFolder WithShippedModules()
    {
        if (!Directory.Exists(RepoPaths.ShippedPlugins) || Directory.GetDirectories(RepoPaths.ShippedPlugins).Length == 0)
            throw new InvalidOperationException($"No shipped modules in {RepoPaths.ShippedPlugins}: build the solution first.");
        foreach (var module in Directory.GetDirectories(RepoPaths.ShippedPlugins))
            CopyDirectory(module, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(module)));
        return this;
    }

    /// <summary>Copies a test module's build output as plugins/&lt;name&gt;/.</summary>
    public PluginsFolder WithTestModule(string name)
    {
        var output = RepoPaths.TestModuleOutput(name);
        if (!File.Exists(System.IO.Path.Combine(output, name + ".dll")))
            throw new InvalidOperationException($"Test module {name} is not built in {output}: build the solution first.");
        CopyDirectory(output, ModuleDirectory(name));
        return this;
    }

    /// <summary>A module folder whose dll is not an assembly at all.</summary>
    public PluginsFolder WithCorruptModule(string name)
    {
        Directory.CreateDirectory(ModuleDirectory(name));
        File.WriteAllBytes(System.IO.Path.Combine(ModuleDirectory(name), name + ".dll"), "MZ this is not a .NET assembly"u8.ToArray());
        return this;
    }

    public PluginsFolder WithoutFile(string module, string fileName)
    {
        File.Delete(System.IO.Path.Combine(ModuleDirectory(module), fileName));
        return this;
    }

    public string ModuleDirectory(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
        }
        catch (IOException)
        {
            // Loaded plugin files can stay locked until the process ends; the OS temp folder keeps them.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
