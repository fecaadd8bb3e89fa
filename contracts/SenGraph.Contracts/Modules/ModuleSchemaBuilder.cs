using GraphQL.Types;

namespace SenGraph.Contracts.Modules;

/// <summary>
/// Collects what a module adds to the composed schema. Root extensions are ordinary graph types
/// (for instance <c>class SirQueries : ObjectGraphType</c>) whose fields the host moves onto the
/// root <c>Query</c>, <c>Mutation</c> or <c>Subscription</c> type. They are created by the module's
/// own container, so their constructors may ask for the module's services.
/// </summary>
public sealed class ModuleSchemaBuilder
{
    private readonly List<Type> _query = [];
    private readonly List<Type> _mutation = [];
    private readonly List<Type> _subscription = [];
    private readonly List<Type> _types = [];

    public IReadOnlyList<Type> QueryExtensions => _query;
    public IReadOnlyList<Type> MutationExtensions => _mutation;
    public IReadOnlyList<Type> SubscriptionExtensions => _subscription;
    public IReadOnlyList<Type> AdditionalTypes => _types;

    /// <summary>Adds the fields of <typeparamref name="T"/> to the root query type.</summary>
    public ModuleSchemaBuilder ExtendQuery<T>() where T : IObjectGraphType { _query.Add(typeof(T)); return this; }

    /// <summary>Adds the fields of <typeparamref name="T"/> to the root mutation type.</summary>
    public ModuleSchemaBuilder ExtendMutation<T>() where T : IObjectGraphType { _mutation.Add(typeof(T)); return this; }

    /// <summary>Adds the fields of <typeparamref name="T"/> to the root subscription type.</summary>
    public ModuleSchemaBuilder ExtendSubscription<T>() where T : IObjectGraphType { _subscription.Add(typeof(T)); return this; }

    /// <summary>Adds a type that no field reaches directly (for instance an interface implementation).</summary>
    public ModuleSchemaBuilder AddType<T>() where T : IGraphType { _types.Add(typeof(T)); return this; }
}
