using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>The EF Core mapping of a report type.</summary>
public static class ReportTypeModel
{
    /// <summary>
    /// Maps the host's envelope and directory tables without migrating them, and <typeparamref name="TReport"/>
    /// (derived from <see cref="Report"/>) to <paramref name="detailsTable"/>, one row per report keyed by the
    /// report's id (EF Core's table-per-type mapping). Reading <c>Set&lt;TReport&gt;()</c> joins the envelope
    /// and the details in one SQL query; one <c>SaveChanges</c> writes both.
    /// </summary>
    public static ModelBuilder ApplyReportType<TReport>(this ModelBuilder modelBuilder, string detailsTable)
        where TReport : Report
    {
        modelBuilder.ApplyReportEnvelope(excludeFromMigrations: true).ApplyDirectory(excludeFromMigrations: true);
        modelBuilder.Entity<Report>().UseTptMappingStrategy();
        modelBuilder.Entity<TReport>().ToTable(detailsTable);
        return modelBuilder;
    }
}
