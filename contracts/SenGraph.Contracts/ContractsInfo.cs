namespace SenGraph.Contracts;

/// <summary>The version of the plugin contracts.</summary>
public static class ContractsInfo
{
    /// <summary>
    /// The contracts version. A <c>const</c> on purpose: it is compiled into every module that uses it
    /// (for instance as the default of <see cref="Modules.ModuleManifest"/>), so a module carries the
    /// version it was built against, not the one the host happens to run.
    /// Keep equal to the project's &lt;Version&gt; (a test checks it).
    /// </summary>
    public const string Version = "1.7.0";
}
