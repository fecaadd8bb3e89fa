using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Persistence;
using SenGraph.Host.Cli;
using SenGraph.Host.Modules;
using SenGraph.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace SenGraph.Tests.Schema;

/// <summary>The public contracts a change must show in review: the schema and the SQL Server migrations.</summary>
public sealed class SchemaTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private static readonly Dictionary<string, string> DevelopmentProcess = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Plugins__Path"] = RepoPaths.ShippedPlugins,
    };

    private string ComposedSdl => HostCommands.ToSdl(host.Services.GetRequiredService<SchemaHost>().Current.Schema);

    [Fact]
    public async Task The_composed_schema_is_unchanged_and_schema_graphql_is_current()
    {
        var sdl = ComposedSdl;

        Snapshot.Match(sdl);
        var exported = Path.Combine(RepoPaths.Root, "schema", "schema.graphql");
        Assert.True(File.Exists(exported) && await File.ReadAllTextAsync(exported) == sdl,
            "schema/schema.graphql is not the composed schema: run `dotnet run --project host/SenGraph.Host -- schema export`.");
    }

    [Fact]
    public async Task Schema_export_writes_the_composed_schema()
    {
        var output = Path.Combine(Path.GetTempPath(), $"sengraph-schema-{Guid.NewGuid():N}.graphql");
        try
        {
            var run = await HostProcess.RunAsync(DevelopmentProcess, "schema", "export", "--output", output);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal(ComposedSdl, await File.ReadAllTextAsync(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task The_sql_server_migration_script_of_every_module_is_unchanged()
    {
        var script = await HostCommands.GenerateMigrationScriptAsync(DatabaseProvider.SqlServer, configuration =>
        {
            configuration["Plugins:Path"] = RepoPaths.ShippedPlugins;
            configuration["Authentication:SigningKey"] = "only-needed-to-build-the-host-0123456789abcdef";
        });

        Assert.Contains("-- Module sir", script);
        Assert.Contains("CREATE TABLE [SirReports]", script);
        Assert.Contains("[__Migrations_sir]", script);
        Snapshot.Match(script);
    }

    [Fact]
    public async Task The_postgresql_migration_script_of_every_module_is_unchanged()
    {
        var script = await HostCommands.GenerateMigrationScriptAsync(DatabaseProvider.PostgreSql, configuration =>
        {
            configuration["Plugins:Path"] = RepoPaths.ShippedPlugins;
            configuration["Authentication:SigningKey"] = "only-needed-to-build-the-host-0123456789abcdef";
        });

        foreach (var module in new[] { "sir", "spot", "spear", "oppred", "leara", "erotav", "erolead", "lens", "securecommunities" })
            Assert.Contains($"-- Module {module} ", script);
        Assert.Contains("CREATE TABLE \"SirDetails\"", script);
        Assert.Contains("\"__Migrations_sir\"", script);
        Snapshot.Match(script);
    }

    [Fact]
    public void The_contracts_version_constant_matches_the_contracts_assembly()
    {
        var assemblyVersion = typeof(SenGraph.Contracts.ContractsInfo).Assembly.GetName().Version!;

        Assert.Equal(SenGraph.Contracts.ContractsInfo.Version, $"{assemblyVersion.Major}.{assemblyVersion.Minor}.{assemblyVersion.Build}");
    }

    [Fact]
    public void A_module_manifest_takes_its_version_from_the_module_assembly_without_the_source_revision()
    {
        var manifest = SenGraph.Contracts.Modules.ModuleManifest.Of<SenGraph.Modules.Lens.LensModule>("lens", "LENS notifier");
        var informational = typeof(SenGraph.Modules.Lens.LensModule).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;

        Assert.Equal("1.2.0", manifest.Version); // modules/SenGraph.Modules.Lens/SenGraph.Modules.Lens.csproj
        Assert.StartsWith(manifest.Version, informational);
        Assert.Equal(manifest.Version, new SenGraph.Modules.Lens.LensModule().Manifest.Version);
    }

    [Fact]
    public async Task The_token_command_prints_a_token_the_host_accepts()
    {
        var run = await HostProcess.RunAsync(DevelopmentProcess, "token", "--user", "cli-agent", "--roles", "Agent,Supervisor", "--office", "SAC-BOS");

        Assert.True(run.ExitCode == 0, run.Error);
        var token = run.Output.Trim();
        var me = (await host.PostAsync("{ me { userName office roles } }", token: token)).ShouldSucceed().Data!["me"]!;
        Assert.Equal("cli-agent", me["userName"]!.GetValue<string>());
        Assert.Equal("SAC-BOS", me["office"]!.GetValue<string>());
        Assert.Equal(["Agent", "Supervisor"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        host.AcknowledgeRulesOfBehavior("cli-agent");
        var response = (await host.PostAsync("{ sirs { totalCount } }", token: token)).ShouldSucceed();
        Assert.NotNull(response.Data!["sirs"]);
    }

    [Fact]
    public async Task The_token_command_refuses_outside_development()
    {
        var run = await HostProcess.RunAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Authentication__SigningKey"] = "a-production-key-of-more-than-thirty-two-bytes-0123456789",
        }, "token", "--user", "alice", "--roles", "Agent", "--office", "SAC-NYC");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("development tokens only", run.Error);
        Assert.Empty(run.Output);
    }
}
