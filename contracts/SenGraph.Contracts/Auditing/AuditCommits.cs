using System.Collections.Concurrent;
using System.Data.Common;

namespace SenGraph.Contracts.Auditing;

/// <summary>
/// The highest audit sequence the host has committed, per database: a head below it means newer records were removed
/// while the host ran (the host's <c>verifyAuditTrail</c> checks it). One instance per host, shared with the modules'
/// containers, so what their contexts commit counts too; a container without a host's keeps its own.
/// </summary>
public sealed class AuditCommits
{
    private readonly ConcurrentDictionary<string, long> _highest = new(StringComparer.Ordinal);

    /// <summary>The highest sequence committed to <paramref name="connection"/>'s database (<see cref="DatabaseKey"/>), or 0.</summary>
    public long Highest(DbConnection connection) => _highest.TryGetValue(DatabaseKey(connection), out var value) ? value : 0;

    /// <summary>Notes that records up to <paramref name="sequence"/> were committed to <paramref name="connection"/>'s database.</summary>
    public void Note(DbConnection connection, long sequence) =>
        _highest.AddOrUpdate(DatabaseKey(connection), sequence, (_, known) => Math.Max(known, sequence));

    /// <summary>Identifies a database across connections: data source and database name.</summary>
    public static string DatabaseKey(DbConnection connection) => connection.DataSource + "|" + connection.Database;
}
