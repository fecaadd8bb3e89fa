using GraphQL.Types;

namespace SenGraph.Host.GraphQL;

/// <summary>The root type a contribution's fields join.</summary>
public enum RootOperation
{
    Query,
    Mutation,
    Subscription,
}

/// <summary>
/// One host feature's root fields: the fields of <paramref name="GraphType"/> (created from the host's container for
/// every schema build) join the <paramref name="Root"/> type, owned by the host. Registered by the feature's own
/// <c>AddX</c> through <see cref="RootFieldsServiceCollectionExtensions.AddRootFields{TGraphType}"/>, as a module
/// lists its extensions in its manifest; the schema composer reads them from the container and knows no feature.
/// </summary>
public sealed record HostRootFields(Type GraphType, RootOperation Root);

public static class RootFieldsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <typeparamref name="TGraphType"/>'s fields to the host's <paramref name="root"/> type. Fields join their root
    /// in registration order, so the order of the features' <c>AddX</c> calls is the order of the schema's root fields.
    /// </summary>
    public static IServiceCollection AddRootFields<TGraphType>(this IServiceCollection services, RootOperation root)
        where TGraphType : IComplexGraphType =>
        services.AddSingleton(new HostRootFields(typeof(TGraphType), root));
}
