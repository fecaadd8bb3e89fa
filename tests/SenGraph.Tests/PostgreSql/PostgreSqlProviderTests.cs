using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Persistence;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Storage;

namespace SenGraph.Tests.PostgreSql;

/// <summary>PostgreSQL as the third provider: its settings, and what a module needs to run on it (no server needed here).</summary>
public sealed class PostgreSqlProviderTests
{
    private static readonly IHostEnvironment Environment = new HostingEnvironment
    {
        EnvironmentName = Environments.Production, ContentRootPath = Path.GetTempPath(),
    };

    private static DatabaseSettings Resolve(params (string Key, string Value)[] settings) =>
        DatabaseConfiguration.Resolve(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(), Environment);

    [Fact]
    public void PostgreSql_is_chosen_by_name_with_its_connection_string()
    {
        var settings = Resolve(("Database:Provider", "PostgreSql"), ("ConnectionStrings:SenGraph", "Host=db.example;Database=sengraph;Username=sengraph"));

        Assert.Equal(DatabaseProvider.PostgreSql, settings.Provider);
        Assert.Contains("Host=db.example", settings.ConnectionString);
        Assert.Equal(DatabaseProvider.PostgreSql, Resolve(("Database:Provider", "postgresql"), ("ConnectionStrings:SenGraph", "Host=x")).Provider);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_is_refused_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(("Database:Provider", "PostgreSql")));

        Assert.Equal("Database:Provider is PostgreSql but ConnectionStrings:SenGraph is not set.", error.Message);
    }

    [Fact]
    public void A_connection_string_postgresql_cannot_read_is_refused_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Resolve(("Database:Provider", "PostgreSql"), ("ConnectionStrings:SenGraph", "Hots=typo;Database=sengraph")));

        Assert.StartsWith("ConnectionStrings:SenGraph is not a valid PostgreSQL connection string:", error.Message);
    }

    [Fact]
    public void An_unknown_provider_names_the_three_supported()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(("Database:Provider", "Oracle")));

        Assert.Contains("Sqlite or SqlServer or PostgreSql", error.Message);
    }

    [Fact]
    public void The_host_creates_its_postgresql_context_with_its_own_history_table()
    {
        using var db = new SenDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=localhost;Database=sengraph")).CreateDbContext();

        Assert.IsType<PostgreSqlSenDbContext>(db);
        Assert.True(db.Database.IsNpgsql());
    }

    [Fact]
    public void A_module_with_a_postgresql_context_gets_it_on_postgresql()
    {
        var services = new ServiceCollection();
        services.AddModuleDatabase<ProbeContext, SqliteProbeContext, SqlServerProbeContext, PostgreSqlProbeContext>(Module(DatabaseProvider.PostgreSql));
        using var provider = services.BuildServiceProvider();

        using var db = provider.GetRequiredService<IDbContextFactory<ProbeContext>>().CreateDbContext();
        Assert.IsType<PostgreSqlProbeContext>(db);
        Assert.True(db.Database.IsNpgsql());
        Assert.Equal(typeof(PostgreSqlProbeContext), provider.GetRequiredService<IModuleDatabase>().ContextType);
    }

    [Fact]
    public void A_module_built_before_postgresql_still_registers_on_sqlite_and_sql_server()
    {
        foreach (var (provider, connection) in new[] { (DatabaseProvider.Sqlite, "Data Source=:memory:"), (DatabaseProvider.SqlServer, "Server=x;Database=y") })
        {
            var services = new ServiceCollection();
            services.AddModuleDatabase<ProbeContext, SqliteProbeContext, SqlServerProbeContext>(Module(provider, connection));
            using var built = services.BuildServiceProvider();
            Assert.NotNull(built.GetRequiredService<IDbContextFactory<ProbeContext>>());
        }
    }

    [Fact]
    public void A_module_built_before_postgresql_refuses_to_load_on_postgresql_saying_why()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<NotSupportedException>(() =>
            services.AddModuleDatabase<ProbeContext, SqliteProbeContext, SqlServerProbeContext>(Module(DatabaseProvider.PostgreSql)));

        Assert.Contains("Module 'probe' 1.0.0 has no PostgreSQL migrations", error.Message);
        Assert.Contains("rebuild it against contracts 1.6", error.Message);
        Assert.Empty(services.Where(s => s.ServiceType == typeof(IModuleDatabase)));
    }

    private static ModuleContext Module(DatabaseProvider provider, string connection = "Host=localhost;Database=sengraph") =>
        new(new ModuleManifest("probe", "Probe", "1.0.0", "1.5.0"), new ConfigurationBuilder().Build(), new DatabaseSettings(provider, connection), Environment);

    public abstract class ProbeContext(DbContextOptions options) : DbContext(options);

    public sealed class SqliteProbeContext(DbContextOptions<SqliteProbeContext> options) : ProbeContext(options);

    public sealed class SqlServerProbeContext(DbContextOptions<SqlServerProbeContext> options) : ProbeContext(options);

    public sealed class PostgreSqlProbeContext(DbContextOptions<PostgreSqlProbeContext> options) : ProbeContext(options);
}
