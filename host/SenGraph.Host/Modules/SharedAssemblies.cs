using System.Reflection;
using System.Runtime.Loader;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;

namespace SenGraph.Host.Modules;

/// <summary>
/// The assemblies host and modules must agree on: the contracts and everything they reference
/// (GraphQL, EF Core and its providers, ASP.NET Core and Microsoft.Extensions abstractions).
/// McMaster.NETCore.Plugins loads these, and their references, from the host; every other
/// dependency of a module stays private to it.
/// </summary>
public static class SharedAssemblies
{
    /// <summary>One type from each root of the shared closure.</summary>
    public static readonly Type[] RootTypes =
    [
        typeof(ISenGraphModule),
        typeof(ISchema),
        typeof(ASTNode),
        typeof(DbContext),
        typeof(IServiceCollection),
        typeof(IAuthorizationService),
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, Version>> Closure = new(BuildClosure);

    /// <summary>Name → version of every shared assembly, as the host provides it.</summary>
    public static IReadOnlyDictionary<string, Version> Versions => Closure.Value;

    /// <summary>
    /// A shared assembly that a module was built against at a higher version than the host's would
    /// silently bind to the host's older copy and fail later with missing members: refuse it now.
    /// </summary>
    public static void EnsureCompatible(Assembly moduleAssembly)
    {
        foreach (var reference in moduleAssembly.GetReferencedAssemblies())
        {
            if (reference.Name is null || reference.Version is null) continue;
            if (Versions.TryGetValue(reference.Name, out var hostVersion) && reference.Version > hostVersion)
            {
                throw new ModuleLoadException(
                    $"Built against {reference.Name} {reference.Version}, but the host provides {hostVersion}. " +
                    "Rebuild the module against the host's versions (Directory.Packages.props).");
            }
        }
    }

    private static IReadOnlyDictionary<string, Version> BuildClosure()
    {
        var result = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<AssemblyName>(RootTypes.Select(t => t.Assembly.GetName()));
        while (pending.TryDequeue(out var name))
        {
            if (name.Name is null || result.ContainsKey(name.Name)) continue;
            Assembly assembly;
            try
            {
                assembly = AssemblyLoadContext.Default.LoadFromAssemblyName(name);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                continue; // referenced but never needed at run time (e.g. a platform-specific facade)
            }

            result[name.Name] = assembly.GetName().Version ?? new Version(0, 0);
            foreach (var reference in assembly.GetReferencedAssemblies()) pending.Enqueue(reference);
        }

        return result;
    }
}
