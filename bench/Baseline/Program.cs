// The baseline of bench/run.sh (issue 20 item 3): the same JSON as SenGraph's answers for the IROC feed (a page of 50 submitted
// reports with people, keyset cursors), the analyst query (submitted significant-arrest SIRs in a date range, newest first,
// 20 a page, totalCount) and node(id:) with people, read through EF Core from the same SQLite database, with no GraphQL, no
// audit, no authorization and no directory check: POST /feed {first, after}, POST /analyst, POST /node {id}. Bench only: never
// deploy it.
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connection = builder.Configuration.GetConnectionString("SenGraph") ?? throw new InvalidOperationException("ConnectionStrings:SenGraph is not set.");
builder.Services.AddDbContextPool<BaselineDbContext>(o => o.UseSqlite(connection).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
var app = builder.Build();

app.MapPost("/feed", async (BaselineDbContext db, Page page, CancellationToken ct) =>
{
    var query = db.Reports.Where(r => r.Status == ReportStatus.Submitted);
    if (Cursor.Read(page.After) is var (at, id))
        query = query.Where(r => r.SubmittedAt < at || r.SubmittedAt == at && r.Id < id);
    var size = Math.Clamp(page.First ?? 50, 0, 100);
    var rows = await query.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Take(size + 1)
        .Select(r => new { r.Id, r.Number, r.Title, r.SubmittedAt }).ToListAsync(ct);
    var nodes = rows.Take(size).ToList();
    var people = await People(db, [.. nodes.Select(n => n.Id)], ct);
    var last = nodes.LastOrDefault();
    return Results.Json(new
    {
        data = new
        {
            irocFeed = new
            {
                pageInfo = new { hasNextPage = rows.Count > size, endCursor = last is null ? null : Cursor.Write(last.SubmittedAt!.Value, last.Id) },
                nodes = nodes.Select(n => new { id = n.Id, number = n.Number, title = n.Title, submittedAt = n.SubmittedAt, people = people[n.Id] }),
            },
        },
    });
});

app.MapPost("/analyst", async (BaselineDbContext db, CancellationToken ct) =>
{
    var since = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    var until = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    var sirs = from r in db.Reports
               join d in db.SirDetails on r.Id equals d.Id
               where r.Type == "SIR" && r.Status == ReportStatus.Submitted && d.Category == "SignificantArrest" && r.SubmittedAt >= since && r.SubmittedAt < until
               select r;
    var total = await sirs.CountAsync(ct);
    var nodes = await sirs.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Take(20)
        .Select(r => new { id = r.Id, number = r.Number, title = r.Title, submittedAt = r.SubmittedAt, eventCity = r.EventCity }).ToListAsync(ct);
    return Results.Json(new { data = new { sirs = new { totalCount = total, nodes } } });
});

app.MapPost("/node", async (BaselineDbContext db, NodeRequest request, CancellationToken ct) =>
{
    var report = await db.Reports.Where(r => r.Id == request.Id)
        .Select(r => new { r.Id, r.Number, r.Title, r.Status, r.SubmittedAt }).SingleOrDefaultAsync(ct);
    if (report is null) return Results.Json(new { data = new { node = (object?)null } });
    var people = await People(db, [report.Id], ct);
    return Results.Json(new
    {
        data = new
        {
            node = new { id = report.Id, number = report.Number, title = report.Title, status = report.Status.ToString().ToUpperInvariant(), submittedAt = report.SubmittedAt, people = people[report.Id] },
        },
    });
});

app.Run();

static async Task<ILookup<Guid, object>> People(BaselineDbContext db, List<Guid> ids, CancellationToken ct) =>
    (await db.People.Where(p => ids.Contains(p.ReportId)).OrderBy(p => p.Position)
        .Select(p => new { p.ReportId, p.Role, p.FirstName, p.LastName, p.ANumber, p.DateOfBirth }).ToListAsync(ct))
    .ToLookup(p => p.ReportId, p => (object)new { role = p.Role.ToUpperInvariant(), firstName = p.FirstName, lastName = p.LastName, aNumber = p.ANumber, dateOfBirth = p.DateOfBirth });

/// <summary>The envelope tables through the contracts' own mapping, and the SIR module's details table (its category only).</summary>
sealed class BaselineDbContext(DbContextOptions<BaselineDbContext> options) : DbContext(options)
{
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportPerson> People => Set<ReportPerson>();
    public DbSet<SirDetail> SirDetails => Set<SirDetail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyDirectory(excludeFromMigrations: true).ApplyReportEnvelope(excludeFromMigrations: true);
        modelBuilder.Entity<SirDetail>(e =>
        {
            e.ToTable("SirDetails", t => t.ExcludeFromMigrations());
            e.HasKey(d => d.Id);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

sealed class SirDetail
{
    public Guid Id { get; set; }
    public string Category { get; set; } = "";
}

sealed record Page(int? First, string? After);

sealed record NodeRequest(Guid Id);

/// <summary>Keyset cursors: the submission time and the id of the page's last report (not signed: a baseline).</summary>
static class Cursor
{
    public static string Write(DateTimeOffset at, Guid id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object[] { at, id })));

    public static (DateTimeOffset, Guid)? Read(string? cursor)
    {
        if (cursor is null) return null;
        var values = JsonSerializer.Deserialize<JsonElement[]>(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)))!;
        return (values[0].GetDateTimeOffset(), values[1].GetGuid());
    }
}
