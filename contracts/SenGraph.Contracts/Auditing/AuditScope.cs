namespace SenGraph.Contracts.Auditing;

/// <summary>
/// Who is acting and in which GraphQL operation: what every audit record of the current work names.
/// The host opens one per GraphQL request (HTTP) and per WebSocket operation; start-up work runs in a
/// <see cref="System(string)"/> context.
/// </summary>
/// <param name="userName">The acting user's name (the token's <c>sub</c>), <see cref="SystemUser"/> or <see cref="AnonymousUser"/>.</param>
/// <param name="requestId">Correlates the records of one request or WebSocket operation; null when there is none.</param>
public sealed class AuditContext(string userName, string? requestId = null)
{
    /// <summary>The actor of work the host does on its own (start-up, seeding, migrations).</summary>
    public const string SystemUser = "system";

    /// <summary>The actor of a request without a (valid) token.</summary>
    public const string AnonymousUser = "anonymous";

    /// <summary>The user name of a failed logon whose token names nobody readable.</summary>
    public const string UnknownUser = "unknown";

    public string UserName { get; } = string.IsNullOrWhiteSpace(userName) ? AnonymousUser : userName;

    public string? RequestId { get; } = requestId;

    /// <summary>
    /// The GraphQL operation's name (the <c>operationName</c> sent, else the name in the document), set by the
    /// host once the operation is known; null for anonymous operations and for work outside GraphQL. For
    /// system work it says what the work is (<c>seed directory</c>).
    /// </summary>
    public string? OperationName { get; set; }

    private readonly List<string> _deniedLookups = [];

    /// <summary>
    /// Reports this request asked for by id that exist but are outside the caller's scope or of a type they may not read
    /// (answered as if they did not exist), as <see cref="NoteDeniedLookup"/> noted them: the host lists them in the
    /// request's one <c>AccessDenied</c> record.
    /// </summary>
    public IReadOnlyList<string> DeniedLookups
    {
        get
        {
            lock (_deniedLookups) return [.. _deniedLookups];
        }
    }

    /// <summary>
    /// Notes that <paramref name="field"/> (<c>node</c>, <c>sir</c>, <c>submitReport</c>, …) was asked for the existing
    /// report <paramref name="reportId"/> and answered as if it did not exist, because the caller may not see it.
    /// Resolvers of the same request may note concurrently; the same lookup is listed once.
    /// </summary>
    public void NoteDeniedLookup(string field, Guid reportId)
    {
        var entry = $"{field}: report {reportId} is outside the caller's scope";
        lock (_deniedLookups)
        {
            if (!_deniedLookups.Contains(entry)) _deniedLookups.Add(entry);
        }
    }

    /// <summary>A context for the host's own work, e.g. <c>AuditContext.System("seed directory")</c>.</summary>
    public static AuditContext System(string what) => new(SystemUser) { OperationName = what };
}

/// <summary>
/// The ambient <see cref="AuditContext"/> of the current asynchronous flow (an <see cref="AsyncLocal{T}"/>):
/// every <c>SaveChanges</c> of a context built by <c>AddModuleDatabase</c> (and the host's own) writes its
/// audit records with it, and refuses to write without one.
/// </summary>
public static class AuditScope
{
    private static readonly AsyncLocal<AuditContext?> Ambient = new();

    /// <summary>The context of the current flow, or null.</summary>
    public static AuditContext? Current => Ambient.Value;

    /// <summary>Makes <paramref name="context"/> current until the returned scope is disposed (then the previous one is again).</summary>
    public static IDisposable Begin(AuditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var previous = Ambient.Value;
        Ambient.Value = context;
        return new Restore(previous);
    }

    private sealed class Restore(AuditContext? previous) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) Ambient.Value = previous;
        }
    }
}
