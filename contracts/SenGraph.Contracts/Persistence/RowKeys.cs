namespace SenGraph.Contracts.Persistence;

/// <summary>
/// Keys for new rows: version-7 Guids (RFC 9562), whose leading bits are the time they were made. A new row's key sorts
/// after the keys made before it (as text on SQLite, as <c>uuid</c> on PostgreSQL), so inserting it appends to the key's
/// index and to every index led by it (a report's people, recipients, revisions; the audit's record key) instead of
/// dirtying a random page of each: with random keys, writing a million reports rewrote most of those indexes on every
/// commit (bench/RESULTS.md, <c>seed generate</c>). The time they carry (to the millisecond) is no more than the row's own
/// creation time, which every such row shows anyway.
/// </summary>
public static class RowKeys
{
    public static Guid New() => Guid.CreateVersion7();
}
