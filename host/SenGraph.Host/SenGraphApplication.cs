using GraphQL;
using SenGraph.Host.Auditing;
using SenGraph.Host.Events;
using SenGraph.Host.GraphQL;
using SenGraph.Host.GraphQL.Limits;
using SenGraph.Host.GraphQL.Pipeline;
using SenGraph.Host.GraphQL.Transports;
using SenGraph.Host.Health;
using SenGraph.Host.Hosting;
using SenGraph.Host.Ide;
using SenGraph.Host.Kernel;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Demo;
using SenGraph.Host.Kernel.Records;
using SenGraph.Host.Kernel.SavedQueries;
using SenGraph.Host.Kernel.Summaries;
using SenGraph.Host.Modules;
using SenGraph.Host.Observability;
using SenGraph.Host.Kernel.Sharing;
using SenGraph.Host.Security;
using SenGraph.Host.Storage;

namespace SenGraph.Host;

/// <summary>How the host is wired: <see cref="AddSenGraph"/> registers, <see cref="MapSenGraph"/> serves.</summary>
public static class SenGraphApplication
{
    public const string GraphQLPath = "/graphql";

    /// <summary>
    /// A builder whose content root is the host's own folder, wherever it is started from, so
    /// appsettings and the default data/sengraph.db are found the same way by `dotnet run`, by the
    /// built dll and by the host commands.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    public static WebApplicationBuilder AddSenGraph(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var environment = builder.Environment;

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<StartupTimings>();
        services.AddSingleton<SenGraph.Host.Observability.BenchCounters>();
        services.AddSingleton(BenchSwitches.From(configuration, environment));
        services.AddHostedService<StartupReport>();
        services.AddSingleton(DatabaseConfiguration.Resolve(configuration, environment));

        services.AddLiveEvents(configuration);
        services.AddStartupSequence(configuration);

        // The features, each with its root fields: the order here is the order of the schema's root fields.
        services.AddModules(configuration);
        services.AddDirectory();
        services.AddRulesOfBehavior(configuration);
        services.AddWorkflow();
        services.AddAuditing(configuration);
        services.AddSavedQueries();
        services.AddReportSummaries();
        services.AddSharing();
        services.AddRecords();
        services.AddExternalSharing();

        services.AddSenGraphAuthentication(configuration, environment);
        services.AddSenGraphAuthorization();
        services.AddGraphQLLimits(configuration, environment);
        services.AddSingleton<DocumentCache>();
        services.AddCursorSigning(configuration);
        services.AddSenGraphHealthChecks();
        services.AddGraphQLTransports(configuration);
        var telemetry = services.AddSenGraphObservability(configuration);
        services.AddGraphQL(graphQL => graphQL
            .AddSystemTextJson()
            .AddScopedSubscriptionExecutionStrategy()
            .AddSenGraphAuthorization()
            .AddRulesOfBehavior()
            .AddGraphQLLimits()
            .AddAuditing()
            .ConfigureExecution(sp => sp.GetRequiredService<DocumentCache>())
            .ConfigureExecution(sp => sp.GetRequiredService<SavedQueryRunner>())
            .AddSenGraphObservability(telemetry));
        return builder;
    }

    public static WebApplication MapSenGraph(this WebApplication app)
    {
        app.UseAuthentication();
        app.MapGraphQLTransports(GraphQLPath);
        app.MapSenGraphHealthChecks();
        app.UseModuleEndpoints();
        SenGraph.Host.Observability.BenchCountersExtensions.MapBenchCounters(app);
        return app;
    }
}
