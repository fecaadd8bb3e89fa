using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.SecureCommunities.Data;

/// <summary>What a site still lacks before it may be activated.</summary>
/// <param name="Missing">Every missing item, for a person: required tasks not done, parties without a Go, ORIs not on the final list.</param>
/// <param name="Unanswered">The parties that have not answered (still pending), by code.</param>
public sealed record ScSiteReadiness(bool Ready, IReadOnlyList<string> Missing, IReadOnlyList<string> Unanswered);

/// <summary>
/// Deployment readiness (seed 003): sites with their booking locations' ORIs and evaluation steps, the SIB's and the DRO's
/// prerequisite tasks, the six parties' Go decisions. A site activates only when every required task is done (SIB task 3 is
/// not required) and all six said Go. Every change goes through the audited module database (the request's audit scope).
/// </summary>
public sealed partial class ScDeployments(IDbContextFactory<ScDbContext> databases, TimeProvider clock)
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")]
    private static partial Regex SiteCode();

    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{7}$")]
    private static partial Regex OriCode();

    public static ScSiteReadiness Readiness(ScSite site)
    {
        var missing = new List<string>();
        foreach (var task in ScReadiness.Tasks.Where(t => t.Required))
        {
            var status = site.Tasks.FirstOrDefault(t => t.TaskCode == task.Code)?.Status ?? ScReadiness.NotStarted;
            if (status != ScReadiness.Done) missing.Add($"{task.Owner} task {task.Number} ({task.Code}) is {status}: {task.Description}");
        }

        var unanswered = new List<string>();
        foreach (var (code, name) in ScReadiness.Parties)
        {
            var decision = site.GoDecisions.FirstOrDefault(g => g.Party == code);
            if (decision is null || decision.Decision == ScReadiness.Pending)
            {
                unanswered.Add(code);
                missing.Add($"{name} ({code}) has not answered" + (decision?.AskedAt is { } asked ? $" (asked {asked:yyyy-MM-dd})" : " (not asked yet)"));
            }
            else if (decision.Decision == ScReadiness.NoGo) missing.Add($"{name} ({code}) said No Go");
        }

        if (site.Oris.Count == 0) missing.Add("No booking location's ORI is recorded.");
        foreach (var ori in site.Oris.Where(o => o.EvaluationStep != ScReadiness.OriSteps[^1]))
            missing.Add($"ORI {ori.Ori} ({ori.BookingLocation}) is at {ori.EvaluationStep}, not on the final list.");
        return new ScSiteReadiness(missing.Count == 0, missing, unanswered);
    }

    public async Task<List<ScSite>> SitesAsync(string? state, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var sites = db.Sites.AsNoTracking().Include(s => s.Oris).Include(s => s.Tasks).Include(s => s.GoDecisions).AsSplitQuery();
        if (state is not null) sites = sites.Where(s => s.State == state);
        return await sites.OrderBy(s => s.Code).ToListAsync(ct);
    }

    public async Task<Result<ScSite>> SaveSiteAsync(string code, string jurisdiction, string state, CancellationToken ct)
    {
        var errors = new List<UserError>();
        code = code.Trim();
        jurisdiction = jurisdiction.Trim();
        if (!SiteCode().IsMatch(code)) errors.Add(UserError.ForField("INVALID_VALUE", "code is 1-32 letters, digits, '_', '.' or '-'.", "code"));
        if (jurisdiction.Length is 0 or > 200) errors.Add(UserError.ForField("INVALID_VALUE", "jurisdiction is 1-200 characters.", "jurisdiction"));
        if (!ScKinds.States.Contains(state)) errors.Add(UserError.ForField("INVALID_VALUE", $"state '{state}' is not a USPS state or territory code.", "state"));
        if (errors.Count > 0) return Result<ScSite>.Failure([.. errors]);
        return await ChangeAsync(code, create: true, (site, now, who) =>
        {
            site.Jurisdiction = jurisdiction;
            site.State = state;
            if (site.Tasks.Count == 0)
                site.Tasks.AddRange(ScReadiness.Tasks.Select(t => new ScSiteTask { SiteCode = code, TaskCode = t.Code, UpdatedAt = now, UpdatedBy = who }));
            if (site.GoDecisions.Count == 0)
                site.GoDecisions.AddRange(ScReadiness.Parties.Select(p => new ScGoDecision { SiteCode = code, Party = p.Code, UpdatedAt = now, UpdatedBy = who }));
            return null;
        }, ct);
    }

    public Task<Result<ScSite>> SetOriAsync(string siteCode, string ori, string bookingLocation, string step, CancellationToken ct)
    {
        if (!OriCode().IsMatch(ori))
            return Task.FromResult(Result<ScSite>.Failure(UserError.ForField("INVALID_VALUE", "ori is nine characters: a two-letter state and seven letters or digits.", "ori")));
        if (!ScReadiness.OriSteps.Contains(step))
            return Task.FromResult(Result<ScSite>.Failure(UserError.ForField("INVALID_VALUE", $"evaluationStep is one of {string.Join(", ", ScReadiness.OriSteps)}.", "evaluationStep")));
        if (bookingLocation.Trim().Length is 0 or > 200)
            return Task.FromResult(Result<ScSite>.Failure(UserError.ForField("INVALID_VALUE", "bookingLocation is 1-200 characters.", "bookingLocation")));
        return ChangeAsync(siteCode, create: false, (site, now, _) =>
        {
            if (!ori.StartsWith(site.State, StringComparison.Ordinal)) return UserError.ForField("INVALID_VALUE", $"ori {ori} is not of the site's state {site.State}.", "ori");
            var row = site.Oris.FirstOrDefault(o => o.Ori == ori);
            if (row is null) site.Oris.Add(row = new ScSiteOri { Ori = ori, SiteCode = site.Code });
            row.BookingLocation = bookingLocation.Trim();
            row.EvaluationStep = step;
            row.UpdatedAt = now;
            return null;
        }, ct);
    }

    public Task<Result<ScSite>> SetTaskAsync(string siteCode, string task, string status, CancellationToken ct)
    {
        if (ScReadiness.Tasks.All(t => t.Code != task))
            return Task.FromResult(Result<ScSite>.Failure(UserError.ForField("INVALID_VALUE", $"task is one of {string.Join(", ", ScReadiness.Tasks.Select(t => t.Code))}.", "task")));
        if (status is not (ScReadiness.NotStarted or ScReadiness.InProgress or ScReadiness.Done))
            return Task.FromResult(Result<ScSite>.Failure(UserError.ForField("INVALID_VALUE", "status is NOT_STARTED, IN_PROGRESS or DONE.", "status")));
        return ChangeAsync(siteCode, create: false, (site, now, who) =>
        {
            var row = site.Tasks.Single(t => t.TaskCode == task);
            row.Status = status;
            row.UpdatedAt = now;
            row.UpdatedBy = who;
            return null;
        }, ct);
    }

    public Task<Result<ScSite>> SetGoDecisionAsync(string siteCode, string party, string decision, string? primary, string? secondary, DateTimeOffset? askedAt,
        CancellationToken ct)
    {
        if (ScReadiness.Parties.All(p => p.Code != party))
            return Task.FromResult(Result<ScSite>.Failure(UserError.ForField("INVALID_VALUE", $"party is one of {string.Join(", ", ScReadiness.Parties.Select(p => p.Code))}.", "party")));
        if (decision is not (ScReadiness.Pending or ScReadiness.Go or ScReadiness.NoGo))
            return Task.FromResult(Result<ScSite>.Failure(UserError.ForField("INVALID_VALUE", "decision is PENDING, GO or NO_GO.", "decision")));
        if (primary?.Length > 200 || secondary?.Length > 200)
            return Task.FromResult(Result<ScSite>.Failure(UserError.ForField("TOO_LONG", "A point of contact is at most 200 characters.", "primaryContact")));
        return ChangeAsync(siteCode, create: false, (site, now, who) =>
        {
            var row = site.GoDecisions.Single(g => g.Party == party);
            if (decision != ScReadiness.Pending && string.IsNullOrWhiteSpace(primary ?? row.PrimaryContact))
                return UserError.ForField("REQUIRED", "A Go or No Go is given by the party's primary or secondary point of contact: name the primary first.", "primaryContact");
            row.PrimaryContact = string.IsNullOrWhiteSpace(primary) ? row.PrimaryContact : primary.Trim();
            row.SecondaryContact = string.IsNullOrWhiteSpace(secondary) ? row.SecondaryContact : secondary.Trim();
            row.AskedAt = askedAt ?? row.AskedAt;
            if (row.Decision != decision) row.AnsweredAt = decision == ScReadiness.Pending ? null : now;
            row.Decision = decision;
            row.UpdatedAt = now;
            row.UpdatedBy = who;
            return null;
        }, ct);
    }

    /// <summary>Activates the site when it is ready; otherwise NOT_READY with everything missing.</summary>
    public Task<Result<ScSite>> ActivateAsync(string siteCode, CancellationToken ct) =>
        ChangeAsync(siteCode, create: false, (site, now, who) =>
        {
            if (site.ActivatedAt is not null) return null;
            var readiness = Readiness(site);
            if (!readiness.Ready) return new UserError("NOT_READY", "The site cannot be activated yet: " + string.Join("; ", readiness.Missing), ["input", "site"]);
            site.ActivatedAt = now;
            site.ActivatedBy = who;
            return null;
        }, ct);

    private async Task<Result<ScSite>> ChangeAsync(string code, bool create, Func<ScSite, DateTimeOffset, string, UserError?> change, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var site = await db.Sites.Include(s => s.Oris).Include(s => s.Tasks).Include(s => s.GoDecisions).AsSplitQuery().SingleOrDefaultAsync(s => s.Code == code, ct);
        var now = clock.GetUtcNow();
        var who = AuditScope.Current?.UserName ?? AuditContext.SystemUser;
        if (site is null)
        {
            if (!create) return Result<ScSite>.Failure(new UserError("NOT_FOUND", $"There is no site {code}.", ["input", "site"]));
            site = new ScSite { Code = code, CreatedAt = now };
            db.Sites.Add(site);
        }

        if (change(site, now, who) is { } error) return Result<ScSite>.Failure(error);
        site.UpdatedAt = now;
        site.UpdatedBy = who;
        site.Version++;
        await db.SaveChangesAsync(ct);
        return Result<ScSite>.Success(site);
    }
}
