namespace SenGraph.Contracts.Reports.Kit;

/// <summary>
/// A report type declared by its entity: the module's details class (derived from <see cref="Report"/>) says
/// what its fields are and which rules hold, and the kit derives the GraphQL types, the root fields and the
/// EF Core mapping from that (see <see cref="ReportModule{TReport, TSqliteContext, TSqlServerContext, TPostgreSqlContext}"/>).
/// Static so that the EF Core contexts, which are also created at design time, read the same declaration.
/// </summary>
public interface IDeclaredReport<TSelf> where TSelf : Report, IDeclaredReport<TSelf>
{
    /// <summary>Describes the type: names, policies, options, fields and rules.</summary>
    static abstract void Declare(ReportTypeDefinition<TSelf> type);
}
