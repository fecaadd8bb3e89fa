using GraphQL;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using SenGraph.Contracts.Security;
using SenGraph.Host.Auditing;
using SenGraph.Host.Events;
using SenGraph.Host.GraphQL;
using SenGraph.Host.GraphQL.Http;
using SenGraph.Host.GraphQL.Limits;
using SenGraph.Host.GraphQL.Sse;
using SenGraph.Host.GraphQL.WebSockets;
using SenGraph.Host.Health;
using SenGraph.Host.Hosting;
using SenGraph.Host.Ide;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Demo;
using SenGraph.Host.Kernel.Records;
using SenGraph.Host.Kernel.SavedQueries;
using SenGraph.Host.Kernel.Summaries;
using SenGraph.Host.Modules;
using SenGraph.Host.Observability;
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
        services.Configure<PluginOptions>(configuration.GetSection(PluginOptions.Section));

        services.AddLiveEvents(configuration); // first: with Events:Redis, the backplane is connected before anything publishes
        services.AddSingleton<ModuleLoader>();
        services.AddSingleton<SchemaComposer>();
        services.AddSingleton<ModuleCatalog>();
        services.AddSingleton<SchemaHost>();
        services.AddSingleton<ModuleEventBus>();
        services.AddSingleton<SenGraph.Contracts.Modules.Events.IModuleEvents>(sp => sp.GetRequiredService<ModuleEventBus>());
        services.AddSingleton<RoleCatalog>();
        services.AddSingleton((configuration.GetSection(AuditWriterSettings.Section).Get<AuditWriterSettings>() ?? new AuditWriterSettings()).Validate());
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditVerifier>();
        services.AddWorkflow(); // host tables: migrated (and seeded in Development) before ModuleStartup runs
        services.AddHostedService<ModuleStartup>();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddHostedService<DemoStartup>();
        services.AddHostedService<PluginsWatcher>();

        AddAuthentication(services, configuration, environment);
        services.AddSingleton((configuration.GetSection(LockoutSettings.Section).Get<LockoutSettings>() ?? new LockoutSettings()).Validate());
        services.AddSingleton((configuration.GetSection(AccountSettings.Section).Get<AccountSettings>() ?? new AccountSettings()).Validate());
        services.AddSingleton<DirectoryAccounts>();
        services.AddSingleton<TokenEvidence>();
        services.AddSingleton<UnverifiedLogonFailures>();
        services.AddHostedService<UnverifiedLogonFailuresFlusher>();
        services.AddSingleton<LogonGuard>();
        services.AddAuthorization();
        services.AddSingleton<Microsoft.AspNetCore.Authentication.IClaimsTransformation, DirectoryClaims>();
        AddRulesOfBehavior(services, configuration);

        services.AddGraphQLLimits(configuration, environment);
        services.AddSingleton<DocumentCache>();
        services.AddCursorSigning(configuration);
        services.AddSenGraphHealthChecks();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<GraphQLSseEndpoint>();
        services.AddGraphQLWebSockets(configuration);
        var telemetry = services.AddSenGraphObservability(configuration);
        services.AddSavedQueries();
        services.AddReportSummaries();
        services.AddSingleton<Kernel.Sharing.ReportSharingService>();
        services.AddRecords();
        services.AddSingleton<Kernel.Sharing.ExternalSharingService>();
        services.AddGraphQL(graphQL => graphQL
            .AddSystemTextJson()
            .AddScopedSubscriptionExecutionStrategy()
            .AddGraphQLLimits()
            .AddDocumentListener<AuditOperationListener>()
            .ConfigureExecution(sp => sp.GetRequiredService<DocumentCache>())
            .ConfigureExecution(sp => sp.GetRequiredService<SavedQueryRunner>())
            .AddSenGraphObservability(telemetry));
        return builder;
    }

    public static WebApplication MapSenGraph(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseWebSockets();
        app.UseGraphQLWebSockets(GraphQLPath);
        app.UseGraphQLSse(GraphQLPath);
        app.Map(GraphQLPath, http => http.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(http));
        app.MapBananaCakePopAssets(GraphQLPath);
        app.MapSenGraphHealthChecks();
        app.UseModuleEndpoints();
        SenGraph.Host.Observability.BenchCountersExtensions.MapBenchCounters(app);
        return app;
    }

    private static void AddRulesOfBehavior(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RulesOfBehaviorOptions.Section);
        var problems = (section.Get<RulesOfBehaviorOptions>() ?? new RulesOfBehaviorOptions()).Problems();
        if (problems.Count > 0) throw new InvalidOperationException("Invalid Rules of Behavior settings: " + string.Join(" ", problems));
        services.AddOptions<RulesOfBehaviorOptions>().Bind(section);
        services.AddSingleton<RulesOfBehavior>();
    }

    private static void AddAuthentication(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(AuthenticationSettings.Section).Get<AuthenticationSettings>() ?? new AuthenticationSettings();
        var key = settings.Validate(environment);
        services.AddSingleton(settings);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKey = key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = SenGraphClaims.UserName,
                RoleClaimType = SenGraphClaims.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            // The GraphQL endpoint audits the rejection (LogonGuard) and refuses the request.
            o.Events = new JwtBearerEvents
            {
                OnAuthenticationFailed = context =>
                {
                    context.HttpContext.Items[LogonGuard.FailureItem] = LogonGuard.TokenFailureReason(context.Exception);
                    return Task.CompletedTask;
                },
            };
        });
    }
}
