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

    /// <summary>
    /// Puts a test project's build output in place as plugins/&lt;module&gt;/, the way a deployment should:
    /// assembled in a folder the host ignores, then moved in with one rename (an existing version is
    /// moved out first). <paramref name="module"/> is the assembly name when the project builds a
    /// version of another module.
    /// </summary>
    public PluginsFolder Deploy(string project, string? module = null)
    {
        module ??= project;
        var output = RepoPaths.TestModuleOutput(project);
        if (!File.Exists(System.IO.Path.Combine(output, module + ".dll")))
            throw new InvalidOperationException($"Test module {project} is not built in {output}: build the solution first.");
        var staging = System.IO.Path.Combine(Path, ".staging-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(output, staging);
        Replace(module, staging);
        return this;
    }

    /// <summary>Puts a shipped module's build in place as plugins/&lt;module&gt;/ (as <see cref="Deploy"/> does): a reinstall, or a new build of it.</summary>
    public PluginsFolder DeployShipped(string module)
    {
        var staging = System.IO.Path.Combine(Path, ".staging-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(System.IO.Path.Combine(RepoPaths.ShippedPlugins, module), staging);
        Replace(module, staging);
        return this;
    }

    /// <summary>Replaces plugins/&lt;module&gt;/ with a folder holding a corrupt assembly.</summary>
    public PluginsFolder DeployCorrupt(string module)
    {
        var staging = System.IO.Path.Combine(Path, ".staging-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        File.WriteAllBytes(System.IO.Path.Combine(staging, module + ".dll"), "MZ this is not a .NET assembly"u8.ToArray());
        Replace(module, staging);
        return this;
    }

    /// <summary>Takes plugins/&lt;module&gt;/ away (moved out with one rename, then deleted).</summary>
    public PluginsFolder Remove(string module)
    {
        Replace(module, null);
        return this;
    }

    private void Replace(string module, string? replacement)
    {
        var target = ModuleDirectory(module);
        var retired = System.IO.Path.Combine(Path, ".retired-" + Guid.NewGuid().ToString("N"));
        if (Directory.Exists(target)) Directory.Move(target, retired);
        if (replacement is not null) Directory.Move(replacement, target);
        if (Directory.Exists(retired)) Directory.Delete(retired, recursive: true);
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
