using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;
using SenGraph.Modules.Lens.Data;
using SenGraph.Modules.Lens.Notifications;

namespace SenGraph.Modules.Lens.Releases;

/// <summary>
/// Records, corrects and cancels custody releases. A release and the outbox messages it produces
/// (<see cref="LensNotices.Decide"/>, text by <see cref="NletsAmTemplate"/>) are written by one <c>SaveChangesAsync</c>,
/// so in one transaction with their audit records: both or neither. Before delivery a correction replaces the pending
/// messages and a cancellation withdraws them; after delivery a correction writes a corrected message (quoting the one
/// it replaces), or a withdrawal to a state the correction no longer concerns, and a cancellation is refused.
/// </summary>
public sealed class LensReleases(IDbContextFactory<LensDbContext> databases, IModuleEvents events, TimeProvider clock)
{
    public async Task<Result<LensRelease>> RecordAsync(string user, ReleaseInput input, CancellationToken ct)
    {
        if (input.Check() is { Count: > 0 } errors) return Result<LensRelease>.Failure([.. errors]);
        await using var db = await databases.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var release = new LensRelease { Id = Guid.NewGuid(), Status = LensReleaseStatus.Recorded, RecordedBy = user, RecordedAt = now, UpdatedAt = now, Version = 1 };
        input.ApplyTo(release);
        var messages = await DecideAsync(db, release, sent: new Dictionary<string, Guid>(), now, ct);
        db.Releases.Add(release);
        db.Messages.AddRange(messages);
        await db.SaveChangesAsync(ct);
        await PublishAsync(messages, ct);
        return Result<LensRelease>.Success(release);
    }

