namespace SenGraph.TestModules.MissingDependency.Library;

/// <summary>A service that lives only in the private dependency assembly.</summary>
public sealed class MissingDependencyMessages
{
    public string Message => "The private dependency of missing-dependency is present.";
}
