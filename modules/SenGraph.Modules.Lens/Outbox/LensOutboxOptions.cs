namespace SenGraph.Modules.Lens.Outbox;

/// <summary>Which transport delivers the outbox.</summary>
public enum LensTransportKind
{
    /// <summary>Writes each message as a file <c>&lt;idempotency key&gt;.txt</c> into <see cref="LensOutboxOptions.FileDropPath"/>, for a switch that picks files up.</summary>
    FileDrop,

    /// <summary>POSTs each message to <see cref="LensOutboxOptions.GatewayUrl"/> with an <c>Idempotency-Key</c> header.</summary>
    Http,

    /// <summary>No delivery: the dispatcher does not run (messages wait in the outbox).</summary>
    None,
}

/// <summary>The dispatcher's settings, section <c>Modules:lens:Outbox</c> (e.g. <c>Modules__lens__Outbox__Transport=Http</c>).</summary>
public sealed class LensOutboxOptions
{
    public const string Section = "Outbox";

    public LensTransportKind Transport { get; set; } = LensTransportKind.FileDrop;

    /// <summary>The folder the file-drop transport writes to (default: <c>lens-outbox</c> under the content root).</summary>
    public string? FileDropPath { get; set; }

    /// <summary>The HTTP gateway's URL (for <see cref="LensTransportKind.Http"/>).</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>How long one HTTP delivery may take.</summary>
    public TimeSpan GatewayTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Messages claimed at once.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Failed attempts after which a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The delay after the first failure; doubled after each further one (with jitter), up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a claim holds: a dispatcher that dies loses its messages to another after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the dispatcher sleeps when the outbox has nothing due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Checks the settings; the messages name the setting at fault.</summary>
    public IEnumerable<string> Problems()
    {
        if (BatchSize is < 1 or > 500) yield return "Modules:lens:Outbox:BatchSize must be 1-500.";
        if (MaxAttempts < 1) yield return "Modules:lens:Outbox:MaxAttempts must be at least 1.";
        if (BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay) yield return "Modules:lens:Outbox:BaseDelay must be positive and at most MaxDelay.";
        if (LeaseDuration < TimeSpan.FromSeconds(1)) yield return "Modules:lens:Outbox:LeaseDuration must be at least one second.";
        if (PollInterval <= TimeSpan.Zero) yield return "Modules:lens:Outbox:PollInterval must be positive.";
        if (Transport == LensTransportKind.Http && !Uri.TryCreate(GatewayUrl, UriKind.Absolute, out _))
            yield return "Modules:lens:Outbox:GatewayUrl must be an absolute URL when the transport is Http.";
    }
}

/// <summary>
/// The retry delay: <see cref="LensOutboxOptions.BaseDelay"/> doubled per earlier failure, capped at
/// <see cref="LensOutboxOptions.MaxDelay"/>, then jittered to between half and all of it so dispatchers that failed
/// together do not retry together.
/// </summary>
public static class LensBackoff
{
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var capped = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(capped * (0.5 + 0.5 * Math.Clamp(random, 0, 1)));
    }
}
