using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Security;
using SenGraph.Host.Auditing;
using SenGraph.Host.Workflow;

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

    /// <summary>Throws with a message naming the key to fix.</summary>
    public LockoutSettings Validate()
    {
        if (MaxFailedAttempts < 1)
            throw new InvalidOperationException($"Invalid {Section} settings: {Section}:MaxFailedAttempts must be at least 1 (it is {MaxFailedAttempts}).");
        if (Window <= TimeSpan.Zero)
            throw new InvalidOperationException($"Invalid {Section} settings: {Section}:Window must be positive (it is {Window}).");
        if (Duration <= TimeSpan.Zero)
            throw new InvalidOperationException($"Invalid {Section} settings: {Section}:Duration must be positive (it is {Duration}).");
        return this;
    }
}

/// <summary>Why a request's credentials were refused: the GraphQL error code and message, and the WebSocket close reason.</summary>
public sealed record LogonRefusal(string Code, string Message, string CloseReason);

/// <summary>
/// Logons, for both transports: audits every rejected token (LogonFailed, with the user name the token
/// claims when it can be read, else <c>unknown</c>; never the token), locks a user name out after
/// <see cref="LockoutSettings.MaxFailedAttempts"/> failures within <see cref="LockoutSettings.Window"/>
/// (AccountLocked), and refuses, auditing each (LogonRefused), every request of a locked user name or of a
/// disabled account (<see cref="DirectoryUser.Disabled"/>), checked on every request, valid token or not.
/// The failures and locks are the audit trail's own records, so a lockout holds across restarts and hosts.
/// </summary>
public sealed class LogonGuard(WorkflowDatabase database, AuditTrail trail, LockoutSettings lockout, TimeProvider clock, ILogger<LogonGuard> logger)
{
    public const string AccountDisabled = "ACCOUNT_DISABLED";
    public const string AccountLocked = "ACCOUNT_LOCKED";
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>The <c>Entity</c> of logon records.</summary>
    public const string LogonEntity = "Logon";

    /// <summary>Where the JWT bearer handler leaves why it rejected a request's token (<see cref="TokenFailureReason"/>).</summary>
    public const string FailureItem = "sengraph:logon-failure";

    public static readonly LogonRefusal InvalidToken = new(NotAuthenticated, "The bearer token was refused: it is not valid or has expired.", "Forbidden");

    public static readonly LogonRefusal Disabled = new(AccountDisabled, "Your account is disabled.", "Forbidden: account disabled");

    public static readonly LogonRefusal Locked = new(AccountLocked,
        "Too many failed logons: your account is locked for a while; try again later.", "Forbidden: account locked");

    public static readonly LogonRefusal Unchecked = new(AuditTrail.Unavailable,
        "Your logon could not be checked or audited right now; try again later.", "Forbidden: logon could not be checked");

    /// <summary>The user name a token claims (<c>sub</c>), read without validating it; null when unreadable.</summary>
    public static string? UnverifiedUserName(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            var jwt = new JsonWebToken(token);
            return jwt.TryGetPayloadValue<string>(SenGraphClaims.UserName, out var sub) && !string.IsNullOrWhiteSpace(sub)
                ? DirectoryRules.NormalizeUserName(sub)
                : null;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException or FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Why a token was rejected, in words for the audit record.</summary>
    public static string TokenFailureReason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not yet valid",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad signature",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenMalformedException or ArgumentException => "malformed",
        null => "malformed",
        _ => "invalid (" + exception.GetType().Name + ")",
    };

    /// <summary>
    /// Audits a rejected token and, when it is the user name's <see cref="LockoutSettings.MaxFailedAttempts"/>th
    /// failure within the window since its last lock, locks it. Never throws: the request is refused anyway.
    /// </summary>
    public async Task RecordFailureAsync(string? token, string reason, string? requestId)
    {
        var userName = UnverifiedUserName(token) ?? AuditContext.UnknownUser;
        try
        {
            await trail.AppendAsync(async (db, ct) =>
            {
                var now = clock.GetUtcNow();
                var failed = new AuditEntry(userName, AuditActions.LogonFailed, LogonEntity, null, null, requestId, null, "token rejected: " + reason);
                var lastLock = await db.AuditRecords.TagWith("logon check")
                    .Where(a => a.UserName == userName && a.Action == AuditActions.AccountLocked)
                    .OrderByDescending(a => a.Sequence).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(ct);
                if (lastLock is { } locked && locked > now - lockout.Duration) return [failed];
                var since = lastLock is { } l && l > now - lockout.Window ? l : now - lockout.Window;
                var earlier = await db.AuditRecords.TagWith("logon check")
                    .CountAsync(a => a.UserName == userName && a.Action == AuditActions.LogonFailed && a.At > since, ct);
                if (earlier + 1 < lockout.MaxFailedAttempts) return [failed];
                logger.LogWarning("User name {UserName} locked out after {Count} failed logons.", userName, earlier + 1);
                return [failed, new AuditEntry(userName, AuditActions.AccountLocked, LogonEntity, null, null, requestId, null,
                    $"{earlier + 1} failed logons within {lockout.Window}; locked until {AuditChain.NormalizeTime(now + lockout.Duration):O}")];
            });
        }
        catch (Exception e)
        {
            logger.LogError(e, "A failed logon of {UserName} could not be audited.", userName);
        }
    }

    /// <summary>
    /// Checks an authenticated caller on each request: a disabled account or a locked user name is refused
    /// (and the refusal audited). Fail-closed: when the check itself fails, the request is refused (<see cref="Unchecked"/>).
    /// </summary>
    public async Task<LogonRefusal?> CheckAsync(ClaimsPrincipal? user, string? requestId)
    {
        if (user.GetUserName() is not { } name) return null;
        var userName = DirectoryRules.NormalizeUserName(name);
        try
        {
            await using var db = database.CreateDbContext();
            var disabled = await db.Users.AsNoTracking().TagWith("logon check").Where(u => u.UserName == userName).Select(u => u.Disabled).FirstOrDefaultAsync();
            LogonRefusal? refusal = disabled ? Disabled : null;
            if (refusal is null)
            {
                var lockedSince = clock.GetUtcNow() - lockout.Duration;
                if (await db.AuditRecords.AsNoTracking().TagWith("logon check")
                        .AnyAsync(a => a.UserName == userName && a.Action == AuditActions.AccountLocked && a.At > lockedSince))
                    refusal = Locked;
            }

            if (refusal is null) return null;
            await trail.AppendAsync([new AuditEntry(userName, AuditActions.LogonRefused, LogonEntity, null, null, requestId, null,
                refusal == Disabled ? "account disabled" : "account locked")]);
            return refusal;
        }
        catch (Exception e)
        {
            logger.LogError(e, "The logon of {UserName} could not be checked or audited; refused.", userName);
            return Unchecked;
        }
    }
}
