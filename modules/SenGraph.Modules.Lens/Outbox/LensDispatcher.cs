using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SenGraph.Modules.Lens.Outbox;

/// <summary>
/// The module's background service: claims due outbox messages (<see cref="LensOutbox.ClaimAsync"/>), hands each to
/// the transport under its idempotency key, and marks it sent or failed. Claims live in the database, never in memory:
/// when the host stops, or the module is upgraded or removed, it gives back what it claimed and has not delivered,
/// and the next dispatcher (a new version, another host) continues; a dispatcher killed outright leaves leases that
/// lapse after <see cref="LensOutboxOptions.LeaseDuration"/>.
/// </summary>
public sealed class LensDispatcher(LensOutbox outbox, ILensTransport transport, IOptions<LensOutboxOptions> options, ILogger<LensDispatcher> logger,
    TimeProvider clock) : BackgroundService
{
    /// <summary>Who holds a claim: host, process and this dispatcher instance.</summary>
    public string Owner { get; } = OwnerName();

    private static string OwnerName()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length > 200 ? name[^200..] : name;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation("LENS dispatcher {Owner} delivers through {Transport}.", Owner, transport.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await outbox.ClaimAsync(Owner, stoppingToken);
                if (batch.Count == 0)
                {
                    await Task.Delay(settings.PollInterval + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 100)), clock, stoppingToken);
                    continue;
                }

                await DeliverAsync(batch, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "LENS dispatcher {Owner}: the outbox could not be read or written; trying again.", Owner);
                await Task.Delay(settings.PollInterval, clock, CancellationToken.None);
            }
        }
    }

    private async Task DeliverAsync(IReadOnlyList<Data.LensMessage> batch, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            // Stopping, or too close to the lease's end to deliver safely: give the rest back.
            if (stoppingToken.IsCancellationRequested || clock.GetUtcNow() > message.LeaseUntil - settings.LeaseDuration / 4)
            {
                foreach (var rest in batch.Skip(i)) await outbox.ReleaseAsync(rest, CancellationToken.None);
                return;
            }

            try
            {
                await transport.DeliverAsync(new LensDelivery(message.IdempotencyKey, message.Id, message.DestinationOri, message.Text), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                foreach (var rest in batch.Skip(i)) await outbox.ReleaseAsync(rest, CancellationToken.None);
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("LENS message {Key} to {Ori}: delivery failed ({Error}).", message.IdempotencyKey, message.DestinationOri, e.Message);
                await outbox.MarkFailedAsync(message, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
                continue;
            }

            if (!await outbox.MarkSentAsync(message, CancellationToken.None))
                logger.LogWarning("LENS message {Key}: delivered, but its lease had passed to another dispatcher (which redelivers under the same key).",
                    message.IdempotencyKey);
        }
    }
}