    public async Task<Result<LensRelease>> CorrectAsync(string user, Guid id, int expectedVersion, ReleaseInput input, CancellationToken ct)
    {
        if (input.Check() is { Count: > 0 } errors) return Result<LensRelease>.Failure([.. errors]);
        await using var db = await databases.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var (release, messages, error) = await LoadForChangeAsync(db, id, expectedVersion, now, ct);
        if (error is not null) return Result<LensRelease>.Failure(error);

        db.Convictions.RemoveRange(release!.Convictions);
        input.ApplyTo(release);
        db.Convictions.AddRange(release.Convictions);
        release.UpdatedAt = now;
        release.Version++;
        var changed = new List<LensMessage>();
        foreach (var message in messages!.Where(m => m.Status is LensMessageStatus.Pending or LensMessageStatus.Dead))
        {
            Withdraw(message, "Replaced by a correction of the release before it was sent.", now);
            changed.Add(message);
        }

        var lastSent = messages!.Where(m => m.Status == LensMessageStatus.Sent)
            .GroupBy(m => m.DestinationState).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.SentAt).First());
        var added = await DecideAsync(db, release, lastSent.ToDictionary(p => p.Key, p => p.Value.Id), now, ct);
        added.AddRange(Withdrawals(release, lastSent.Values, told: added.Select(m => m.DestinationState).ToHashSet(), now));
        db.Messages.AddRange(added);
        if (await SaveAsync(db, ct) is { } conflict) return Result<LensRelease>.Failure(conflict);
        await PublishAsync([.. changed, .. added], ct);
        return Result<LensRelease>.Success(release);
    }

    public async Task<Result<LensRelease>> CancelAsync(string user, Guid id, int expectedVersion, string? reason, CancellationToken ct)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is null) return Result<LensRelease>.Failure(UserError.ForField("REQUIRED", "Say why the release is cancelled.", "reason"));
        if (why.Length > LensLimits.Reason) return Result<LensRelease>.Failure(UserError.ForField("TOO_LONG", $"The reason is at most {LensLimits.Reason} characters.", "reason"));
        await using var db = await databases.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var (release, messages, error) = await LoadForChangeAsync(db, id, expectedVersion, now, ct);
        if (error is not null) return Result<LensRelease>.Failure(error);
        if (messages!.Any(m => m.Status == LensMessageStatus.Sent))
            return Result<LensRelease>.Failure(UserError.ForField("ILLEGAL_TRANSITION",
                "A message of this release was already sent: correct the release instead (the states get a corrected message).", "id"));

        release!.Status = LensReleaseStatus.Cancelled;
        release.CancelReason = why;
        release.UpdatedAt = now;
        release.Version++;
        var changed = messages!.Where(m => m.Status is LensMessageStatus.Pending or LensMessageStatus.Dead).ToList();
        foreach (var message in changed) Withdraw(message, "The release was cancelled before the message was sent.", now);
        if (await SaveAsync(db, ct) is { } conflict) return Result<LensRelease>.Failure(conflict);
        await PublishAsync(changed, ct);
        return Result<LensRelease>.Success(release);
    }

    /// <summary>
    /// A withdrawal for each state that was sent a notification the corrected release no longer gives it (the residence
    /// moved to another state, or no conviction qualifies any more), unless what it was last sent is a withdrawal already.
    /// </summary>
    private static IEnumerable<LensMessage> Withdrawals(LensRelease release, IEnumerable<LensMessage> lastSent, HashSet<string> told, DateTimeOffset now) =>
        lastSent.Where(m => !m.Withdraws && !told.Contains(m.DestinationState)).Select(m =>
        {
            var id = Guid.NewGuid();
            return new LensMessage
            {
                Id = id, ReleaseId = release.Id, Recipient = m.Recipient, DestinationOri = m.DestinationOri, DestinationState = m.DestinationState,
                Text = NletsAmTemplate.RenderWithdrawal(id, m.DestinationOri, m.Id), Replaces = m.Id, Withdraws = true,
                Status = LensMessageStatus.Pending, CreatedAt = now, NextAttemptAt = now, UpdatedAt = now, Version = 1,
            };
        });

    private static void Withdraw(LensMessage message, string why, DateTimeOffset now)
    {
        message.Status = LensMessageStatus.Cancelled;
        message.LastError = why;
        message.LeaseOwner = null;
        message.LeaseUntil = null;
        message.UpdatedAt = now;
        message.Version++;
    }

    private static async Task<(LensRelease?, List<LensMessage>?, UserError?)> LoadForChangeAsync(LensDbContext db, Guid id, int expectedVersion,
        DateTimeOffset now, CancellationToken ct)
    {
        var release = await db.Releases.Include(r => r.Convictions).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (release is null) return (null, null, UserError.ForField("NOT_FOUND", "There is no such release.", "id"));
        if (release.Version != expectedVersion)
            return (null, null, UserError.ForField("VERSION_MISMATCH",
                $"The release changed since you read it (version {release.Version}, you sent {expectedVersion}): read it again.", "expectedVersion"));
        if (release.Status == LensReleaseStatus.Cancelled)
            return (null, null, UserError.ForField("ILLEGAL_TRANSITION", "The release was cancelled.", "id"));
        var messages = await db.Messages.Where(m => m.ReleaseId == id).ToListAsync(ct);
        if (messages.Any(m => m.Status == LensMessageStatus.Pending && m.LeaseOwner is not null && m.LeaseUntil > now))
            return (null, null, UserError.ForField("CONFLICT", "A message of this release is being delivered right now: try again in a minute.", "id"));
        return (release, messages, null);
    }

    private static async Task<UserError?> SaveAsync(LensDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return UserError.ForField("CONFLICT", "The release or one of its messages changed meanwhile (a delivery started): try again.", "id");
        }
    }

    /// <summary>The messages <paramref name="release"/> produces now; records on it why there are none, and which states lack an ORI.</summary>
    private static async Task<List<LensMessage>> DecideAsync(LensDbContext db, LensRelease release, IReadOnlyDictionary<string, Guid> sent,
        DateTimeOffset now, CancellationToken ct)
    {
        var ranges = await db.QualifyingOffenses.AsNoTracking().ToListAsync(ct);
        var qualifying = new QualifyingOffenses(ranges.Select(r => new OffenseCodeRange(r.FromCode, r.ToCode, r.Category)).ToList());
        var states = new[] { release.ReleasingState, release.ResidenceState };
        var oris = await db.StateOris.AsNoTracking().Where(o => states.Contains(o.State)).ToDictionaryAsync(o => o.State, o => o.Ori, ct);
        var decision = LensNotices.Decide(release.ToCustodyRelease(), qualifying, oris, Guid.NewGuid);
        release.Notifiable = release.Convictions.Any(c => qualifying.Qualifies(c.NcicCode));
        release.NoMessageReason = decision.Reason;
        release.StatesWithoutOri = decision.StatesWithoutOri.Count > 0 ? string.Join(",", decision.StatesWithoutOri) : null;
        return decision.Notices.Select(n =>
        {
            var state = n.Recipient == NoticeRecipient.ResidenceState ? release.ResidenceState : release.ReleasingState;
            var notice = sent.TryGetValue(state, out var replaced) ? n with { Replaces = replaced } : n;
            return new LensMessage
            {
                Id = notice.MessageId, ReleaseId = release.Id, Recipient = notice.Recipient, DestinationOri = notice.DestinationOri,
                DestinationState = state, Text = NletsAmTemplate.Render(notice), Replaces = notice.Replaces, Status = LensMessageStatus.Pending,
                CreatedAt = now, NextAttemptAt = now, UpdatedAt = now, Version = 1,
            };
        }).ToList();
    }

    private async Task PublishAsync(IEnumerable<LensMessage> messages, CancellationToken ct)
    {
        foreach (var m in messages)
            await events.PublishAsync(new LensMessageStatusChanged(m.Id, m.ReleaseId, m.DestinationOri, LensStatusNames.Of(m.Status), m.UpdatedAt), CancellationToken.None);
    }
}

/// <summary>Status names as events and GraphQL spell them (<c>PENDING</c>, <c>SENT</c>, <c>DEAD</c>, <c>CANCELLED</c>).</summary>
public static class LensStatusNames
{
    public static string Of(LensMessageStatus status) => status.ToString().ToUpperInvariant();
}
