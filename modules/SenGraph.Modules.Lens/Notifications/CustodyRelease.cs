using System.ComponentModel;

namespace SenGraph.Modules.Lens.Notifications;

/// <summary>How ICE let the subject go: what the message tells the state.</summary>
public enum ReleaseKind
{
    [Description("Released under an order of supervision.")]
    OrderOfSupervision,

    [Description("Released on bond.")]
    Bond,

    [Description("Released otherwise.")]
    Other,
}

/// <summary>A conviction of the subject as ICE's system of record documents it: never part of a message.</summary>
/// <param name="NcicCode">The NCIC offense code, four digits.</param>
/// <param name="Description">The offense as recorded.</param>
/// <param name="ConvictedOn">The date of conviction.</param>
/// <param name="Court">The convicting court.</param>
/// <param name="Sentence">The sentence.</param>
public sealed record Conviction(string NcicCode, string? Description = null, DateOnly? ConvictedOn = null, string? Court = null, string? Sentence = null);

/// <summary>The subject's basic biographic data, as a LENS message carries it.</summary>
public sealed record ReleasedSubject(string LastName, string FirstName, string? MiddleName, DateOnly DateOfBirth, string Sex, string FbiNumber);

/// <summary>Where the subject said they will reside.</summary>
public sealed record ResidenceAddress(string Street, string City, string State, string PostalCode);

/// <summary>A release from ICE custody as an ERO officer records it.</summary>
public sealed record CustodyRelease(
    Guid Id,
    DateOnly ReleaseDate,
    string ReleasingFacility,
    string ReleasingState,
    ReleaseKind Kind,
    ReleasedSubject Subject,
    ResidenceAddress Residence,
    IReadOnlyList<Conviction> Convictions);
