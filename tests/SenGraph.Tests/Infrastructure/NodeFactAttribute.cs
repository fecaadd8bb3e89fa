namespace SenGraph.Tests.Infrastructure;

/// <summary>A fact that needs Node.js: skipped, saying why, only where <c>node</c> is not on PATH (CI has it).</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public static readonly string? Node = FindOnPath("node");

    public NodeFactAttribute()
    {
        if (Node is null) Skip = "node is not on PATH; install Node.js 20+ to run the graphql-ws client test.";
    }

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
