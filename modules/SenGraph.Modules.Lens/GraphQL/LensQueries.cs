using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Schema;
using SenGraph.Modules.Lens.Data;

namespace SenGraph.Modules.Lens.GraphQL;

/// <summary>LENS's root query fields: releases and messages paged, filtered and sorted like the rest of the API; the directory; metrics.</summary>
public sealed class LensQueries : ObjectGraphType
{
    public LensQueries(IDbContextFactory<LensDbContext> databases, TimeProvider clock)
    {
        Name = "LensQueries";
        Description = "Root query fields of the LENS module.";

        Field<LensReleaseGraphType>("lensRelease")
            .Description("A custody release by id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The release's id.")
            .AuthorizeWithPolicy(LensModule.ReaderPolicy)
            .ResolveAsync(async c =>
            {
                if (IdArgument.ToGuidOrNull(c.GetArgument<string>("id")) is not { } id) return null;
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await db.Releases.AsNoTracking().Include(r => r.Convictions).SingleOrDefaultAsync(r => r.Id == id, c.CancellationToken);
            });

        this.ConnectionField<LensReleaseGraphType, LensRelease>("lensReleases")
            .Description("Custody releases recorded for LENS, most recently changed first unless ordered otherwise.")
            .AuthorizeWithPolicy(LensModule.ReaderPolicy)
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await db.Releases.AsNoTracking().OrderByDescending(r => r.UpdatedAt).ToConnectionAsync(c);
            });

        this.ConnectionField<LensMessageGraphType, LensMessage>("lensMessages")
            .Description("The LENS outbox: every message with its delivery status, newest first unless ordered otherwise.")
            .AuthorizeWithPolicy(LensModule.LescPolicy)
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await db.Messages.AsNoTracking().OrderByDescending(m => m.CreatedAt).ToConnectionAsync(c);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LensStateOriGraphType>>>>("lensStateOris")
            .Description("The state ORI directory: the ORI each state, DC or territory chose for LENS messages, by state code.")
            .AuthorizeWithPolicy(LensModule.DirectoryPolicy)
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await db.StateOris.AsNoTracking().OrderBy(o => o.State).ToListAsync(c.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LensQualifyingOffenseGraphType>>>>("lensQualifyingOffenses")
            .Description("The NCIC offense code ranges whose conviction makes a release notifiable.")
            .AuthorizeWithPolicy(LensModule.OffensesPolicy)
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await db.QualifyingOffenses.AsNoTracking().OrderBy(o => o.FromCode).ToListAsync(c.CancellationToken);
            });

        Field<NonNullGraphType<LensDeliveryMetricsGraphType>>("lensDeliveryMetrics")
            .Description("Delivery figures of the LENS outbox for LESC staff: counts by status, retries, latency.")
            .AuthorizeWithPolicy(LensModule.LescPolicy)
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                var counts = await db.Messages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(c.CancellationToken);
                var retried = await db.Messages.CountAsync(m => m.Attempts > 0, c.CancellationToken);
                var failed = await db.Messages.SumAsync(m => m.Attempts, c.CancellationToken);
                // Latency from the sent messages' two instants (read as values: SQLite stores them as integers).
                var sent = await db.Messages.Where(m => m.Status == LensMessageStatus.Sent)
                    .Select(m => new { m.CreatedAt, m.SentAt }).ToListAsync(c.CancellationToken);
                var latencies = sent.Select(s => (s.SentAt!.Value - s.CreatedAt).TotalSeconds).Order().ToList();
                int Count(LensMessageStatus status) => counts.FirstOrDefault(x => x.Key == status)?.Count ?? 0;
                return new LensDeliveryMetrics(Count(LensMessageStatus.Pending), Count(LensMessageStatus.Sent), Count(LensMessageStatus.Dead),
                    Count(LensMessageStatus.Cancelled), retried, failed,
                    latencies.Count == 0 ? null : latencies.Average(),
                    latencies.Count == 0 ? null : latencies[^1],
                    latencies.Count == 0 ? null : latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1]);
            });
    }
}
