using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports;
using SenGraph.Modules.Lens.Data;
using SenGraph.Modules.Lens.Notifications;

namespace SenGraph.Modules.Lens.GraphQL;

public sealed class LensReleaseKindGraphType : EnumerationGraphType<ReleaseKind>
{
    public LensReleaseKindGraphType()
    {
        Name = "LensReleaseKind";
        Description = "How ICE released the subject: what the message tells the state.";
    }
}

public sealed class LensReleaseStatusGraphType : EnumerationGraphType<LensReleaseStatus>
{
    public LensReleaseStatusGraphType()
    {
        Name = "LensReleaseStatus";
        Description = "Where a custody release stands.";
    }
}

public sealed class LensMessageStatusGraphType : EnumerationGraphType<LensMessageStatus>
{
    public LensMessageStatusGraphType()
    {
        Name = "LensMessageStatus";
        Description = "Where a LENS message stands in the outbox.";
    }
}

public sealed class LensNoticeRecipientGraphType : EnumerationGraphType<NoticeRecipient>
{
    public LensNoticeRecipientGraphType()
    {
        Name = "LensNoticeRecipient";
        Description = "Which state a message tells: where the subject will reside, or where ICE released them.";
    }
}

/// <summary>A custody release; the subject's data is PII (need to know).</summary>
public sealed class LensReleaseGraphType : ObjectGraphType<LensRelease>
{
    public LensReleaseGraphType(IDbContextFactory<LensDbContext> databases)
    {
        Name = "LensRelease";
        Description = "A release from ICE custody an ERO officer recorded for LENS, and what LENS made of it.";
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The release's id.");
        Field(r => r.Status, type: typeof(NonNullGraphType<LensReleaseStatusGraphType>)).Description("Recorded, or cancelled before any message was sent.");
        Field(r => r.ReleaseDate).Description("The day ICE released the subject.");
        Field(r => r.ReleasingFacility).Description("The facility that released the subject.");
        Field(r => r.ReleasingState).Description("The releasing facility's state (two letters).");
        Field(r => r.Kind, type: typeof(NonNullGraphType<LensReleaseKindGraphType>)).Description("Order of supervision, bond, or other.");
        Field(r => r.ResidenceState).Description("The state where the subject will reside (two letters).");
        Field(r => r.Notifiable).Description("Whether a conviction has a qualifying NCIC offense code.");
        Field(r => r.RecordedBy).Description("The ERO officer who recorded the release.");
        Field(r => r.RecordedAt).Description("When it was recorded.");
        Field(r => r.UpdatedAt).Description("When it last changed (recorded, corrected or cancelled).");
        Field(r => r.Version).Description("Send it back as expectedVersion to correct or cancel the release.");
        Field<StringGraphType>("noMessageReason").Description("Why the release produced no message; null when it produced at least one.")
            .Resolve(c => c.Source.NoMessageReason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("statesWithoutOri")
            .Description("States that should be told but have no LENS ORI on file: an alert for LESC staff (no message went to them).")
            .Resolve(c => c.Source.StatesWithoutOri?.Split(',') ?? []);
        Field<StringGraphType>("cancelReason").Description("Why the release was cancelled.").Resolve(c => c.Source.CancelReason);
        Field<NonNullGraphType<StringGraphType>>("lastName").Description("The subject's family name.").Resolve(c => c.Source.LastName).Pii();
        Field<NonNullGraphType<StringGraphType>>("firstName").Description("The subject's given name.").Resolve(c => c.Source.FirstName).Pii();
        Field<StringGraphType>("middleName").Description("The subject's middle name(s).").Resolve(c => c.Source.MiddleName).Pii();
        Field<NonNullGraphType<DateOnlyGraphType>>("dateOfBirth").Description("The subject's date of birth.").Resolve(c => c.Source.DateOfBirth).Pii();
        Field<NonNullGraphType<StringGraphType>>("sex").Description("M, F or U.").Resolve(c => c.Source.Sex).Pii();
        Field<NonNullGraphType<StringGraphType>>("fbiNumber").Description("The subject's FBI number.").Resolve(c => c.Source.FbiNumber).Pii();
        Field<NonNullGraphType<StringGraphType>>("residenceStreet").Description("Where the subject will reside: street.").Resolve(c => c.Source.ResidenceStreet).Pii();
        Field<NonNullGraphType<StringGraphType>>("residenceCity").Description("Where the subject will reside: city.").Resolve(c => c.Source.ResidenceCity).Pii();
        Field<NonNullGraphType<StringGraphType>>("residencePostalCode").Description("Where the subject will reside: postal code.")
            .Resolve(c => c.Source.ResidencePostalCode).Pii();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LensConvictionGraphType>>>>("convictions")
            .Description("The subject's convictions as recorded: they decide whether LENS notifies, and never appear in a message.")
            .ResolveAsync(async c =>
            {
                if (c.Source.Convictions.Count > 0) return c.Source.Convictions;
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await db.Convictions.AsNoTracking().Where(v => v.ReleaseId == c.Source.Id).OrderBy(v => v.NcicCode).ToListAsync(c.CancellationToken);
            }).Pii();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LensMessageGraphType>>>>("messages")
            .Description("The messages the release produced (corrections and cancellations included), oldest first.")
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                var messages = await db.Messages.AsNoTracking().Where(m => m.ReleaseId == c.Source.Id).ToListAsync(c.CancellationToken);
                return messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Recipient).ToList();
            });
    }
}

