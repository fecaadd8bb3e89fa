using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Security;
using SenGraph.Host.Auditing;

namespace SenGraph.Host.Security;

/// <summary>Why a request's credentials were refused: the GraphQL error code and message, the WebSocket close reason, and the HTTP status.</summary>
public sealed record LogonRefusal(string Code, string Message, string CloseReason, int HttpStatus = StatusCodes.Status401Unauthorized);

/// <summary>
/// Logons, for both transports. A rejected token that is evidence against an account (<see cref="TokenEvidence"/>)
/// is audited (LogonFailed under that account) and counts toward its lockout: after
/// <see cref="LockoutSettings.MaxFailedAttempts"/> within <see cref="LockoutSettings.Window"/> the user name is locked
/// (AccountLocked). Any other rejected token is rate-limited and audited in aggregate per client address
/// (<see cref="UnverifiedLogonFailures"/>) and locks no one. Every authenticated request is checked from memory
/// (<see cref="DirectoryAccounts"/>): a token naming no user, a user the directory does not know (unless
/// <see cref="AccountSettings.AcceptUnknownUsers"/>), a disabled account or a locked user name is refused, and the
/// refusal audited (LogonRefused). The failures and locks are the audit trail's own records, so a lockout holds
/// across restarts and hosts.
/// </summary>
public sealed class LogonGuard(
    AuditTrail trail, DirectoryAccounts accounts, TokenEvidence evidence, UnverifiedLogonFailures unverified,
    LockoutSettings lockout, AccountSettings settings, TimeProvider clock, ILogger<LogonGuard> logger)
{
    public const string AccountDisabled = "ACCOUNT_DISABLED";
    public const string AccountLocked = "ACCOUNT_LOCKED";
    public const string AccountNotApproved = "ACCOUNT_NOT_APPROVED";
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string TooManyFailedLogons = "TOO_MANY_FAILED_LOGONS";

    /// <summary>The <c>Entity</c> of logon records.</summary>
    public const string LogonEntity = "Logon";

    /// <summary>Where the JWT bearer handler leaves why it rejected a request's token (<see cref="TokenFailureReason"/>).</summary>
    public const string FailureItem = "sengraph:logon-failure";

    public static readonly LogonRefusal InvalidToken = new(NotAuthenticated, "The bearer token was refused: it is not valid or has expired.", "Forbidden");

    public static readonly LogonRefusal NoUser = new(NotAuthenticated, "The bearer token names no user (sub): refused.", "Forbidden: no user");

    public static readonly LogonRefusal NotApproved = new(AccountNotApproved,
        "Your user name is not in the directory: ask the SEN administrator to approve your account.", "Forbidden: account not approved");

    public static readonly LogonRefusal Disabled = new(AccountDisabled, "Your account is disabled.", "Forbidden: account disabled");

    public static readonly LogonRefusal Locked = new(AccountLocked,
        "Too many failed logons: your account is locked for a while; try again later.", "Forbidden: account locked");

    public static readonly LogonRefusal TooMany = new(TooManyFailedLogons,
        "Too many refused tokens from your address; try again later.", "Forbidden: too many failed logons", StatusCodes.Status429TooManyRequests);

    public static readonly LogonRefusal Unchecked = new(AuditTrail.Unavailable,
        "Your logon could not be checked or audited right now; try again later.", "Forbidden: logon could not be checked",
        StatusCodes.Status503ServiceUnavailable);

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
    /// Handles a rejected token from <paramref name="source"/> (the client address) and says how to refuse it. Never
    /// throws: the request is refused anyway.
    /// </summary>
    public async Task<LogonRefusal> RecordFailureAsync(string? token, string reason, string? requestId, string source)
    {
        var account = await evidence.AccountOfAsync(token);
        if (account is null) return unverified.Record(source, reason, UnverifiedUserName(token)) ? InvalidToken : TooMany;
        try
        {
            var locked = false;
            await trail.AppendAsync(async (db, ct) =>
            {
                var now = clock.GetUtcNow();
                var failed = new AuditEntry(account, AuditActions.LogonFailed, LogonEntity, null, null, requestId, null, "token rejected: " + reason);
                var lastLock = await db.AuditRecords.TagWith("logon check")
                    .Where(a => a.UserName == account && a.Action == AuditActions.AccountLocked)
                    .OrderByDescending(a => a.Sequence).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(ct);
                if (lastLock is { } l && l > now - lockout.Duration) return [failed]; // refused attempts do not extend a lock
                // Failures before a lock ended (those that caused it, and those refused during it) never count toward the next.
                var since = lastLock is { } last && last + lockout.Duration > now - lockout.Window ? last + lockout.Duration : now - lockout.Window;
                var earlier = await db.AuditRecords.TagWith("logon check")
                    .CountAsync(a => a.UserName == account && a.Action == AuditActions.LogonFailed && a.At > since, ct);
                if (earlier + 1 < lockout.MaxFailedAttempts) return [failed];
                logger.LogWarning("User name {UserName} locked out after {Count} failed logons.", account, earlier + 1);
                locked = true;
                return [failed, new AuditEntry(account, AuditActions.AccountLocked, LogonEntity, null, null, requestId, null,
                    $"{earlier + 1} failed logons within {lockout.Window}; locked until {AuditChain.NormalizeTime(now + lockout.Duration):O}")];
            });
            if (locked) accounts.Invalidate(account);
        }
        catch (Exception e)
        {
            logger.LogError(e, "A failed logon of {UserName} could not be audited.", account);
        }

        return InvalidToken;
    }

    /// <summary>
    /// Checks an authenticated caller, from memory: refused (and the refusal audited) when the token names no user,
    /// the directory does not know the user (unless accepted by setting), the account is disabled or the user name
    /// locked. Fail-closed: when the check itself fails, the request is refused (<see cref="Unchecked"/>).
    /// </summary>
    public async Task<LogonRefusal?> CheckAsync(ClaimsPrincipal? user, string? requestId)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        if (user.FindFirst(SenGraphClaims.UserName)?.Value is not { } name || string.IsNullOrWhiteSpace(name))
            return await RefuseAsync(AuditContext.UnknownUser, NoUser, "token without sub", requestId);
        var userName = DirectoryRules.NormalizeUserName(name);
        try
        {
            var state = await accounts.GetAsync(userName);
            return state switch
            {
                { Account: null } when !settings.AcceptUnknownUsers => await RefuseAsync(userName, NotApproved, "not in the directory", requestId),
                { Account.Disabled: true } => await RefuseAsync(userName, Disabled, "account disabled", requestId),
                { LockedUntil: { } until } when until > clock.GetUtcNow() => await RefuseAsync(userName, Locked, "account locked", requestId),
                _ => null,
            };
        }
        catch (Exception e)
        {
            logger.LogError(e, "The logon of {UserName} could not be checked; refused.", userName);
            return Unchecked;
        }
    }

    private async Task<LogonRefusal> RefuseAsync(string userName, LogonRefusal refusal, string details, string? requestId)
    {
        try
        {
            await trail.AppendAsync([new AuditEntry(userName, AuditActions.LogonRefused, LogonEntity, null, null, requestId, null, details)]);
            return refusal;
        }
        catch (Exception e)
        {
            logger.LogError(e, "The refused logon of {UserName} could not be audited; refused.", userName);
            return Unchecked;
        }
    }
}
