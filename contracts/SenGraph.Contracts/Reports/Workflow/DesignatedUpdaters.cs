using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;

namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// Who besides its author may update some fields of a submitted report (a LEARA's disposition: the officer it was
/// forwarded to, the duty officer), through a designated update (see <c>ReportTypeDefinition.DesignatedUpdate</c>):
/// users the report names, or holders of roles. Each must also see the report.
/// </summary>
public sealed record DesignatedUpdaters
{
    /// <summary>The user the report names as its action officer.</summary>
    public bool ActionOfficer { get; init; }

    /// <summary>The supervisor the report names.</summary>
    public bool Supervisor { get; init; }

    /// <summary>Users the report was sent to by name on submission (recipients of kind USER).</summary>
    public bool NamedRecipients { get; init; }

    /// <summary>
    /// Contacts of these kinds (<see cref="ContactKind"/> or a module's) whose name is a user's user name or display name
    /// (case and surrounding spaces ignored).
    /// </summary>
    public IReadOnlyList<string> ContactKinds { get; init; } = [];

    /// <summary>Holders of these directory roles (a module's roles too).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Who, in words, for descriptions and errors: "its author, its action officer, holders of IROC Staff".</summary>
    public string Describe()
    {
        var who = new List<string> { "its author" };
        if (ActionOfficer) who.Add("its action officer");
        if (Supervisor) who.Add("its supervisor");
        if (NamedRecipients) who.Add("users it was sent to by name");
        if (ContactKinds.Count > 0) who.Add("users it names as contacts of kind " + string.Join(" or ", ContactKinds));
        if (Roles.Count > 0) who.Add("holders of " + string.Join(" or ", Roles));
        return who.Count == 1 ? who[0] : string.Join(", ", who[..^1]) + " or " + who[^1];
    }

    /// <summary>Whether <paramref name="viewer"/> is the author or one of these updaters of <paramref name="report"/> (its contacts loaded).</summary>
    public async Task<bool> IncludeAsync(DbContext db, Report report, ReportViewer viewer, CancellationToken cancellationToken)
    {
        if (viewer.UserName is not { } user) return false;
        if (report.Author == user || ActionOfficer && report.ActionOfficer == user || Supervisor && report.Supervisor == user) return true;
        if (Roles.Any(viewer.Roles.Contains)) return true;
        if (NamedRecipients && await db.Set<ReportRecipient>().AnyAsync(r => r.ReportId == report.Id && r.Kind == RecipientKind.User && r.Code == user, cancellationToken))
            return true;
        if (ContactKinds.Count == 0) return false;
        var names = report.Contacts.Where(c => ContactKinds.Contains(c.Kind)).Select(c => c.Name.Trim()).ToList();
        if (names.Count == 0) return false;
        var displayName = await db.Set<DirectoryUser>().Where(u => u.UserName == user && !u.Disabled).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return names.Any(n => string.Equals(n, user, StringComparison.OrdinalIgnoreCase)
            || displayName is not null && string.Equals(n, displayName.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
