using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Security;

/// <summary>What the directory says of one user: office, roles and whether the account is disabled.</summary>
public sealed record DirectoryAccount(string UserName, string Office, IReadOnlyList<string> Roles, bool Disabled);

/// <summary>One user name as the logon check sees it: the directory's account (null when the directory does not know it) and its lock.</summary>
public sealed record AccountState(DirectoryAccount? Account, DateTimeOffset? LockedUntil, DateTimeOffset LoadedAt);

/// <summary>A user's directory entry or lock changed (published on the live-event bus, so every replica forgets its copy).</summary>
public sealed record DirectoryAccountChanged(string UserName) : ILiveEvent;

/// <summary>
/// The logon check's memory of the directory: each user name's account and lock, read from the database once and
/// then answered from memory, so an authenticated request reads nothing before it runs. Every change to a user
/// (directory mutations, lockouts) calls <see cref="Invalidate"/> after it commits, the one place a change is
/// announced: it goes out on the live-event bus as <see cref="DirectoryAccountChanged"/>, this replica forgets its copy
/// before <see cref="Invalidate"/> returns (the next request reads the new state) and, with a backplane
/// (<c>Events:Redis</c>), every other replica forgets it as the notice arrives; <see cref="Changed"/> then tells
/// listeners (open sockets). The bus delivers at most once, so an entry is also read again after
/// <see cref="AccountSettings.CacheMaxAge"/>, which bounds how late a lost notice can make another replica.
/// </summary>
public sealed class DirectoryAccounts
{
    private readonly ConcurrentDictionary<string, Lazy<Task<AccountState>>> _entries = new(StringComparer.Ordinal);
    private readonly SenDatabase database;
    private readonly LockoutSettings lockout;
    private readonly AccountSettings settings;
    private readonly TimeProvider clock;
    private readonly ILiveEvents bus;

    public DirectoryAccounts(SenDatabase database, LockoutSettings lockout, AccountSettings settings, TimeProvider clock, ILiveEvents bus)
    {
        this.database = database;
        this.lockout = lockout;
        this.settings = settings;
        this.clock = clock;
        this.bus = bus;
        // A singleton: the subscription lives as long as the host.
        bus.Watch<DirectoryAccountChanged>().Subscribe(new OnChange(this));
    }

    /// <summary>Raised with the normalized user name after a change to that user committed, here or on another replica.</summary>
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
    public void Invalidate(string userName) => bus.Publish(new DirectoryAccountChanged(DirectoryRules.NormalizeUserName(userName)));

    private void Forget(string userName)
    {
        var key = DirectoryRules.NormalizeUserName(userName);
        _entries.TryRemove(key, out _);
        Changed?.Invoke(key);
    }

    /// <summary>The bus hands this replica's own notices over on the publishing thread, other replicas' as they arrive.</summary>
    private sealed class OnChange(DirectoryAccounts accounts) : IObserver<DirectoryAccountChanged>
    {
        public void OnNext(DirectoryAccountChanged value)
        {
            if (!string.IsNullOrEmpty(value.UserName)) accounts.Forget(value.UserName);
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
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
