using SenGraph.Contracts.Reports;

namespace SenGraph.Modules.Sir.Data;

/// <summary>What kind of significant incident a SIR reports (PIA Overview).</summary>
public enum SirCategory
{
    SignificantArrest,
    AssaultOnEmployee,
    FirearmDischargeInvolvingEmployee,
    SignificantSeizure,
    Other,
}

/// <summary>
/// A Significant Incident Report: the shared envelope (table <c>Reports</c>, the host's) plus the SIR's
/// own fields (table <c>SirDetails</c>, this module's), read and written together.
/// </summary>
public sealed class SirReport : Report
{
    public const string TypeCode = "SIR";

    /// <summary>The deadline policy sets for reporting a significant arrest.</summary>
    public static readonly TimeSpan SignificantArrestDeadline = TimeSpan.FromHours(24);

    public SirCategory Category { get; set; }

    /// <summary>Description of seized property (PIA 1.1).</summary>
    public string? SeizedProperty { get; set; }

    /// <summary>Description of injuries sustained (PIA 1.1).</summary>
    public string? Injuries { get; set; }

    /// <summary>The hospital an injured person was taken to (PIA 1.1).</summary>
    public string? Hospital { get; set; }

    /// <summary>The author's notes, e.g. about the arrest.</summary>
    public string? Notes { get; set; }

    /// <summary>Hours from the event to the submission, to one decimal; null before submission or when the event time is unknown.</summary>
    public double? ReportedWithinHours =>
        SubmittedAt is { } submitted && EventAt is { } happened ? Math.Round((submitted - happened).TotalHours, 1) : null;

    /// <summary>For a significant arrest, whether it was submitted within 24 hours of the event; null otherwise or before submission.</summary>
    public bool? WithinPolicyDeadline =>
        Category == SirCategory.SignificantArrest && SubmittedAt is { } submitted && EventAt is { } happened
            ? submitted - happened <= SignificantArrestDeadline
            : null;
}
