using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Modules;

namespace SenGraph.Contracts.Persistence;

/// <summary>Registers a module's EF Core context for whichever provider the host is configured with.</summary>
public static class ModuleDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{TContext}"/> for <typeparamref name="TContext"/> and the
    /// module's migrations. A module keeps one migrations set per provider, each on a context derived
    /// from <typeparamref name="TContext"/>; resolvers only ever see <typeparamref name="TContext"/>.
    /// Each module records its applied migrations in its own history table, <c>__Migrations_&lt;id&gt;</c>.
    /// Every context it creates is audited (<see cref="AuditSaveChangesInterceptor"/>): each row a
    /// <c>SaveChangesAsync</c> writes gets its audit record in the same transaction, and a save outside an
    /// <see cref="AuditScope"/> is refused.
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext>(
        this IServiceCollection services, ModuleContext module)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TSqlServerContext : TContext
        where TPostgreSqlContext : TContext =>
        AddModuleDatabase<TContext, TSqliteContext, TSqlServerContext>(services, module, typeof(TPostgreSqlContext), AddPostgreSql<TContext, TPostgreSqlContext>, pooled: false);

    /// <summary>
    /// The report kit's registration (<see cref="Reports.Kit.ReportModule{TReport}"/>): as the public overloads, with pooled
    /// contexts (<c>AddPooledDbContextFactory</c>), since every typed read of a page creates one. The kit's contexts hold no
    /// state of their own beyond EF Core's, which the pool resets; the audit interceptor reads who acts at each save.
    /// </summary>
    internal static IServiceCollection AddPooledModuleDatabase<TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext>(
        this IServiceCollection services, ModuleContext module)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TSqlServerContext : TContext
        where TPostgreSqlContext : TContext =>
        AddModuleDatabase<TContext, TSqliteContext, TSqlServerContext>(services, module, typeof(TPostgreSqlContext), AddPostgreSql<TContext, TPostgreSqlContext>, pooled: true);

    /// <inheritdoc cref="AddPooledModuleDatabase{TContext, TSqliteContext, TSqlServerContext, TPostgreSqlContext}"/>
    internal static IServiceCollection AddPooledModuleDatabase<TContext, TSqliteContext, TSqlServerContext>(
        this IServiceCollection services, ModuleContext module)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TSqlServerContext : TContext =>
        AddModuleDatabase<TContext, TSqliteContext, TSqlServerContext>(services, module, null, null, pooled: true);

    /// <summary>
    /// A module built before PostgreSQL (contracts 1.5 and earlier): SQLite and SQL Server only. On PostgreSQL it
    /// refuses to load with a clear error (it has no PostgreSQL migrations); rebuild it with the four-context overload.
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext, TSqliteContext, TSqlServerContext>(
        this IServiceCollection services, ModuleContext module)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TSqlServerContext : TContext =>
        AddModuleDatabase<TContext, TSqliteContext, TSqlServerContext>(services, module, null, null, pooled: false);

    private static IServiceCollection AddModuleDatabase<TContext, TSqliteContext, TSqlServerContext>(
        IServiceCollection services, ModuleContext module, Type? postgreSqlContext,
        Action<IServiceCollection, string, string, bool>? addPostgreSql, bool pooled)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TSqlServerContext : TContext
    {
        var historyTable = HistoryTableName(module.Manifest.Id);
        var connectionString = module.Database.ConnectionString;
        services.TryAddSingleton(sp => new AuditSaveChangesInterceptor(sp.GetService<AuditCommits>() ?? new AuditCommits()));
        Type migrated;
        switch (module.Database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddSingleton(_ => new EntityFrameworkServices(new ServiceCollection().AddEntityFrameworkSqlite()));
                AddFactory<TSqliteContext>(services, pooled, (sp, o) => o
                    .UseSqlite(connectionString, x => x.MigrationsHistoryTable(historyTable))
                    .UseInternalServiceProvider(sp.GetRequiredService<EntityFrameworkServices>().Provider)
                    .AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>()));
                services.AddSingleton<IDbContextFactory<TContext>>(sp =>
                    new UpcastFactory<TContext, TSqliteContext>(sp.GetRequiredService<IDbContextFactory<TSqliteContext>>()));
                migrated = typeof(TSqliteContext);
                break;
            case DatabaseProvider.SqlServer:
                services.AddSingleton(_ => new EntityFrameworkServices(new ServiceCollection().AddEntityFrameworkSqlServer()));
                AddFactory<TSqlServerContext>(services, pooled, (sp, o) => o
                    .UseSqlServer(connectionString, x => x.MigrationsHistoryTable(historyTable))
                    .UseInternalServiceProvider(sp.GetRequiredService<EntityFrameworkServices>().Provider)
                    .AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>()));
                services.AddSingleton<IDbContextFactory<TContext>>(sp =>
                    new UpcastFactory<TContext, TSqlServerContext>(sp.GetRequiredService<IDbContextFactory<TSqlServerContext>>()));
                migrated = typeof(TSqlServerContext);
                break;
            case DatabaseProvider.PostgreSql when addPostgreSql is null || postgreSqlContext is null:
                throw new NotSupportedException(
                    $"Module '{module.Manifest.Id}' {module.Manifest.Version} has no PostgreSQL migrations (built against contracts " +
                    $"{module.Manifest.ContractsVersion}); rebuild it against contracts 1.6 or later with a PostgreSQL context " +
                    "(AddModuleDatabase<TContext, TSqlite, TSqlServer, TPostgreSql>), or run the host on SQLite or SQL Server.");
            case DatabaseProvider.PostgreSql:
                addPostgreSql(services, connectionString, historyTable, pooled);
                migrated = postgreSqlContext;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(module), module.Database.Provider, "Unknown database provider.");
        }

        services.AddSingleton<IModuleDatabase>(sp => new ModuleDatabase<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>(), migrated));
        return services;
    }

    private static void AddPostgreSql<TContext, TPostgreSqlContext>(IServiceCollection services, string connectionString, string historyTable, bool pooled)
        where TContext : DbContext
        where TPostgreSqlContext : TContext
    {
        services.AddSingleton(_ => new EntityFrameworkServices(new ServiceCollection().AddEntityFrameworkNpgsql()));
        AddFactory<TPostgreSqlContext>(services, pooled, (sp, o) => o
            .UseNpgsql(connectionString, x => x.MigrationsHistoryTable(historyTable))
            .UseInternalServiceProvider(sp.GetRequiredService<EntityFrameworkServices>().Provider)
            .AddInterceptors(sp.GetRequiredService<AuditSaveChangesInterceptor>()));
        services.AddSingleton<IDbContextFactory<TContext>>(sp =>
            new UpcastFactory<TContext, TPostgreSqlContext>(sp.GetRequiredService<IDbContextFactory<TPostgreSqlContext>>()));
    }

    private static void AddFactory<TConcrete>(IServiceCollection services, bool pooled, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TConcrete : DbContext
    {
        if (pooled) services.AddPooledDbContextFactory<TConcrete>(configure);
        else services.AddDbContextFactory<TConcrete>(configure);
    }

    /// <summary>The migrations history table of a module.</summary>
    public static string HistoryTableName(string moduleId) => "__Migrations_" + moduleId.Replace('-', '_');

    /// <summary>
    /// EF Core's internal services, owned by the module: by default EF keeps them in a process-wide
    /// cache that would keep every version of a module in memory after it was replaced.
    /// </summary>
    private sealed class EntityFrameworkServices(IServiceCollection services) : IDisposable
    {
        public ServiceProvider Provider { get; } = services.BuildServiceProvider();

        public void Dispose() => Provider.Dispose();
    }

    private sealed class UpcastFactory<TContext, TConcrete>(IDbContextFactory<TConcrete> inner) : IDbContextFactory<TContext>
        where TContext : DbContext
        where TConcrete : TContext
    {
        public TContext CreateDbContext() => inner.CreateDbContext();

        public async Task<TContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }

    private sealed class ModuleDatabase<TContext>(IDbContextFactory<TContext> factory, Type migratedContext) : IModuleDatabase
        where TContext : DbContext
    {
        public Type ContextType => migratedContext;

        public async Task MigrateAsync(CancellationToken cancellationToken)
        {
            await using var context = await factory.CreateDbContextAsync(cancellationToken);
            await context.Database.MigrateAsync(cancellationToken);
        }

        public string GenerateMigrationScript()
        {
            using var context = factory.CreateDbContext();
            return context.Database.GetService<IMigrator>()
                .GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        }
    }
}
