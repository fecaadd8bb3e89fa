namespace SenGraph.Tests.Infrastructure;

/// <summary>Where the built pieces live, found from the test assembly's own location.</summary>
public static class RepoPaths
{
    public static readonly string Root = FindRoot();

    /// <summary>Debug or Release: whatever this test assembly was built as (bin/&lt;Configuration&gt;/&lt;tfm&gt;/).</summary>
    public static readonly string Configuration =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string HostOutput => Path.Combine(Root, "host", "SenGraph.Host", "bin", Configuration, "net10.0");

    /// <summary>The plugins folder the build fills with the shipped modules.</summary>
    public static string ShippedPlugins => Path.Combine(HostOutput, "plugins");

    public static string TestModuleOutput(string name) =>
        Path.Combine(Root, "tests", "TestModules", name, "bin", Configuration, "net10.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SenGraph.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("SenGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
