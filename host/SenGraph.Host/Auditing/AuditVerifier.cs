using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Auditing;

/// <summary>What is wrong with the audit trail at its first broken record.</summary>
public enum AuditProblem
{
    /// <summary>A record's content (or its hash) is not what was written.</summary>
    Altered,

    /// <summary>Records are missing: the sequence has a gap.</summary>
    Removed,

    /// <summary>An authentic record sits earlier than it was written: records were swapped or moved.</summary>
    Reordered,

    /// <summary>An authentic record sits later than it was written: records were inserted before it.</summary>
    Inserted,

    /// <summary>The newest records are gone: the trail ends before a head known to exist.</summary>
    Truncated,
}

/// <summary>A head of the trail noted elsewhere (say by <c>verifyAuditTrail</c> last week), to check the trail still holds it.</summary>
public sealed record AuditAnchor(long Sequence, string Hash);

/// <summary>The outcome of <see cref="AuditVerifier.VerifyAsync"/>.</summary>
public sealed record AuditVerification(
    bool Intact, long RecordCount, long HeadSequence, string HeadHash, long? FirstBrokenSequence, AuditProblem? Problem, string Message,
    long HighestSequenceWrittenByThisProcess);

/// <summary>
/// Recomputes the chain from record 1 in order, streaming (the whole trail is never in memory), and stops at
/// the first broken record: a gap in the sequence (removed), a record whose hash does not match its content
/// (altered, unless the record is authentic and merely elsewhere: then reordered or inserted), or a record
/// not chained to the one before it. The head is checked against the highest sequence this process has
/// written and against an <see cref="AuditAnchor"/> the caller kept: without either, removing the newest
/// records is indistinguishable from their never having been written.
/// </summary>
public sealed class AuditVerifier(SenDatabase database)
{
    public async Task<AuditVerification> VerifyAsync(AuditAnchor? anchor, CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var written = database.AuditCommits.Highest(db.Database.GetDbConnection());
        long count = 0, expected = 1;
        var previousHash = AuditChain.GenesisHash;
        AuditVerification Broken(long sequence, AuditProblem problem, string message) =>
            new(false, count, expected - 1, previousHash, sequence, problem, message, written);

        await foreach (var record in db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (record.Sequence != expected)
                return Broken(expected, AuditProblem.Removed, record.Sequence - expected == 1
                    ? $"Record {expected} is missing (the next one is {record.Sequence})."
                    : $"Records {expected} to {record.Sequence - 1} are missing.");
            if (AuditChain.ComputeHash(record.Sequence, record.At, record.Entry, record.PreviousHash) != record.Hash)
            {
                // Authentic but elsewhere? Its original number follows the record its PreviousHash names.
                var original = record.PreviousHash == AuditChain.GenesisHash ? 1
                    : await db.AuditRecords.AsNoTracking().Where(r => r.Hash == record.PreviousHash).Select(r => (long?)r.Sequence + 1).FirstOrDefaultAsync(cancellationToken);
                if (original is { } o && o != record.Sequence && AuditChain.ComputeHash(o, record.At, record.Entry, record.PreviousHash) == record.Hash)
                    return Broken(record.Sequence, o > record.Sequence ? AuditProblem.Reordered : AuditProblem.Inserted,
                        $"Record {record.Sequence} holds the record written as number {o}: records were {(o > record.Sequence ? "reordered" : "inserted before it")}.");
                return Broken(record.Sequence, AuditProblem.Altered, $"Record {record.Sequence} does not match its hash: its content was changed.");
            }

            if (record.PreviousHash != previousHash)
                return Broken(record.Sequence - 1, AuditProblem.Altered,
                    $"Record {record.Sequence} is not chained to record {record.Sequence - 1}: that record was replaced or altered and rehashed.");
            if (anchor is not null && record.Sequence == anchor.Sequence && !string.Equals(record.Hash, anchor.Hash, StringComparison.OrdinalIgnoreCase))
                return Broken(record.Sequence, AuditProblem.Altered, $"Record {record.Sequence} is not the one anchored (hash {anchor.Hash}).");
            previousHash = record.Hash;
            count++;
            expected++;
        }

        var head = expected - 1;
        if (written > head)
            return Broken(expected, AuditProblem.Truncated, $"The trail ends at record {head}, but this host has written up to record {written}: the newest records were removed.");
        if (anchor is not null && anchor.Sequence > head)
            return Broken(expected, AuditProblem.Truncated, $"The trail ends at record {head}, before the anchored record {anchor.Sequence}: the newest records were removed.");
        return new AuditVerification(true, count, head, previousHash, null, null,
            $"The trail is intact: {count} records, head {head}. Keep the head sequence and hash outside the database to detect later truncation.", written);
    }
}
