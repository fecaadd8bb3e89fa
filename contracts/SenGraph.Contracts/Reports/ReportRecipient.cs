// The queue entry lives with the reports, where a reader looks for queues, but keeps the namespace it was published in:
// modules built against contracts 1.7 (released, so possibly outside this repository) reference
// SenGraph.Contracts.Agency.ReportRecipient, and a type's namespace is part of its identity to the runtime.
namespace SenGraph.Contracts.Agency;

/// <summary>
/// A report in a recipient's queue: one row per report and recipient, with when the recipient
/// read and acknowledged it. <see cref="ReportId"/> refers to the report envelope.
/// </summary>
public sealed class ReportRecipient
{
    /// <summary>Identifier of the row.</summary>
    public Guid Id { get; set; }

    /// <summary>The report.</summary>
    public Guid ReportId { get; set; }

    /// <summary>User or office.</summary>
    public RecipientKind Kind { get; set; }

    /// <summary>User name or office code.</summary>
    public required string Code { get; set; }

    /// <summary>Routed or named by the submitter.</summary>
    public RecipientReason Reason { get; set; }

    /// <summary>When the report entered the queue.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>When the recipient first read it; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When the recipient acknowledged it; null while not acknowledged.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
