using System.Security.Claims;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Security;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Modules;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Demo;

/// <summary>The demo reports of one type: how many, and the plan of report <c>i</c> (made when asked, so a million need no list).</summary>
public sealed record DemoTypePlan(IDemoReports Demo, IReportType Type, int Count, Func<int, DemoReportPlan> Plan);

/// <summary>Who writes the demo data and what: the types to seed, their authors and reviewers, and each report's plan.</summary>
public sealed record DemoPlans(
    IReadOnlyList<DemoTypePlan> Types, IReadOnlyDictionary<string, int> Written, IReadOnlyDictionary<string, string> Skipped,
    IReadOnlyList<DirectoryUser> Users, IReadOnlyDictionary<string, Office> Offices, DateTimeOffset Now)
{
    /// <summary>The IROC staff member who reads and acknowledges submitted demo reports.</summary>
    public DirectoryUser? Iroc => Users.FirstOrDefault(u => u.Roles.Any(r => r.Role == DirectoryRoles.IrocStaff));

    /// <summary>The headquarters agent named as a recipient of every fourth submitted report.</summary>
    public DirectoryUser? Hank => Users.FirstOrDefault(u => u.Roles.Any(r => r.Role == DirectoryRoles.HeadquartersAgent));
}

/// <summary>
/// Plans the demo data (<see cref="DemoSeeder"/> through the workflow, <see cref="DemoBulkWriter"/> in bulk): every
/// loaded report type whose module contributes <see cref="IDemoReports"/>, its reports spread over the directory's
/// authors (those whose reports can go all the way through review), offices, workflow states and 18 months.
/// </summary>
public sealed class DemoPlanner(SenDatabase database, SchemaHost schemas, ReportTypes reportTypes, AccessControl access)
{
    public async Task<DemoPlans> PlanAsync(DemoSeedRequest seed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = schemas.Current;
        var schema = snapshot.Schema;
        var users = await ActiveUsersAsync(cancellationToken);
        var offices = await OfficesAsync(cancellationToken);
        var written = new Dictionary<string, int>(StringComparer.Ordinal);
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new List<DemoTypePlan>();
        var demos = snapshot.LoadedModules.SelectMany(m => m.Services.GetServices<IDemoReports>()).ToList();
        foreach (var (demo, position) in demos.Select((d, i) => (d, i)))
        {
            if (!reportTypes.Of(schema).TryGetValue(demo.TypeCode, out var type))
            {
                skipped[demo.TypeCode] = "no report type of this code is loaded";
                continue;
            }

            var count = seed.OnlyTypesWithoutReports ? seed.Reports : seed.Reports / demos.Count + (position < seed.Reports % demos.Count ? 1 : 0);
            if (seed.OnlyTypesWithoutReports && await HasReportsAsync(demo.TypeCode, cancellationToken))
            {
                skipped[demo.TypeCode] = "it already has reports";
                continue;
            }

            // Authors whose reports can go all the way: review is optional for them, or someone else in their office reviews.
            var reviewers = await WhoMayAsync(schema, users, type, ReportOperation.Review);
            DirectoryUser? ReviewerOf(DirectoryUser author) => reviewers.FirstOrDefault(r => r.OfficeCode == author.OfficeCode && r.UserName != author.UserName);
            bool ReviewRequired(DirectoryUser author) => type.ReviewMandatory || offices.GetValueOrDefault(author.OfficeCode)?.ReviewMandatory == true;
            var authors = (await WhoMayAsync(schema, users, type, ReportOperation.Author)).Where(a => !ReviewRequired(a) || ReviewerOf(a) is not null).ToList();
            var reviewed = authors.Where(a => ReviewerOf(a) is not null).ToList();
            if (authors.Count == 0)
            {
                skipped[demo.TypeCode] = "no directory user may author it and see it through review";
                continue;
            }

            var places = authors.Select(a => a.OfficeCode).Distinct().ToDictionary(o => o, o =>
            {
                var area = offices.GetValueOrDefault(o)?.Area;
                return (IReadOnlyList<DemoPlace>)DemoValues.Places.Where(p => p.Area == area).ToList();
            });
            var reviewerOf = authors.ToDictionary(a => a.UserName, ReviewerOf);
            types.Add(new DemoTypePlan(demo, type, count, i =>
            {
                var state = DemoReportPlan.StateOf(i);
                var pool = state is DemoState.Returned or DemoState.Approved && reviewed.Count > 0 ? reviewed : authors;
                var author = pool[i % pool.Count];
                var draftedAt = DemoReportPlan.DraftedAtOf(i, count, state, now);
                var inArea = places[author.OfficeCode];
                var place = inArea.Count > 0 ? DemoValues.Pick(inArea, i) : DemoValues.Place(i);
                var request = new DemoReportRequest(Viewer(author), i, draftedAt - TimeSpan.FromHours(2 + i % 18), place);
                return new DemoReportPlan(demo, author, reviewerOf[author.UserName], request, state, draftedAt);
            }));
            written[demo.TypeCode] = count;
        }

        return new DemoPlans(types, written, skipped, users, offices, now);
    }

    private async Task<IReadOnlyList<DirectoryUser>> WhoMayAsync(ISchema schema, IReadOnlyList<DirectoryUser> users, IReportType type, ReportOperation operation)
    {
        var allowed = new List<DirectoryUser>();
        foreach (var user in users)
        {
            if (await access.CanAsync(schema, Principal(user), type, operation)) allowed.Add(user);
        }

        return allowed;
    }

    private async Task<IReadOnlyList<DirectoryUser>> ActiveUsersAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        return await db.Users.AsNoTracking().Include(u => u.Roles).Where(u => !u.Disabled).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, Office>> OfficesAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        return await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Code, StringComparer.Ordinal, cancellationToken);
    }

    private async Task<bool> HasReportsAsync(string typeCode, CancellationToken cancellationToken)
    {
        await using var db = database.CreateDbContext();
        return await db.Reports.AnyAsync(r => r.Type == typeCode, cancellationToken);
    }

    private static ReportViewer Viewer(DirectoryUser user) => ReportViewer.From(Principal(user));

    /// <summary>The user as the directory describes them, as a request's principal would carry them.</summary>
    public static ClaimsPrincipal Principal(DirectoryUser user) => new(new ClaimsIdentity(
        [
            new Claim(SenGraphClaims.UserName, user.UserName),
            new Claim(SenGraphClaims.Office, user.OfficeCode),
            .. user.Roles.Select(r => new Claim(SenGraphClaims.Role, r.Role)),
        ],
        authenticationType: "seed demo", SenGraphClaims.UserName, SenGraphClaims.Role));
}
