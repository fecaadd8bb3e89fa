using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database answers and every enabled
/// module is loaded): plain-text <c>Healthy</c>/<c>Unhealthy</c> with 200/503, what load balancers and
/// Kubernetes probes read. Both answer without a token.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/health/live", ReadyPath = "/health/ready";
    internal const string ReadyTag = "ready";

    public static IServiceCollection AddSenGraphHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<ModulesHealthCheck>("modules", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapSenGraphHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}

/// <summary>Healthy when the host's database accepts a connection.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<SenDbContext> database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}

/// <summary>Healthy once the schema is composed and no enabled module failed to load.</summary>
internal sealed class ModulesHealthCheck(SchemaHost schemas) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!schemas.IsReady) return Task.FromResult(HealthCheckResult.Unhealthy("The modules are still loading."));
        var failed = schemas.Current.Modules.Where(m => m.Status == ModuleStatus.Failed).Select(m => m.Id).ToList();
        return Task.FromResult(failed.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Modules not loaded: {string.Join(", ", failed)}."));
    }
}
