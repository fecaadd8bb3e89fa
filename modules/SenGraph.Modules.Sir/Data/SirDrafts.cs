using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.Sir.Data;

/// <summary>Creating, editing and reading SIR drafts.</summary>
public sealed class SirDrafts(IDbContextFactory<SirDbContext> databases, TimeProvider clock)
{
    public const int MaxDraftsListed = 100;

    public sealed record Outcome(SirReport? Report, IReadOnlyList<UserError> Errors)
    {
        public static Outcome Failed(params UserError[] errors) => new(null, errors);
    }

    public async Task<Outcome> CreateAsync(string author, string office, SirRules.DraftFields input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var fields = SirRules.Normalize(input);
        var errors = SirRules.Validate(fields, now);
        if (errors.Count > 0) return new Outcome(null, errors);

        var report = new SirReport
        {
            Id = Guid.NewGuid(),
            Status = SirStatus.Draft,
            Title = fields.Title,
            Author = author,
            Office = office,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        Apply(report, fields);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(report, []);
    }

    public async Task<Outcome> UpdateAsync(string author, Guid id, int expectedVersion, SirRules.DraftFields input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var fields = SirRules.Normalize(input);
        var errors = SirRules.Validate(fields, now);
        if (errors.Count > 0) return new Outcome(null, errors);

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == id && r.Author == author, cancellationToken);
        if (report is null) return Outcome.Failed(UserError.ForField("NOT_FOUND", "No SIR draft of yours has this id.", "id"));
        if (report.Status != SirStatus.Draft)
            return Outcome.Failed(UserError.ForField("NOT_EDITABLE", $"The SIR is {report.Status}; only drafts can be edited.", "id"));
        if (report.Version != expectedVersion)
            return Outcome.Failed(Conflict(report.Version));

        Apply(report, fields);
        report.UpdatedAt = now;
        report.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Failed(Conflict(null));
        }

        return new Outcome(report, []);
    }

    public async Task<SirReport?> FindAsync(string author, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Author == author, cancellationToken);
    }

    public async Task<List<SirReport>> ListDraftsAsync(string author, int first, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Reports.AsNoTracking()
            .Where(r => r.Author == author && r.Status == SirStatus.Draft)
            .OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id)
            .Take(Math.Clamp(first, 0, MaxDraftsListed))
            .ToListAsync(cancellationToken);
    }

    private static void Apply(SirReport report, SirRules.DraftFields fields)
    {
        report.Title = fields.Title;
        report.Narrative = fields.Narrative;
        report.EventAt = fields.EventAt;
        report.EventCity = fields.EventCity;
        report.EventState = fields.EventState;
    }

    private static UserError Conflict(int? currentVersion) => UserError.ForField(
        "CONFLICT",
        currentVersion is { } v
            ? $"The draft was changed by someone else (now version {v}); reload it and apply your edit again."
            : "The draft was changed by someone else; reload it and apply your edit again.",
        "expectedVersion");
}
