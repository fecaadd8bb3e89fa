using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Modules.Lens.Data;
using SenGraph.Modules.Lens.Releases;

namespace SenGraph.Modules.Lens.Outbox;

/// <summary>
/// The outbox's state changes, each one audited save guarded by the message's <see cref="LensMessage.Version"/>: a
/// claim sets a lease (owner and expiry) on due messages nobody holds; only the holder of the lease marks a message
/// sent or failed. Several dispatchers (several host processes on one database) may race: the loser's save changes
/// no row, fails as a concurrency conflict and is rolled back.
/// </summary>
public sealed class LensOutbox(IDbContextFactory<LensDbContext> databases, IOptions<LensOutboxOptions> options, IModuleEvents events, TimeProvider clock)
{
    private static AuditContext System => AuditContext.System("lens dispatcher");

    /// <summary>Claims up to <see cref="LensOutboxOptions.BatchSize"/> due messages for <paramref name="owner"/>; none when another dispatcher won the race.</summary>
    public async Task<IReadOnlyList<LensMessage>> ClaimAsync(string owner, CancellationToken ct)
    {
        var settings = options.Value;
        using var audit = AuditScope.Begin(System);
        await using var db = await databases.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        // A few more candidates than the batch, shuffled: dispatchers polling together rarely pick the same rows.
        var candidates = await db.Messages
            .Where(m => m.Status == LensMessageStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(settings.BatchSize * 3)
            .ToListAsync(ct);
        if (candidates.Count == 0) return [];
        var claimed = candidates.OrderBy(_ => Random.Shared.Next()).Take(settings.BatchSize).ToList();
        foreach (var message in candidates.Except(claimed)) db.Entry(message).State = EntityState.Detached;
        foreach (var message in claimed)
        {
            message.LeaseOwner = owner;
            message.LeaseUntil = now + settings.LeaseDuration;
            message.UpdatedAt = now;
            message.Version++;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return claimed;
        }
        catch (DbUpdateConcurrencyException)
        {
            return [];
        }
    }

    /// <summary>Marks a delivered message sent; false when its lease was lost (another dispatcher owns it now and will redeliver under the same key).</summary>
    public Task<bool> MarkSentAsync(LensMessage claimed, CancellationToken ct) =>
        ChangeAsync(claimed, (m, now) =>
        {
            m.Status = LensMessageStatus.Sent;
            m.SentAt = now;
        }, ct);

    /// <summary>Records a failed attempt: retried later with back-off and jitter, dead-lettered after <see cref="LensOutboxOptions.MaxAttempts"/>.</summary>
    public Task<bool> MarkFailedAsync(LensMessage claimed, string error, CancellationToken ct)
    {
        var settings = options.Value;
        return ChangeAsync(claimed, (m, now) =>
        {
            m.Attempts++;
            m.LastError = error.Length > LensLimits.Error ? error[..LensLimits.Error] : error;
            if (m.Attempts >= settings.MaxAttempts) m.Status = LensMessageStatus.Dead;
            else m.NextAttemptAt = now + LensBackoff.Delay(m.Attempts, settings.BaseDelay, settings.MaxDelay, Random.Shared.NextDouble());
        }, ct);
    }

    /// <summary>Gives a claimed message back undelivered (the dispatcher is stopping): the next dispatcher takes it at once.</summary>
    public Task<bool> ReleaseAsync(LensMessage claimed, CancellationToken ct) => ChangeAsync(claimed, (_, _) => { }, ct);

    /// <summary>LESC staff put a dead-lettered message back in the queue: due now, its failures forgotten (the last error kept until it is sent).</summary>
    public async Task<Contracts.Reports.Result<LensMessage>> RequeueAsync(Guid id, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return Contracts.Reports.Result<LensMessage>.Failure(Contracts.Schema.UserError.ForField("NOT_FOUND", "There is no such message.", "id"));
        if (message.Status != LensMessageStatus.Dead)
            return Contracts.Reports.Result<LensMessage>.Failure(Contracts.Schema.UserError.ForField("ILLEGAL_TRANSITION",
                $"Only a dead-lettered message is re-queued; this one is {LensStatusNames.Of(message.Status)}.", "id"));
        var now = clock.GetUtcNow();
        message.Status = LensMessageStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = now;
        message.LeaseOwner = null;
        message.LeaseUntil = null;
        message.UpdatedAt = now;
        message.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Contracts.Reports.Result<LensMessage>.Failure(Contracts.Schema.UserError.ForField("CONFLICT", "The message changed meanwhile: read it again.", "id"));
        }

        await events.PublishAsync(new LensMessageStatusChanged(message.Id, message.ReleaseId, message.DestinationOri, LensStatusNames.Of(message.Status), now),
            CancellationToken.None);
        return Contracts.Reports.Result<LensMessage>.Success(message);
    }

    private async Task<bool> ChangeAsync(LensMessage claimed, Action<LensMessage, DateTimeOffset> change, CancellationToken ct)
    {
        using var audit = AuditScope.Begin(System);
        await using var db = await databases.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var message = Copy(claimed);
        db.Messages.Attach(message); // the version it was claimed at is the original value the update checks
        var before = message.Status;
        change(message, now);
        message.LeaseOwner = null;
        message.LeaseUntil = null;
        message.UpdatedAt = now;
        message.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        claimed.Version = message.Version;
        if (message.Status != before)
            await events.PublishAsync(new LensMessageStatusChanged(message.Id, message.ReleaseId, message.DestinationOri, LensStatusNames.Of(message.Status), now),
                CancellationToken.None);
        return true;
    }

    private static LensMessage Copy(LensMessage m) => new()
    {
        Id = m.Id, ReleaseId = m.ReleaseId, Recipient = m.Recipient, DestinationOri = m.DestinationOri, DestinationState = m.DestinationState,
        Text = m.Text, Replaces = m.Replaces, Status = m.Status, Attempts = m.Attempts, LastError = m.LastError, CreatedAt = m.CreatedAt,
        NextAttemptAt = m.NextAttemptAt, LeaseOwner = m.LeaseOwner, LeaseUntil = m.LeaseUntil, SentAt = m.SentAt, UpdatedAt = m.UpdatedAt, Version = m.Version,
    };
}
