namespace SenGraph.Host.Security;

/// <summary>Who may log on and how logon failures are handled (configuration section <c>Security:Accounts</c>).</summary>
public sealed class AccountSettings
{
    public const string Section = "Security:Accounts";

    /// <summary>
    /// Whether a correctly signed token of a user the directory does not know is accepted with the roles and office
    /// it claims. Off: such a user is refused with <c>ACCOUNT_NOT_APPROVED</c> (PIA 8.1: every user is approved through
    /// the administrator). On only for deployments whose identity provider is itself the directory.
    /// </summary>
    public bool AcceptUnknownUsers { get; set; }

    /// <summary>How long the logon check trusts what it read of a user before reading it again (bounds how late another host's change arrives).</summary>
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rejected tokens not tied to an account that one client address may send per <see cref="FailedLogonWindow"/>; then 429.</summary>
    public int FailedLogonsPerAddress { get; set; } = 20;

    /// <summary>The window of <see cref="FailedLogonsPerAddress"/>.</summary>
    public TimeSpan FailedLogonWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rejected tokens not tied to an account are audited as one record per client address per interval, with their count.</summary>
    public TimeSpan FailedLogonAuditInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Every problem, naming the key to fix; empty when the settings can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Invalid(string key, object value, string rule) => problems.Add($"{Section}:{key} must be {rule} (it is {value}).");
        if (CacheMaxAge < TimeSpan.Zero) Invalid(nameof(CacheMaxAge), CacheMaxAge, "zero or more");
        if (FailedLogonsPerAddress < 1) Invalid(nameof(FailedLogonsPerAddress), FailedLogonsPerAddress, "at least 1");
        if (FailedLogonWindow <= TimeSpan.Zero) Invalid(nameof(FailedLogonWindow), FailedLogonWindow, "positive");
        if (FailedLogonAuditInterval <= TimeSpan.Zero) Invalid(nameof(FailedLogonAuditInterval), FailedLogonAuditInterval, "positive");
        return problems;
    }
}
