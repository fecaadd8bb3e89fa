using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Host.Workflow;

namespace SenGraph.Host.Security;

/// <summary>What the directory says of one user: office, roles and whether the account is disabled.</summary>
public sealed record DirectoryAccount(string UserName, string Office, IReadOnlyList<string> Roles, bool Disabled);

/// <summary>One user name as the logon check sees it: the directory's account (null when the directory does not know it) and its lock.</summary>
public sealed record AccountState(DirectoryAccount? Account, DateTimeOffset? LockedUntil, DateTimeOffset LoadedAt);

/// <summary>
/// The logon check's memory of the directory: each user name's account and lock, read from the database once and
/// then answered from memory, so an authenticated request reads nothing before it runs. Every change to a user
/// (directory mutations, lockouts) calls <see cref="Invalidate"/> after it commits, the one place a change is
/// announced: the next request reads the new state, and <see cref="Changed"/> tells listeners (open sockets; a
/// later backplane carrying the change to other replicas). Until that backplane exists, an entry is also read
/// again after <see cref="AccountSettings.CacheMaxAge"/>, which bounds how long another host's change takes.
/// </summary>
public sealed class DirectoryAccounts(WorkflowDatabase database, LockoutSettings lockout, AccountSettings settings, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<AccountState>>> _entries = new(StringComparer.Ordinal);

    /// <summary>Raised with the normalized user name after a change to that user committed.</summary>
    public event Action<string>? Changed;

    /// <summary>The user's current state: from memory, or read (two statements) when absent or older than the maximum age.</summary>
    public async Task<AccountState> GetAsync(string userName)
    {
        var key = DirectoryRules.NormalizeUserName(userName);
        while (true)
        {
            var entry = _entries.GetOrAdd(key, k => new Lazy<Task<AccountState>>(() => LoadAsync(k)));
            AccountState state;
            try
            {
                state = await entry.Value;
            }
            catch
            {
                _entries.TryRemove(new KeyValuePair<string, Lazy<Task<AccountState>>>(key, entry)); // never remember a failed read
                throw;
            }

            if (clock.GetUtcNow() - state.LoadedAt < settings.CacheMaxAge) return state;
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<AccountState>>>(key, entry));
        }
    }

    /// <summary>Forgets what is known of <paramref name="userName"/> and announces the change. Call after the change committed.</summary>
    public void Invalidate(string userName)
    {
        var key = DirectoryRules.NormalizeUserName(userName);
        _entries.TryRemove(key, out _);
        Changed?.Invoke(key);
    }

    private async Task<AccountState> LoadAsync(string userName)
    {
        var loadedAt = clock.GetUtcNow();
        await using var db = database.CreateDbContext();
        var user = await db.Users.AsNoTracking().TagWith("logon check")
            .Where(u => u.UserName == userName)
            .Select(u => new { u.OfficeCode, u.Disabled, Roles = u.Roles.Select(r => r.Role).ToList() })
            .FirstOrDefaultAsync();
        var lastLock = await db.AuditRecords.AsNoTracking().TagWith("logon check")
            .Where(a => a.UserName == userName && a.Action == AuditActions.AccountLocked)
            .OrderByDescending(a => a.Sequence).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync();
        var account = user is null ? null : new DirectoryAccount(userName, user.OfficeCode, user.Roles, user.Disabled);
        return new AccountState(account, lastLock + lockout.Duration, loadedAt);
    }
}
