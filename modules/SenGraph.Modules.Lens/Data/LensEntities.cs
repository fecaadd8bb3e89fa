using System.ComponentModel;
using SenGraph.Modules.Lens.Notifications;

namespace SenGraph.Modules.Lens.Data;

/// <summary>The one ORI a state, DC or territory chose to receive LENS messages, and its State Identification Bureau.</summary>
public sealed class LensStateOri
{
    /// <summary>Two-letter NLETS code of the state, DC or territory (the key).</summary>
    public string State { get; set; } = "";

    /// <summary>The receiving ORI (<see cref="Ori.Normalize"/>).</summary>
    public string Ori { get; set; } = "";

    /// <summary>The state's State Identification Bureau.</summary>
    public string Bureau { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>A range of NCIC offense codes (inclusive) whose conviction makes a release notifiable: data administrators manage.</summary>
public sealed class LensQualifyingOffense
{
    /// <summary>First code of the range, four digits (the key).</summary>
    public string FromCode { get; set; } = "";

    /// <summary>Last code of the range, four digits.</summary>
    public string ToCode { get; set; } = "";

    /// <summary>The offense category, for administrators; never part of a message.</summary>
    public string Category { get; set; } = "";
}

/// <summary>Where a release stands.</summary>
public enum LensReleaseStatus
{
    /// <summary>Recorded; its messages (if any) are in the outbox.</summary>
    [Description("Recorded (perhaps corrected); its messages, if any, are in the outbox.")]
    Recorded,

    /// <summary>Cancelled by an ERO officer before any message was sent.</summary>
    [Description("Cancelled before any of its messages was sent.")]
    Cancelled,
}

/// <summary>A release from ICE custody as an ERO officer recorded it (subject data is PII).</summary>
public sealed class LensRelease
{
    public Guid Id { get; set; }

    public LensReleaseStatus Status { get; set; }

    public DateOnly ReleaseDate { get; set; }

    public string ReleasingFacility { get; set; } = "";

    public string ReleasingState { get; set; } = "";

    public ReleaseKind Kind { get; set; }

    public string LastName { get; set; } = "";

    public string FirstName { get; set; } = "";

    public string? MiddleName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public string Sex { get; set; } = "";

    public string FbiNumber { get; set; } = "";

    public string ResidenceStreet { get; set; } = "";

    public string ResidenceCity { get; set; } = "";

    public string ResidenceState { get; set; } = "";

    public string ResidencePostalCode { get; set; } = "";

    /// <summary>Whether a conviction qualified when the release was last recorded or corrected.</summary>
    public bool Notifiable { get; set; }

    /// <summary>Why the release produced no message; null when it produced at least one.</summary>
    public string? NoMessageReason { get; set; }

    /// <summary>States that should be told but have no LENS ORI, comma-separated (an alert for LESC staff); null when none.</summary>
    public string? StatesWithoutOri { get; set; }

    /// <summary>Why it was cancelled.</summary>
    public string? CancelReason { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: each change bumps it.</summary>
    public int Version { get; set; }

    public List<LensConviction> Convictions { get; set; } = [];

    public CustodyRelease ToCustodyRelease() => new(Id, ReleaseDate, ReleasingFacility, ReleasingState, Kind,
        new ReleasedSubject(LastName, FirstName, MiddleName, DateOfBirth, Sex, FbiNumber),
        new ResidenceAddress(ResidenceStreet, ResidenceCity, ResidenceState, ResidencePostalCode),
        Convictions.Select(c => new Conviction(c.NcicCode, c.Description, c.ConvictedOn, c.Court, c.Sentence)).ToList());
}

/// <summary>A conviction of a released subject: decides whether LENS notifies, never appears in a message.</summary>
public sealed class LensConviction
{
    public Guid Id { get; set; }

    public Guid ReleaseId { get; set; }

    public string NcicCode { get; set; } = "";

    public string? Description { get; set; }

    public DateOnly? ConvictedOn { get; set; }

    public string? Court { get; set; }

    public string? Sentence { get; set; }
}

/// <summary>Where an outbox message stands.</summary>
public enum LensMessageStatus
{
    /// <summary>Waiting for the dispatcher (possibly after a failed attempt, until <see cref="LensMessage.NextAttemptAt"/>).</summary>
    [Description("Waiting for delivery (perhaps after a failed attempt).")]
    Pending,

    /// <summary>Delivered to the transport, which acknowledged it.</summary>
    [Description("Delivered: the transport acknowledged it.")]
    Sent,

    /// <summary>Failed <c>MaxAttempts</c> times; LESC staff may re-queue it.</summary>
    [Description("Dead-lettered after the last failed attempt; LESC staff may re-queue it.")]
    Dead,

    /// <summary>Never sent: its release was cancelled or corrected before delivery.</summary>
    [Description("Withdrawn before delivery: its release was cancelled or corrected.")]
    Cancelled,
}

/// <summary>
/// One NLETS AM in the outbox, written in the same transaction as its release. A dispatcher claims it with a lease
/// (<see cref="LeaseOwner"/> until <see cref="LeaseUntil"/>); its id is the idempotency key the receiver deduplicates on.
/// </summary>
public sealed class LensMessage
{
    public Guid Id { get; set; }

    public Guid ReleaseId { get; set; }

    public NoticeRecipient Recipient { get; set; }

    public string DestinationOri { get; set; } = "";

    /// <summary>The two-letter code of the state told.</summary>
    public string DestinationState { get; set; } = "";

    /// <summary>The message text (<see cref="NletsAmTemplate"/>): holds the subject's biographic data (PII).</summary>
    public string Text { get; set; } = "";

    /// <summary>The sent message this one corrects, if any.</summary>
    public Guid? Replaces { get; set; }

    /// <summary>
    /// True for a withdrawal: a correction that tells a state an earlier notification no longer concerns it (the
    /// subject's residence moved to another state, or the release no longer qualifies). It holds no PII.
    /// </summary>
    public bool Withdraws { get; set; }

    public LensMessageStatus Status { get; set; }

    /// <summary>Failed delivery attempts so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The last delivery error; null when none.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this instant (back-off after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The dispatcher that holds the message; null when free.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease lapses (its holder died or hangs): another dispatcher may claim it then.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: each change bumps it, so two dispatchers (or a dispatcher and an officer) never both win.</summary>
    public int Version { get; set; }

    /// <summary>The key the receiver deduplicates on: the message id, 32 hex digits.</summary>
    public string IdempotencyKey => NletsAmTemplate.Reference(Id);
}
