using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.Auditing;

namespace SenGraph.Host.Security;

/// <summary>
/// Rejected tokens that prove nothing about any account (see <see cref="TokenEvidence"/>), per client address: limited
/// with a fixed-window rate limiter (ASP.NET Core's <c>System.Threading.RateLimiting</c>), and audited as one
/// <c>LogonFailed</c> record per address per interval with their count, the reasons and the user names they claimed
/// (unverified), so a flood of bad tokens neither locks anyone out nor floods the audit trail.
/// </summary>
public sealed class UnverifiedLogonFailures : IDisposable
{
    /// <summary>Addresses counted at once; beyond it, failures are counted under <see cref="OtherSources"/>.</summary>
    private const int MaxSources = 10_000;

    private const int MaxNamesPerSource = 5;
    public const string OtherSources = "other addresses";

    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly AuditTrail _trail;
    private readonly AccountSettings _settings;
    private readonly ILogger<UnverifiedLogonFailures> _logger;
    private ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

    public UnverifiedLogonFailures(AuditTrail trail, AccountSettings settings, ILogger<UnverifiedLogonFailures> logger)
    {
        _trail = trail;
        _settings = settings;
        _logger = logger;
        _limiter = PartitionedRateLimiter.Create<string, string>(source => RateLimitPartition.GetFixedWindowLimiter(source, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = settings.FailedLogonsPerAddress, Window = settings.FailedLogonWindow, QueueLimit = 0 }));
    }

    /// <summary>Counts one failure from <paramref name="source"/>; false when the address is over its limit (answer 429).</summary>
    public bool Record(string source, string reason, string? claimedUserName)
    {
        using var lease = _limiter.AttemptAcquire(source);
        var tallies = _tallies;
        var key = tallies.Count >= MaxSources && !tallies.ContainsKey(source) ? OtherSources : source;
        tallies.GetOrAdd(key, _ => new Tally()).Add(lease.IsAcquired ? reason : reason + ", rate limited", claimedUserName);
        return lease.IsAcquired;
    }

    /// <summary>Appends one record per address counted since the last flush (the interval's timer calls it; tests may too).</summary>
    public async Task FlushAsync()
    {
        var tallies = Interlocked.Exchange(ref _tallies, new ConcurrentDictionary<string, Tally>(StringComparer.Ordinal));
        if (tallies.IsEmpty) return;
        var entries = tallies.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new AuditEntry(
            AuditContext.UnknownUser, AuditActions.LogonFailed, LogonGuard.LogonEntity, t.Key, null, "failed-logons", null, t.Value.Describe())).ToList();
        try
        {
            await _trail.AppendAsync(entries);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "{Count} aggregated failed-logon records could not be audited.", entries.Count);
        }
    }

    public void Dispose() => _limiter.Dispose();

    private sealed class Tally
    {
        private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _names = new(StringComparer.Ordinal);
        private int _count;

        public void Add(string reason, string? name)
        {
            lock (this)
            {
                _count++;
                _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
                if (name is not null && _names.Count < MaxNamesPerSource) _names.Add(name);
            }
        }

        public string Describe()
        {
            lock (this)
            {
                var reasons = string.Join(", ", _reasons.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} x{r.Value}"));
                var names = _names.Count == 0 ? "" : "; claimed user names (unverified): " + string.Join(", ", _names);
                return $"count: {_count}; tokens rejected: {reasons}{names}";
            }
        }
    }
}

/// <summary>Flushes <see cref="UnverifiedLogonFailures"/> every <see cref="AccountSettings.FailedLogonAuditInterval"/> and when the host stops.</summary>
public sealed class UnverifiedLogonFailuresFlusher(UnverifiedLogonFailures failures, AccountSettings settings, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.FailedLogonAuditInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await failures.FlushAsync();
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await failures.FlushAsync();
    }
}
