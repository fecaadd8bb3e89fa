using GraphQL.Types;
using SenGraph.Host.GraphQL;

namespace SenGraph.Host.Modules;

/// <summary>
/// Composes the host's own fields and every module's contributions into one schema. The host's features take part
/// through what their <c>AddX</c> registered (<see cref="HostRootFields"/>, <see cref="ISchemaContribution"/>). Modules are
/// added one at a time; a module whose contribution does not compose (a root field or type name
/// another module already has, an invalid type) is rejected with the reason and the rest go on.
/// </summary>
public sealed class SchemaComposer(IServiceProvider hostServices)
{
    /// <param name="RootFieldOwners"><c>Query.field</c> → the id of the module that contributes it.</param>
    public sealed record Result(
        ISchema Schema,
        IReadOnlyList<LoadedModule> Accepted,
        IReadOnlyList<(LoadedModule Module, string Reason)> Rejected,
        IReadOnlyDictionary<string, string> RootFieldOwners);

    public const string HostOwner = "host";

    /// <summary>
    /// Composes the host and <paramref name="candidates"/> (in order: an earlier module wins a clash) with as few schema
    /// builds as it can, since a build (<see cref="Schema.Initialize"/>) is what start-up pays for: first a cheap check of
    /// each candidate's root fields against the host's and the earlier candidates' (no schema is built; a clash refuses
    /// the later module with the same reason a build would give), then one build of everything left. Only when that
    /// build fails are the modules composed one at a time, as before, so the module that breaks it is named and refused
    /// and the rest go on. N good modules cost one build, not N + 1 (issue 14 item 3).
    /// </summary>
    public Result Compose(IReadOnlyList<LoadedModule> candidates)
    {
        var rejected = new List<(LoadedModule Module, string Reason)>();
        var owners = HostRootOwners();
        var checkedCandidates = new List<LoadedModule>();
        foreach (var candidate in candidates)
        {
            try
            {
                var mine = new Dictionary<string, string>(owners, StringComparer.Ordinal);
                ClaimRootFields(candidate, mine);
                owners = mine;
                checkedCandidates.Add(candidate);
            }
            catch (Exception e)
            {
                rejected.Add((candidate, "Schema composition failed: " + ModuleLoader.Describe(e)));
            }
        }

        if (checkedCandidates.Count > 0)
        {
            try
            {
                var all = Build(checkedCandidates);
                return new Result(all.Schema, checkedCandidates, Ordered(rejected, candidates), all.Owners);
            }
            catch (Exception)
            {
                // One of them breaks the combined schema: find which, one module at a time.
            }
        }

        var accepted = new List<LoadedModule>();
        var built = Build(accepted);
        foreach (var candidate in checkedCandidates)
        {
            try
            {
                built = Build([.. accepted, candidate]);
                accepted.Add(candidate);
            }
            catch (Exception e)
            {
                rejected.Add((candidate, "Schema composition failed: " + ModuleLoader.Describe(e)));
            }
        }

        // The last successful build holds exactly the accepted modules unless the last candidate failed.
        if (checkedCandidates.Count > 0 && !accepted.Contains(checkedCandidates[^1]))
            built = Build(accepted);
        return new Result(built.Schema, accepted, Ordered(rejected, candidates), built.Owners);
    }

    private static List<(LoadedModule Module, string Reason)> Ordered(List<(LoadedModule Module, string Reason)> rejected, IReadOnlyList<LoadedModule> candidates) =>
        [.. rejected.OrderBy(r => IndexOf(candidates, r.Module))];

    private static int IndexOf(IReadOnlyList<LoadedModule> list, LoadedModule module)
    {
        for (var i = 0; i < list.Count; i++)
            if (ReferenceEquals(list[i], module)) return i;
        return -1;
    }

