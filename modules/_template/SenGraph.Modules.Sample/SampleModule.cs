using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Modules.Sample.Data;

namespace SenGraph.Modules.Sample;

/// <summary>Sample report: a report type on the shared workflow (see modules/README.md). The type is declared by <see cref="SampleReport"/>.</summary>
public sealed class SampleModule : ReportModule<SampleReport, SqliteSampleDbContext, SqlServerSampleDbContext, PostgreSqlSampleDbContext>
{
    // Id: lower-case letters, digits, dashes; it names the module's migrations history table (__Migrations_<id>).
    // Version: semantic version, bump it with every release.
    public override ModuleManifest Manifest { get; } = ModuleManifest.Of<SampleModule>("sample", "Sample report");
}
