using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SenGraph.Contracts.Agency;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Security;

/// <summary>
/// The configuration section <c>RulesOfBehavior</c> (PIA 8.3): every user acknowledges the ICE/DHS User
/// Rules of Behavior at first use and again every <see cref="ValidFor"/>. Publishing a new
/// <see cref="Version"/> asks everyone to acknowledge it. Read at start.
/// </summary>
public sealed class RulesOfBehaviorOptions
{
    public const string Section = "RulesOfBehavior";

    /// <summary>Names the text users acknowledge; acknowledging means naming this version.</summary>
    public string Version { get; set; } = "ICE-ROB-2026.1";

    /// <summary>The rules, as <c>me { rulesOfBehavior { text } }</c> shows them.</summary>
    public string Text { get; set; } =
        "ICE/DHS User Rules of Behavior: use SEN only for official duties and only for the reports your duties require; " +
        "do not share your credentials; protect the personally identifiable information of suspects, victims and witnesses; " +
        "do not copy, print or disseminate it except as authorized; report suspected misuse or security incidents at once. " +
        "Every read and change you make is recorded.";

    /// <summary>How long one acknowledgement lasts (PIA 8.3: 90 days).</summary>
    public TimeSpan ValidFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Every problem, naming the key to fix; empty when the settings can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Version) || Version.Length > RulesOfBehaviorAcknowledgement.MaxVersionLength)
            problems.Add($"{Section}:Version must be set, at most {RulesOfBehaviorAcknowledgement.MaxVersionLength} characters.");
        if (string.IsNullOrWhiteSpace(Text)) problems.Add($"{Section}:Text must be set.");
        if (ValidFor <= TimeSpan.Zero || ValidFor > TimeSpan.FromDays(366))
            problems.Add($"{Section}:ValidFor must be more than zero and at most 366 days (was {ValidFor}).");
        return problems;
    }
}

/// <summary>One acknowledgement of the Rules of Behavior, kept as a record (never updated).</summary>
public sealed class RulesOfBehaviorAcknowledgement
{
    public const int MaxVersionLength = 64;

    public long Id { get; set; }

    /// <summary>The normalized (lower-case) user name.</summary>
    public required string UserName { get; set; }

    /// <summary>The <see cref="RulesOfBehaviorOptions.Version"/> acknowledged.</summary>
    public required string RulesVersion { get; set; }

    public DateTimeOffset AcknowledgedAt { get; set; }
}

/// <summary>Where a user stands with the current Rules of Behavior.</summary>
/// <param name="AcknowledgedAt">The user's latest acknowledgement of this version, or null.</param>
/// <param name="DueBy">When that acknowledgement runs out, or null when there is none.</param>
public sealed record RulesOfBehaviorStatus(string Version, string Text, DateTimeOffset? AcknowledgedAt, DateTimeOffset? DueBy, bool Acknowledged);

/// <summary>Records acknowledgements and answers whether a user's is current.</summary>
public sealed class RulesOfBehavior(SenDatabase database, IOptions<RulesOfBehaviorOptions> options, TimeProvider clock)
{
    // Only current acknowledgements are remembered (until they run out): acknowledging never takes one back.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _currentUntil = new(StringComparer.Ordinal);

    public RulesOfBehaviorOptions Options { get; } = options.Value;

    public async Task<bool> IsAcknowledgedAsync(string userName, CancellationToken cancellationToken)
    {
        if (_currentUntil.TryGetValue(DirectoryRules.NormalizeUserName(userName), out var until) && until > clock.GetUtcNow()) return true;
        return (await StatusAsync(userName, cancellationToken)).Acknowledged;
    }

    public async Task<RulesOfBehaviorStatus> StatusAsync(string userName, CancellationToken cancellationToken)
    {
        var key = DirectoryRules.NormalizeUserName(userName);
        await using var db = database.CreateDbContext();
        var latest = await db.RulesOfBehaviorAcknowledgements.AsNoTracking()
            .Where(a => a.UserName == key && a.RulesVersion == Options.Version)
            .OrderByDescending(a => a.AcknowledgedAt)
            .Select(a => (DateTimeOffset?)a.AcknowledgedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return Remember(key, latest);
    }

    /// <summary>Records that the user acknowledged <paramref name="version"/>, which must be the current one.</summary>
    /// <exception cref="ArgumentException">When <paramref name="version"/> is not the current version.</exception>
    public async Task<RulesOfBehaviorStatus> AcknowledgeAsync(string userName, string version, CancellationToken cancellationToken)
    {
        if (!string.Equals(version.Trim(), Options.Version, StringComparison.Ordinal))
            throw new ArgumentException($"The current Rules of Behavior are version '{Options.Version}'; read them (me {{ rulesOfBehavior {{ text }} }}) and acknowledge that version.", nameof(version));
        var key = DirectoryRules.NormalizeUserName(userName);
        var now = clock.GetUtcNow();
        await using var db = database.CreateDbContext();
        db.RulesOfBehaviorAcknowledgements.Add(new RulesOfBehaviorAcknowledgement { UserName = key, RulesVersion = Options.Version, AcknowledgedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return Remember(key, now);
    }

    private RulesOfBehaviorStatus Remember(string key, DateTimeOffset? acknowledgedAt)
    {
        var dueBy = acknowledgedAt + Options.ValidFor;
        var current = dueBy > clock.GetUtcNow();
        if (current) _currentUntil[key] = dueBy!.Value;
        else _currentUntil.TryRemove(key, out _);
        return new RulesOfBehaviorStatus(Options.Version, Options.Text, acknowledgedAt, dueBy, current);
    }
}
