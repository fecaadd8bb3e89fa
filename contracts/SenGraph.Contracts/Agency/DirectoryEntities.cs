namespace SenGraph.Contracts.Agency;

/// <summary>An organisation of the agency (<c>HSI</c>, <c>ERO</c>, <c>IROC</c>); offices belong to one.</summary>
public sealed class Organisation
{
    /// <summary>Upper-case code, the key (<see cref="DirectoryRules.OrganisationCodePattern"/>).</summary>
    public required string Code { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }
}

/// <summary>
/// An office. Offices of one city or region share an <see cref="Area"/> code, which is how routing
/// finds "the FOD and the FIG of the area"; a RAC names its SAC as <see cref="ParentCode"/>.
/// </summary>
public sealed class Office
{
    /// <summary>Upper-case code, the key (<c>SAC-NYC</c>); never changes, reports refer to it.</summary>
    public required string Code { get; set; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>What the office is: a code of <see cref="OfficeKind"/> or one a loaded module declares (<see cref="OfficeKindDeclaration"/>).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Code of the <see cref="Organisation"/> the office belongs to.</summary>
    public required string OrganisationCode { get; set; }

    /// <summary>The office above this one: required for a RAC (its SAC), optional otherwise.</summary>
    public string? ParentCode { get; set; }

    /// <summary>The city or region the office serves (<c>NYC</c>); required for SAC, RAC, FOD and FIG offices.</summary>
    public string? Area { get; set; }

    /// <summary>Whether reports from this office must be reviewed by a supervisor before submission.</summary>
    public bool ReviewMandatory { get; set; }
}

/// <summary>A user of the system, as the System Administrator manages them.</summary>
public sealed class DirectoryUser
{
    /// <summary>Lower-case user name, the key; the token's <c>sub</c>.</summary>
    public required string UserName { get; set; }

    /// <summary>Name to show.</summary>
    public required string DisplayName { get; set; }

    /// <summary>Code of the user's office.</summary>
    public required string OfficeCode { get; set; }

    /// <summary>Whether the account is switched off.</summary>
    public bool Disabled { get; set; }

    /// <summary>The user's roles (<see cref="DirectoryRoles"/>), one row each.</summary>
    public List<DirectoryUserRole> Roles { get; set; } = [];
}

/// <summary>One role of one user.</summary>
public sealed class DirectoryUserRole
{
    /// <summary>The user.</summary>
    public required string UserName { get; set; }

    /// <summary>The role's name, as tokens carry it (<c>System Administrator</c>).</summary>
    public required string Role { get; set; }
}

/// <summary>Whether a recipient is a user or a whole office.</summary>
public enum RecipientKind
{
    /// <summary>A user, by user name.</summary>
    User,

    /// <summary>An office, by office code: everyone in the office sees it.</summary>
    Office,
}

/// <summary>Why a report reached a recipient.</summary>
public enum RecipientReason
{
    /// <summary>The report type's routing rule chose the recipient.</summary>
    Routed,

    /// <summary>The submitter named the recipient.</summary>
    Named,
}

/// <summary>A recipient, as routing returns it.</summary>
/// <param name="Kind">User or office.</param>
/// <param name="Code">User name or office code.</param>
public sealed record RecipientRef(RecipientKind Kind, string Code)
{
    /// <summary>An office recipient.</summary>
    public static RecipientRef ForOffice(string code) => new(RecipientKind.Office, code);

    /// <summary>A user recipient.</summary>
    public static RecipientRef ForUser(string userName) => new(RecipientKind.User, userName);

    /// <inheritdoc />
    public override string ToString() => $"{Kind}:{Code}";
}
