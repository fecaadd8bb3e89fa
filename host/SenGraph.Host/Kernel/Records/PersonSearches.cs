using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Security;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Reports;

namespace SenGraph.Host.Kernel.Records;

/// <summary>Who a privacy officer looks for, and why (PIA 7.1).</summary>
public sealed record PersonSearchInput(string? Purpose, string? LastName, string? FirstName, DateOnly? DateOfBirth, string? ANumber, string? Fin);

/// <summary>A person named on a report, as a search found them.</summary>
public sealed record PersonMatch(Guid ReportId, string Type, string? Number, string Title, ReportStatus Status, DateTimeOffset CreatedAt, ReportPerson Person);

/// <summary>What a search found, with its record (the criteria it was audited with) and the export for the response.</summary>
public sealed record PersonSearchResult(PersonSearch? Search, IReadOnlyList<PersonMatch> Matches, string? Export, IReadOnlyList<UserError> Errors);

/// <summary>
/// Finds every report, of every type, naming a person (PIA 7.1): by last name (any case, with the first name to narrow), date of
/// birth, A-number or FIN, all given criteria together, in SQL through the indexes on the people table. Every search is stored
/// with its criteria, who ran it and why (<see cref="PersonSearch"/>, audited as an insert) before anything is returned.
/// </summary>
public sealed class PersonSearches(SenDatabase database, ReportTypes reportTypes, TimeProvider clock)
{
    public const string InvalidSearch = "INVALID_SEARCH";
    public const int MaxMatches = 1000;

    public async Task<PersonSearchResult> SearchAsync(ClaimsPrincipal user, ISchema schema, PersonSearchInput input, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        var purpose = input.Purpose?.Trim();
        if (string.IsNullOrEmpty(purpose) || purpose.Length > RecordsModel.ReasonMaxLength)
            errors.Add(UserError.ForField(InvalidSearch, "Say which access or correction request the search answers (at most 1,000 characters).", "purpose"));
        var last = input.LastName?.Trim();
        var first = input.FirstName?.Trim();
        if (string.IsNullOrEmpty(last)) last = null;
        if (string.IsNullOrEmpty(first)) first = null;
        string? aNumber = null, fin = null;
        if (input.ANumber is { } a && !PersonIdentifiers.TryNormalizeANumber(a, out aNumber!))
            errors.Add(UserError.ForField(InvalidSearch, "An A-number is A and 8 or 9 digits, e.g. A012345678.", "aNumber"));
        if (input.Fin is { } f && !PersonIdentifiers.TryNormalizeFin(f, out fin!))
            errors.Add(UserError.ForField(InvalidSearch, "Not a FIN.", "fin"));
        if (first is not null && last is null)
            errors.Add(UserError.ForField(InvalidSearch, "A first name narrows a search by last name; give the last name too.", "lastName"));
        if (last is null && input.DateOfBirth is null && input.ANumber is null && input.Fin is null)
            errors.Add(UserError.ForField(InvalidSearch, "Give at least one of lastName, dateOfBirth, aNumber, fin.", "lastName"));
        if (last?.Length > ReportLimits.NameMaxLength || first?.Length > ReportLimits.NameMaxLength)
            errors.Add(UserError.ForField(InvalidSearch, $"Names are at most {ReportLimits.NameMaxLength} characters.", "lastName"));
        if (errors.Count > 0) return new PersonSearchResult(null, [], null, errors);

        await using var db = database.CreateDbContext();
        var people = db.Set<ReportPerson>().AsNoTracking();
        if (last is not null)
        {
            var key = last.ToUpperInvariant();
            people = people.Where(p => p.LastNameKey == key);
        }
        if (first is not null)
        {
            var key = first.ToUpperInvariant();
            people = people.Where(p => p.FirstName != null && p.FirstName.ToUpper() == key);
        }
        if (input.DateOfBirth is { } born) people = people.Where(p => p.DateOfBirth == born);
        if (aNumber is not null) people = people.Where(p => p.ANumber == aNumber);
        if (fin is not null) people = people.Where(p => p.Fin == fin);
        var found = await (from p in people
                           join r in db.Reports on p.ReportId equals r.Id
                           orderby r.CreatedAt, r.Id, p.Position
                           select new { Person = p, r.Id, r.Type, r.Number, r.Title, r.Status, r.CreatedAt })
            .Take(MaxMatches).ToListAsync(cancellationToken);
        var matches = found.Select(m => new PersonMatch(m.Id, m.Type, m.Number, m.Title, m.Status, m.CreatedAt, m.Person)).ToList();

        var criteria = new JsonObject
        {
            ["lastName"] = last, ["firstName"] = first, ["dateOfBirth"] = input.DateOfBirth?.ToString("yyyy-MM-dd"), ["aNumber"] = aNumber, ["fin"] = fin,
        };
        var search = new PersonSearch
        {
            Id = RowKeys.New(), SearchedBy = user.FindFirstValue(SenGraphClaims.UserName) ?? "unknown", SearchedAt = clock.GetUtcNow(),
            Purpose = purpose!, Criteria = criteria.ToJsonString(), Found = matches.Select(m => m.ReportId).Distinct().Count(),
        };
        db.PersonSearches.Add(search);
        await db.SaveChangesAsync(cancellationToken);
        return new PersonSearchResult(search, matches, await ExportAsync(db, schema, search, matches, cancellationToken), []);
    }

    /// <summary>
    /// The reports found, as JSON for the response: each report as its module writes it for a revision (envelope, people, contacts,
    /// narratives and the module's fields), with the search's criteria and purpose.
    /// </summary>
    private async Task<string> ExportAsync(SenDbContext db, ISchema schema, PersonSearch search, IReadOnlyList<PersonMatch> matches, CancellationToken cancellationToken)
    {
        var ids = matches.Select(m => m.ReportId).Distinct().ToList();
        var envelopes = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var typed = await reportTypes.TypedAsync(schema, envelopes, cancellationToken);
        var people = (await db.Set<ReportPerson>().AsNoTracking().Where(p => ids.Contains(p.ReportId)).ToListAsync(cancellationToken)).ToLookup(p => p.ReportId);
        var contacts = (await db.Set<ReportContact>().AsNoTracking().Where(p => ids.Contains(p.ReportId)).ToListAsync(cancellationToken)).ToLookup(p => p.ReportId);
        var narratives = (await db.Set<ReportNarrative>().AsNoTracking().Where(p => ids.Contains(p.ReportId)).ToListAsync(cancellationToken)).ToLookup(p => p.ReportId);
        var types = reportTypes.Of(schema);
        var reports = new JsonArray();
        foreach (var id in ids)
        {
            var report = typed[id];
            report.People = [.. people[id].OrderBy(p => p.Position)];
            report.Contacts = [.. contacts[id].OrderBy(c => c.Position)];
            report.Narratives = [.. narratives[id].OrderBy(n => n.Position)];
            reports.Add(types.TryGetValue(report.Type, out var type)
                ? JsonNode.Parse(type.WriteSnapshot(report))
                : JsonSerializer.SerializeToNode(report, ReportSnapshotJson.Options));
        }
        return new JsonObject
        {
            ["searchId"] = search.Id, ["searchedAt"] = search.SearchedAt, ["searchedBy"] = search.SearchedBy, ["purpose"] = search.Purpose,
            ["criteria"] = JsonNode.Parse(search.Criteria), ["reports"] = reports,
        }.ToJsonString();
    }
}
