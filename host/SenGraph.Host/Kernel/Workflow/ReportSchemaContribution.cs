using GraphQL.Types;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Host.GraphQL;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Kernel.Workflow;

/// <summary>
/// The report workflow's part of every schema besides its root fields: the person-role and contact-kind enums composed
/// from the loaded modules' vocabulary (<see cref="ReportVocabularyValue"/>), and <see cref="UnavailableReportGraphType"/>,
/// which resolves reports whose module is not loaded so the <c>Report</c> interface always has an implementation.
/// </summary>
public sealed class ReportSchemaContribution : ISchemaContribution
{
    public IEnumerable<IGraphType> ComposedTypes(IReadOnlyList<LoadedModule> modules)
    {
        var vocabulary = modules.SelectMany(m => m.Services.GetServices<ReportVocabularyValue>()).ToList();
        return [new PersonRoleGraphType(vocabulary), new ContactKindGraphType(vocabulary)];
    }

    public void Apply(ISchema schema, IReadOnlyList<LoadedModule> modules) => schema.RegisterType(new UnavailableReportGraphType());
}