    /// <summary><c>Root.field</c> → owner for the host's own root fields, without building a schema.</summary>
    private Dictionary<string, string> HostRootOwners()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        AddHostFields(new ObjectGraphType { Name = "Query" }, new ObjectGraphType { Name = "Mutation" }, new ObjectGraphType { Name = "Subscription" }, owners);
        return owners;
    }

    /// <summary>Claims the module's root fields in <paramref name="owners"/>; throws as a build would on a field another owner has.</summary>
    private static void ClaimRootFields(LoadedModule module, Dictionary<string, string> owners)
    {
        var owner = module.Manifest.Id;
        foreach (var type in module.Schema.QueryExtensions) Claim(Resolve(module, type), "Query", owner, owners);
        foreach (var type in module.Schema.MutationExtensions) Claim(Resolve(module, type), "Mutation", owner, owners);
        foreach (var type in module.Schema.SubscriptionExtensions) Claim(Resolve(module, type), "Subscription", owner, owners);

        static void Claim(IComplexGraphType from, string root, string owner, Dictionary<string, string> owners)
        {
            foreach (var field in from.Fields)
            {
                var key = $"{root}.{field.Name}";
                if (owners.TryGetValue(key, out var existing))
                    throw new InvalidOperationException($"Field '{key}' is already contributed by {(existing == HostOwner ? "the host" : $"module '{existing}'")}.");
                owners[key] = owner;
            }
        }
    }

    private (ISchema Schema, Dictionary<string, string> Owners) Build(IReadOnlyList<LoadedModule> modules)
    {
        var query = new ObjectGraphType { Name = "Query", Description = "Everything that can be read." };
        var mutation = new ObjectGraphType { Name = "Mutation", Description = "Everything that can be changed." };
        var subscription = new ObjectGraphType { Name = "Subscription", Description = "Live updates." };
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);

        AddHostFields(query, mutation, subscription, owners);
        foreach (var module in modules)
        {
            var owner = module.Manifest.Id;
            foreach (var type in module.Schema.QueryExtensions) MoveFields(Resolve(module, type), query, owner, owners);
            foreach (var type in module.Schema.MutationExtensions) MoveFields(Resolve(module, type), mutation, owner, owners);
            foreach (var type in module.Schema.SubscriptionExtensions) MoveFields(Resolve(module, type), subscription, owner, owners);
        }

        var contributions = hostServices.GetServices<ISchemaContribution>().ToList();
        var composed = contributions.SelectMany(c => c.ComposedTypes(modules)).ToDictionary(t => t.GetType());
        var schema = new Schema(new SchemaServiceProvider(hostServices, modules, composed))
        {
            Query = query,
            Mutation = mutation.Fields.Count > 0 ? mutation : null,
            Subscription = subscription.Fields.Count > 0 ? subscription : null,
            Description = "SenGraph: significant-event reporting, composed from its modules.",
        };
        foreach (var contribution in contributions) contribution.Apply(schema, modules);
        foreach (var module in modules)
        {
            foreach (var type in module.Schema.AdditionalTypes)
                schema.RegisterType((IGraphType)ActivatorUtilities.GetServiceOrCreateInstance(module.Services, type));
        }

        schema.Initialize();
        GraphQL.Limits.ComplexityLimits.PriceIntrospectionListsOnce(schema);
        return (schema, owners);
    }

    /// <summary>The host's own root fields (owner <see cref="HostOwner"/>), as its features registered them (<see cref="HostRootFields"/>).</summary>
    private void AddHostFields(ObjectGraphType query, ObjectGraphType mutation, ObjectGraphType subscription, Dictionary<string, string> owners)
    {
        foreach (var fields in hostServices.GetServices<HostRootFields>())
        {
            var root = fields.Root switch
            {
                RootOperation.Query => query,
                RootOperation.Mutation => mutation,
                _ => subscription,
            };
            MoveFields((IComplexGraphType)ActivatorUtilities.CreateInstance(hostServices, fields.GraphType), root, HostOwner, owners);
        }
    }

    // The contracts' generic graph types (a declared report type's queries) are not registered: created from the module's container.
    private static IComplexGraphType Resolve(LoadedModule module, Type type) =>
        (IComplexGraphType)ActivatorUtilities.GetServiceOrCreateInstance(module.Services, type);

    private static void MoveFields(IComplexGraphType from, ObjectGraphType to, string owner, Dictionary<string, string> owners)
    {
        foreach (var field in from.Fields.ToList())
        {
            var key = $"{to.Name}.{field.Name}";
            if (owners.TryGetValue(key, out var existing))
                throw new InvalidOperationException($"Field '{key}' is already contributed by {(existing == HostOwner ? "the host" : $"module '{existing}'")}.");
            owners[key] = owner;
            field.Metadata[Observability.FieldTimer.OwnerMetadata] = owner;
            to.AddField(field);
        }
    }

    /// <summary>
    /// Creates graph types for the schema: a module's types from the module's own container (so they
    /// can take its services), everything else from the host's.
    /// </summary>
    private sealed class SchemaServiceProvider(IServiceProvider host, IReadOnlyList<LoadedModule> modules, Dictionary<Type, IGraphType> composed) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            if (composed.TryGetValue(serviceType, out var type)) return type;
            // A module's own types, and generic types built over them (ConnectionGraphType<ReportObjectGraphType<SirReport>>),
            // come from the module's container.
            var owner = modules.FirstOrDefault(m => m.Owns(serviceType));
            var provider = owner?.Services ?? host;
            var service = provider.GetService(serviceType);
            if (service is null && typeof(IGraphType).IsAssignableFrom(serviceType) && serviceType is { IsAbstract: false, IsGenericTypeDefinition: false })
                service = ActivatorUtilities.CreateInstance(provider, serviceType);
            return service;
        }
    }
}
