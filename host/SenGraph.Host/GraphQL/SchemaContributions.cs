using GraphQL.Types;
using SenGraph.Host.Modules;

namespace SenGraph.Host.GraphQL;

/// <summary>
/// One host feature's part of every schema the composer builds, besides its root fields (<see cref="HostRootFields"/>):
/// types composed from the loaded modules' declarations, and directives, visitors or types no field names. Registered by
/// the feature's own <c>AddX</c> through <see cref="SchemaContributionServiceCollectionExtensions.AddSchemaContribution{T}"/>;
/// the composer asks every one of them and knows no feature.
/// </summary>
public interface ISchemaContribution
{
    /// <summary>
    /// Graph types built anew for one schema from <paramref name="modules"/>' declarations: a field that names one's CLR
    /// type gets this instance (an enum whose values the host and the modules declare together).
    /// </summary>
    IEnumerable<IGraphType> ComposedTypes(IReadOnlyList<LoadedModule> modules) => [];

    /// <summary>Adds to <paramref name="schema"/> before it is initialized, and before the modules' own additional types.</summary>
    void Apply(ISchema schema, IReadOnlyList<LoadedModule> modules)
    {
    }
}

public static class SchemaContributionServiceCollectionExtensions
{
    /// <summary>Adds <typeparamref name="TContribution"/> to every schema build; contributions apply in registration order.</summary>
    public static IServiceCollection AddSchemaContribution<TContribution>(this IServiceCollection services)
        where TContribution : class, ISchemaContribution =>
        services.AddSingleton<ISchemaContribution, TContribution>();
}
