using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Kernel.Records;

/// <summary>
/// Keeps every report's stored retention dates true to its type's schedule: when a module version is migrated (first load, an
/// upgrade that changed its schedule), the reports of its types whose dates were computed under another schedule, or never
/// (rows written without the kit), are recomputed (<see cref="IReportType.RecomputeRetentionAsync"/>).
/// </summary>
public static class RetentionRecompute
{
    public static async Task OnModuleMigratedAsync(LoadedModule module, ILogger logger, CancellationToken cancellationToken)
    {
        using var audit = AuditScope.Current is null ? AuditScope.Begin(AuditContext.System($"records: retention dates of {module.Manifest.Id}")) : null;
        foreach (var type in module.Services.GetServices<IReportType>())
        {
            try
            {
                var recomputed = await type.RecomputeRetentionAsync(cancellationToken);
                if (recomputed > 0)
                    logger.LogInformation("Records: recomputed the retention dates of {Count} {Type} reports ({Schedule}).", recomputed, type.Code, type.Retention.Summary);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The module serves; its stale dates are recomputed at its next load and before every disposition run.
                logger.LogError(e, "Records: recomputing the retention dates of {Type} reports failed.", type.Code);
            }
        }
    }
}
