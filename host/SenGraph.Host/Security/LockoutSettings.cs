namespace SenGraph.Host.Security;

/// <summary>Failed-logon lockout (configuration section <c>Security:Lockout</c>).</summary>
public sealed class LockoutSettings
{
    public const string Section = "Security:Lockout";

    /// <summary>Failed logons of one user name within <see cref="Window"/> that lock it.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How far back failed logons count.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked user name is refused, valid token or not.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Every problem, naming the key to fix; empty when the settings can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxFailedAttempts < 1) problems.Add($"{Section}:MaxFailedAttempts must be at least 1 (it is {MaxFailedAttempts}).");
        if (Window <= TimeSpan.Zero) problems.Add($"{Section}:Window must be positive (it is {Window}).");
        if (Duration <= TimeSpan.Zero) problems.Add($"{Section}:Duration must be positive (it is {Duration}).");
        return problems;
    }
}
