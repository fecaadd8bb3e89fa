using SenGraph.Contracts.Agency;

namespace SenGraph.Contracts.Modules.Events;

/// <summary>A report was submitted: numbered, and routed to <paramref name="Recipients"/>.</summary>
/// <param name="ReportId">The report; read it with <see cref="Reports.Workflow.IReportEnvelopeReader"/> when needed.</param>
/// <param name="ReportType">The type's code, e.g. <c>SIR</c>.</param>
/// <param name="Number">The number it was given.</param>
/// <param name="OriginatingOffice">The office it belongs to.</param>
/// <param name="SubmittedBy">The user who submitted it.</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="Recipients">The offices and users it was queued for.</param>
public sealed record ReportSubmittedEvent(
    Guid ReportId, string ReportType, string Number, string OriginatingOffice, string SubmittedBy, DateTimeOffset SubmittedAt,
    IReadOnlyList<RecipientRef> Recipients) : IModuleEvent;

/// <summary>A submitted report was amended: <paramref name="Revision"/> is its new revision.</summary>
public sealed record ReportAmendedEvent(
    Guid ReportId, string ReportType, string? Number, int Revision, string AmendedBy, string Reason, DateTimeOffset AmendedAt) : IModuleEvent;

/// <summary>A supervisor returned a report to its author for correction.</summary>
public sealed record ReportReturnedEvent(
    Guid ReportId, string ReportType, string Author, string ReturnedBy, string Reason, DateTimeOffset ReturnedAt) : IModuleEvent;
