using GraphQL;
using SenGraph.Contracts.Agency;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// Reads what hangs off report envelopes, many reports at a time: the host provides it (request
/// services), and the <c>Report</c> fields every report type shares batch their loads through it, so
/// a page of reports costs one SQL statement per kind of child, whatever its size.
/// </summary>
public interface IReportEnvelopeReader
{
    Task<ILookup<Guid, ReportPerson>> PeopleAsync(IReadOnlyList<Guid> reportIds, CancellationToken cancellationToken);

    Task<ILookup<Guid, ReportContact>> ContactsAsync(IReadOnlyList<Guid> reportIds, CancellationToken cancellationToken);

    Task<ILookup<Guid, ReportNarrative>> NarrativesAsync(IReadOnlyList<Guid> reportIds, CancellationToken cancellationToken);

    Task<ILookup<Guid, ReportRecipient>> RecipientsAsync(IReadOnlyList<Guid> reportIds, CancellationToken cancellationToken);

    Task<ILookup<Guid, ReportRevision>> RevisionsAsync(IReadOnlyList<Guid> reportIds, CancellationToken cancellationToken);

    /// <summary>
    /// The report as <paramref name="revision"/> kept it, typed by its module when the module is loaded in the
    /// schema <paramref name="context"/> runs on (the envelope only otherwise).
    /// </summary>
    Report ReadRevision(IResolveFieldContext context, ReportRevision revision);
}
