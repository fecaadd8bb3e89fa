using System.Reflection;
using GraphQL.Types;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Contracts.Persistence;

namespace SenGraph.Host.Modules;

/// <summary>
/// Loads one module folder (<c>plugins/&lt;Name&gt;/&lt;Name&gt;.dll</c>) into its own load context and
/// collects its contributions. Every failure becomes a <see cref="ModuleLoadException"/> naming the step
/// that failed; the partly loaded module is released.
/// </summary>
public sealed class ModuleLoader(
    IConfiguration configuration,
    IHostEnvironment environment,
    DatabaseSettings database,
    SenGraph.Contracts.Auditing.AuditCommits auditCommits,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider,
    IModuleEvents events,
    ILiveEvents liveEvents,
    Microsoft.Extensions.Options.IOptions<PluginOptions> options)
{
    /// <param name="folder">The module folder.</param>
    /// <param name="fingerprint">The folder's <see cref="Fingerprint"/>, when the caller has just taken it.</param>
    public LoadedModule Load(string folder, string? fingerprint = null)
    {
        var name = System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(folder));
        var assemblyPath = System.IO.Path.Combine(folder, name + ".dll");
        if (!File.Exists(assemblyPath))
            throw new ModuleLoadException($"The folder has no {name}.dll (a module folder holds <Name>/<Name>.dll).");

        PluginLoader? loader = null;
        ServiceProvider? services = null;
        ModuleManifest? manifest = null;
        try
        {
            fingerprint ??= Fingerprint(folder);
            // In memory: the files stay free to be replaced by the next version while this one serves.
            loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, isUnloadable: true, sharedTypes: SharedAssemblies.RootTypes,
                configure: config => config.LoadInMemory = true);
            var assembly = Step("loading the assembly", () => loader.LoadDefaultAssembly());
            SharedAssemblies.EnsureCompatible(assembly);

            var module = Step("creating the module", () => CreateModule(assembly));
            manifest = Step("reading the manifest", () => module.Manifest);
            ModuleManifestValidator.Validate(manifest);

            var context = new ModuleContext(manifest, configuration.GetSection($"Modules:{manifest.Id}"), database, environment);
            var collection = new ServiceCollection();
            AddHostServices(collection);
            Step("registering services", () => module.ConfigureServices(collection, context));
            Step("registering graph types", () => RegisterGraphTypes(collection, assembly));
            services = Step("building the service container", () => collection.BuildServiceProvider(
                new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

            var authorization = new ModuleAuthorizationBuilder();
            Step("registering authorization policies", () => module.ConfigureAuthorization(authorization));
            var roles = new ModuleRoleBuilder();
            Step("declaring roles", () => module.ConfigureRoles(roles));
            var schema = new ModuleSchemaBuilder();
            Step("declaring schema contributions", () => module.ConfigureSchema(schema));
            var commands = new ModuleCommandBuilder();
            Step("declaring commands", () => module.ConfigureCommands(commands));
            var endpoints = new ModuleEndpointBuilder(services);
            Step("declaring endpoints", () => module.ConfigureEndpoints(endpoints));

            return new LoadedModule(manifest, folder, fingerprint, timeProvider.GetUtcNow(), assembly, loader, services, schema, authorization.Policies,
                roles.Roles, options.Value.ServiceStopTimeout, loggerFactory.CreateLogger<ModuleServices>())
            {
                Commands = commands.Commands,
                Endpoints = endpoints.Endpoints,
            };
        }
        catch (Exception e)
        {
            services?.Dispose();
            loader?.Dispose();
            throw e as ModuleLoadException is { } loadException
                ? loadException.Manifest is null && manifest is not null ? new ModuleLoadException(e.Message, manifest, e) : loadException
                : new ModuleLoadException(e.Message, manifest, e);
        }
    }

    /// <summary>Names, sizes and write times of every file in a module folder: changes when any file does.</summary>
    public static string Fingerprint(string folder)
    {
        var hash = new HashCode();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            hash.Add(System.IO.Path.GetRelativePath(folder, file), StringComparer.Ordinal);
            hash.Add(info.Length);
            hash.Add(info.LastWriteTimeUtc.Ticks);
        }

        return hash.ToHashCode().ToString("x8");
    }

    /// <summary>Applies the module's migrations for the configured provider.</summary>
    public static async Task MigrateAsync(LoadedModule module, CancellationToken cancellationToken)
    {
        foreach (var database in module.Services.GetServices<IModuleDatabase>())
        {
            try
            {
                await database.MigrateAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database's own message can name tables and SQL: it goes to the log, not to the modules query.
                throw new ModuleLoadException($"Failed applying migrations of {database.ContextType.Name}; the host log has the database's error.", module.Manifest, e);
            }
        }
    }

    private void AddHostServices(IServiceCollection services)
    {
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(configuration);
        services.AddSingleton(environment);
        services.AddSingleton(database);
        services.AddSingleton(auditCommits);
        services.AddSingleton(timeProvider);
        services.AddSingleton(events);
        services.AddSingleton(liveEvents);
    }

    private static ISenGraphModule CreateModule(Assembly assembly)
    {
        var candidates = assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISenGraphModule).IsAssignableFrom(t))
            .ToList();
        return candidates.Count switch
        {
            0 => throw new ModuleLoadException($"{assembly.GetName().Name} has no public class implementing {nameof(ISenGraphModule)}."),
            > 1 => throw new ModuleLoadException(
                $"{assembly.GetName().Name} has {candidates.Count} classes implementing {nameof(ISenGraphModule)} " +
                $"({string.Join(", ", candidates.Select(t => t.Name))}); a module has exactly one."),
            _ => candidates[0].GetConstructor(Type.EmptyTypes) is { } constructor
                ? (ISenGraphModule)constructor.Invoke(null)
                : throw new ModuleLoadException($"{candidates[0].Name} needs a public parameterless constructor."),
        };
    }

    private static void RegisterGraphTypes(IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IGraphType).IsAssignableFrom(type))
                services.TryAddTransient(type);
        }
    }

    private static T Step<T>(string step, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not ModuleLoadException)
        {
            throw new ModuleLoadException($"Failed {step}: {Describe(e)}", null, e);
        }
    }

    private static void Step(string step, Action action) => Step(step, () => { action(); return 0; });

    internal static string Describe(Exception e) => (e switch
    {
        TargetInvocationException { InnerException: { } inner } => Describe(inner),
        ReflectionTypeLoadException rtl => string.Join("; ",
            rtl.LoaderExceptions.Where(x => x is not null).Select(x => x!.Message).Distinct()),
        BadImageFormatException => $"not a valid .NET assembly ({e.Message})",
        _ => e.Message,
    }).Trim();
}
