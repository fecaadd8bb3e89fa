namespace SenGraph.Host.Auditing;

/// <summary>Group commit of the audit trail (configuration section <c>Audit:GroupCommit</c>), see <see cref="AuditWriter"/>.</summary>
public sealed class AuditWriterSettings
{
    public const string Section = "Audit:GroupCommit";

    /// <summary>
    /// The most records one transaction appends (requests waiting beyond it go into the next). A request's own
    /// records are never split: a request with more records than this gets a transaction to itself.
    /// </summary>
    public int MaxBatchRecords { get; set; } = 2000;

    /// <summary>
    /// How long the writer waits for more requests before it writes a batch that is not full. Zero (the default)
    /// writes as soon as the writer is free: requests arriving while one batch is written form the next, which
    /// is where batches come from under load, and a lone request waits for nobody.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.Zero;

    /// <summary>Every problem, naming the key to fix; empty when the settings can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxBatchRecords is < 1 or > 100_000)
            problems.Add($"{Section}:MaxBatchRecords must be between 1 and 100000 (it is {MaxBatchRecords}).");
        if (MaxWait < TimeSpan.Zero || MaxWait > TimeSpan.FromSeconds(1))
            problems.Add($"{Section}:MaxWait must be between 00:00:00 and 00:00:01 (it is {MaxWait}).");
        return problems;
    }
}