public sealed class LensConvictionGraphType : ObjectGraphType<LensConviction>
{
    public LensConvictionGraphType()
    {
        Name = "LensConviction";
        Description = "A conviction of a released subject (PII): never part of a message.";
        Field<NonNullGraphType<StringGraphType>>("ncicCode").Description("The NCIC offense code, four digits.").Resolve(c => c.Source.NcicCode).Pii();
        Field<StringGraphType>("description").Description("The offense as recorded.").Resolve(c => c.Source.Description).Pii();
        Field<DateOnlyGraphType>("convictedOn").Description("The date of conviction.").Resolve(c => c.Source.ConvictedOn).Pii();
        Field<StringGraphType>("court").Description("The convicting court.").Resolve(c => c.Source.Court).Pii();
        Field<StringGraphType>("sentence").Description("The sentence.").Resolve(c => c.Source.Sentence).Pii();
    }
}

/// <summary>An outbox message; its text holds the subject's biographic data (PII).</summary>
public sealed class LensMessageGraphType : ObjectGraphType<LensMessage>
{
    public LensMessageGraphType()
    {
        Name = "LensMessage";
        Description = "One NLETS administrative message in the LENS outbox.";
        Field(m => m.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The message's id.");
        Field(m => m.ReleaseId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The custody release it notifies.");
        Field(m => m.Recipient, type: typeof(NonNullGraphType<LensNoticeRecipientGraphType>)).Description("Which state it tells.");
        Field(m => m.DestinationOri).Description("The ORI it is addressed to.");
        Field(m => m.DestinationState).Description("The state it tells (two letters).");
        Field(m => m.Status, type: typeof(NonNullGraphType<LensMessageStatusGraphType>)).Description("Pending, sent, dead-lettered or cancelled.");
        Field(m => m.Attempts).Description("Failed delivery attempts so far.");
        Field(m => m.CreatedAt).Description("When it was written to the outbox (with its release).");
        Field(m => m.NextAttemptAt).Description("Not delivered before this instant (back-off after a failure).");
        Field(m => m.SentAt, nullable: true).Description("When the transport acknowledged it.");
        Field(m => m.UpdatedAt).Description("When it last changed.");
        Field<StringGraphType>("lastError").Description("The last delivery error (for a dead letter: why it died).").Resolve(c => c.Source.LastError);
        Field<IdGraphType>("replaces").Description("The sent message this corrected message replaces.").Resolve(c => c.Source.Replaces);
        Field(m => m.Withdraws).Description("True when this correction withdraws the message it replaces: the state is no longer concerned (residence moved, or the release no longer qualifies).");
        Field<NonNullGraphType<StringGraphType>>("idempotencyKey").Description("The key the receiver deduplicates on (the message id, 32 hex digits).")
            .Resolve(c => c.Source.IdempotencyKey);
        Field<NonNullGraphType<StringGraphType>>("text").Description("The message as the state receives it (names the subject).").Resolve(c => c.Source.Text).Pii();
    }
}

public sealed class LensStateOriGraphType : ObjectGraphType<LensStateOri>
{
    public LensStateOriGraphType()
    {
        Name = "LensStateOri";
        Description = "The ORI a state, DC or territory chose to receive LENS messages.";
        Field(o => o.State).Description("The state's two-letter NLETS code.");
        Field(o => o.Ori).Description("The receiving ORI.");
        Field(o => o.Bureau).Description("The state's State Identification Bureau.");
        Field(o => o.UpdatedAt).Description("When the entry last changed.");
        Field(o => o.UpdatedBy).Description("Who last changed it.");
    }
}

public sealed class LensQualifyingOffenseGraphType : ObjectGraphType<LensQualifyingOffense>
{
    public LensQualifyingOffenseGraphType()
    {
        Name = "LensQualifyingOffense";
        Description = "A range of NCIC offense codes whose conviction makes a release notifiable.";
        Field<NonNullGraphType<StringGraphType>>("from").Description("First code, four digits.").Resolve(c => c.Source.FromCode);
        Field<NonNullGraphType<StringGraphType>>("to").Description("Last code (inclusive), four digits.").Resolve(c => c.Source.ToCode);
        Field<NonNullGraphType<StringGraphType>>("category").Description("The offense category.").Resolve(c => c.Source.Category);
    }
}

/// <summary>What <c>lensMessageStatusChanged</c> emits: no subject data.</summary>
public sealed class LensMessageStatusChangedGraphType : ObjectGraphType<LensMessageStatusChanged>
{
    public LensMessageStatusChangedGraphType()
    {
        Name = "LensMessageStatusChanged";
        Description = "A LENS message moved to another status.";
        Field<NonNullGraphType<IdGraphType>>("messageId").Description("The message.").Resolve(c => c.Source.MessageId);
        Field<NonNullGraphType<IdGraphType>>("releaseId").Description("The release it notifies.").Resolve(c => c.Source.ReleaseId);
        Field<NonNullGraphType<StringGraphType>>("destinationOri").Description("The ORI it is addressed to.").Resolve(c => c.Source.DestinationOri);
        Field<NonNullGraphType<LensMessageStatusGraphType>>("status").Description("Its new status.")
            .Resolve(c => Enum.Parse<LensMessageStatus>(c.Source.Status, ignoreCase: true));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When it changed.").Resolve(c => c.Source.At);
    }
}

/// <summary>Delivery figures for LESC staff.</summary>
public sealed record LensDeliveryMetrics(int Pending, int Sent, int Dead, int Cancelled, int Retried, int FailedAttempts, double? AverageLatencySeconds,
    double? MaxLatencySeconds, double? P95LatencySeconds);

public sealed class LensDeliveryMetricsGraphType : ObjectGraphType<LensDeliveryMetrics>
{
    public LensDeliveryMetricsGraphType()
    {
        Name = "LensDeliveryMetrics";
        Description = "How the LENS outbox delivers: counts by status, retries, and the time from outbox to acknowledgement.";
        Field(m => m.Pending).Description("Messages waiting for delivery.");
        Field(m => m.Sent).Description("Messages delivered.");
        Field(m => m.Dead).Description("Messages dead-lettered (waiting for LESC staff to re-queue).");
        Field(m => m.Cancelled).Description("Messages withdrawn before delivery (release corrected or cancelled).");
        Field(m => m.Retried).Description("Messages that needed more than one attempt (whatever their status now).");
        Field(m => m.FailedAttempts).Description("Failed delivery attempts counted on the messages' current attempt counters.");
        Field(m => m.AverageLatencySeconds, nullable: true).Description("Mean seconds from outbox to acknowledgement over sent messages.");
        Field(m => m.P95LatencySeconds, nullable: true).Description("95th percentile of those seconds.");
        Field(m => m.MaxLatencySeconds, nullable: true).Description("Longest of those seconds.");
    }
}
