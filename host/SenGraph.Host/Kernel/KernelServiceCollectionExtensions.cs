using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Persistence;
using SenGraph.Host.GraphQL;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Kernel.Workflow;

namespace SenGraph.Host.Kernel;

/// <summary>Registers the host's database and the kernel's workflow services.</summary>
public static class KernelServiceCollectionExtensions
{
    /// <summary>
    /// The host's database (for the configured <see cref="DatabaseSettings"/>) and its start-up migration and seed,
    /// the directory administration, its root fields and the office kinds.
    /// </summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddSingleton<AuditCommits>();
        services.AddSingleton<SenDatabase>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.IDbContextFactory<SenDbContext>>(sp => sp.GetRequiredService<SenDatabase>());
        services.AddSingleton<SenDatabaseStartup>();
        services.AddSingleton<DirectoryAdministration>();
        services.AddRootFields<DirectoryQueries>(RootOperation.Query);
        services.AddRootFields<DirectoryMutations>(RootOperation.Mutation);
        services.AddSchemaContribution<OfficeKindSchemaContribution>();
        return services;
    }

    /// <summary>The report workflow (lifecycle, queues, events, envelope reads), its root fields and its part of the schema.</summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<ReportTypes>();
        services.AddSingleton<SenGraph.Host.Security.AccessControl>();
        services.AddSingleton<ReportEvents>();
        services.AddSingleton<ReportWorkflow>();
        services.AddSingleton<ReportEnvelopeReader>();
        services.AddSingleton<SenGraph.Contracts.Reports.Workflow.IReportEnvelopeReader>(sp => sp.GetRequiredService<ReportEnvelopeReader>());
        services.AddRootFields<ReportQueries>(RootOperation.Query);
        services.AddRootFields<ReportStatisticsQueries>(RootOperation.Query);
        services.AddRootFields<ReportMutations>(RootOperation.Mutation);
        services.AddRootFields<ReportSubscriptions>(RootOperation.Subscription);
        services.AddSchemaContribution<ReportSchemaContribution>();
        return services;
    }
}
