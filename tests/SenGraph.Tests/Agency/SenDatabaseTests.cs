using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Persistence;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Workflow;
using SenGraph.Host.Modules;
using SenGraph.Tests.Contract;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Agency;

/// <summary>The host's own tables: migrations for every provider, applied before the modules', and the development seed.</summary>
public sealed class SenDatabaseTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private const string SqlServer = "Server=localhost;Database=SenGraph;Integrated Security=true;TrustServerCertificate=true";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.SqlServer, SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=sengraph")]
    public void Every_provider_has_migrations_matching_the_model(DatabaseProvider provider, string connectionString)
    {
        using var db = new SenDatabase(new DatabaseSettings(provider, connectionString)).CreateDbContext();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} workflow migrations are behind the model: add a migration.");
    }

    [Fact]
    public void A_module_maps_the_directory_tables_without_migrating_them()
    {
        using var module = new ModuleLikeContext(new DbContextOptionsBuilder<ModuleLikeContext>().UseSqlite("Data Source=unused.db").Options);

        var entities = module.GetService<IDesignTimeModel>().Model.GetEntityTypes().ToList();
        Assert.Equal(5, entities.Count);
        Assert.All(entities, e => Assert.True(e.IsTableExcludedFromMigrations(), $"{e.GetTableName()} would be migrated by a module"));
    }

    private sealed class ModuleLikeContext(DbContextOptions<ModuleLikeContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyDirectory(excludeFromMigrations: true);
    }

    [Fact]
    public void The_sql_server_migration_script_creates_the_directory_and_recipient_tables()
    {
        var script = new SenDatabase(new DatabaseSettings(DatabaseProvider.SqlServer, SqlServer)).GenerateMigrationScript();

        foreach (var table in new[] { "Organisations", "Offices", "Users", "UserRoles", "ReportRecipients" })
            Assert.Contains($"CREATE TABLE [{table}]", script);
        Assert.Contains("[__Migrations_host]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_ReportRecipients_ReportId_Kind_Code]", script);
    }

    [Fact]
    public void The_postgresql_migration_script_creates_the_tables_and_keeps_the_audit_trail_append_only()
    {
        var script = new SenDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=localhost;Database=sengraph")).GenerateMigrationScript();

        foreach (var table in new[] { "Organisations", "Offices", "Users", "UserRoles", "ReportRecipients", "AuditRecords", "ReportCounters" })
            Assert.Contains($"CREATE TABLE \"{table}\"", script);
        Assert.Contains("\"__Migrations_host\"", script);
        Assert.Contains("BEFORE UPDATE OR DELETE ON \"AuditRecords\"", script);
        Assert.Contains("BEFORE TRUNCATE ON \"AuditRecords\"", script);
    }

    [Fact]
    public async Task The_host_migrates_its_tables_into_its_own_history_table_before_the_modules_load()
    {
        _ = host.Server;
        var steps = host.Services.GetServices<IHostedService>().OfType<SenGraph.Host.Hosting.StartupSequence>().Single().Steps.Select(s => s.GetType()).ToList();
        Assert.True(steps.IndexOf(typeof(SenDatabaseStartup)) is >= 0 and var workflow && workflow < steps.IndexOf(typeof(ModuleStartup)),
            "SenDatabaseStartup must be a step of the start-up sequence before ModuleStartup.");

        await using var connection = new SqliteConnection($"Data Source={host.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__Migrations_host\"";
        Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        _ = host.Server;
        var database = host.Services.GetRequiredService<SenDatabase>();
        await using var db = database.CreateDbContext();
        var before = (await db.Offices.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync());

        Assert.False(await DirectorySeed.SeedAsync(db, CancellationToken.None));
        Assert.Equal(before, (await db.Offices.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync()));
        Assert.True(before.Item1 >= DirectorySeed.Offices.Count && before.Item2 >= DirectorySeed.Users.Count);
    }

    [Fact]
    public void Every_seeded_user_has_a_known_role_and_an_existing_office()
    {
        var offices = DirectorySeed.Offices.Select(o => o.Code).ToHashSet();
        Assert.All(DirectorySeed.Users, user =>
        {
            Assert.Contains(user.OfficeCode, offices);
            Assert.All(user.Roles, role => Assert.Contains(role.Role, PublicContractTests.Roles));
        });
        Assert.All(PublicContractTests.Roles, role => Assert.Contains(DirectorySeed.Users, u => !u.Disabled && u.Roles.Any(r => r.Role == role)));
    }

    [Fact]
    public async Task Outside_development_the_directory_is_migrated_but_not_seeded()
    {
        using var production = new TestHost(new PluginsFolder(), "Production",
            new Dictionary<string, string?> { ["Authentication:SigningKey"] = "a-production-key-of-more-than-thirty-two-bytes-0123456789" });
        _ = production.Server;

        await using var db = production.Services.GetRequiredService<SenDatabase>().CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Offices.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
    }
}
