using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.Sample.Data;

/// <summary>Creating and reading Sample reports.</summary>
public sealed class SampleReports(IDbContextFactory<SampleDbContext> databases, TimeProvider clock)
{
    public const int MaxListed = 100;

    /// <summary>What a create sends.</summary>
    public sealed record CreateFields(string Title, string? Narrative);

    public sealed record Outcome(SampleReport? Report, IReadOnlyList<UserError> Errors);

    public async Task<Outcome> CreateAsync(string author, string office, CreateFields input, CancellationToken cancellationToken)
    {
        var title = input.Title.Trim();
        var narrative = string.IsNullOrWhiteSpace(input.Narrative) ? null : input.Narrative.Trim();
        var errors = new List<UserError>();
        if (title.Length == 0)
            errors.Add(UserError.ForField("REQUIRED", "A title is required.", "title"));
        else if (title.Length > SampleReport.TitleMaxLength)
            errors.Add(UserError.ForField("TOO_LONG", $"The title may have at most {SampleReport.TitleMaxLength} characters.", "title"));
        if (narrative is { Length: > SampleReport.NarrativeMaxLength })
            errors.Add(UserError.ForField("TOO_LONG", $"The narrative may have at most {SampleReport.NarrativeMaxLength} characters.", "narrative"));
        if (errors.Count > 0) return new Outcome(null, errors);

        var report = new SampleReport
        {
            Id = Guid.NewGuid(),
            Title = title,
            Narrative = narrative,
            Author = author,
            Office = office,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(report, []);
    }

    public async Task<SampleReport?> FindAsync(string author, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Reports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.Author == author, cancellationToken);
    }

    public async Task<List<SampleReport>> ListMineAsync(string author, int first, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Reports.AsNoTracking()
            .Where(r => r.Author == author)
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Take(Math.Clamp(first, 0, MaxListed))
            .ToListAsync(cancellationToken);
    }
}
