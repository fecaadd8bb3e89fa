using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace SenGraph.Contracts.Agency;

/// <summary>
/// The kinds of office the host knows (routing looks offices up by kind). Modules add their own with
/// <see cref="OfficeKindServiceCollectionExtensions.AddOfficeKind"/>; the GraphQL enum <c>OfficeKind</c> is composed
/// from these and the loaded modules' declarations.
/// </summary>
public static partial class OfficeKind
{
    /// <summary>Special Agent in Charge (HSI field office).</summary>
    public const string Sac = "SAC";

    /// <summary>Resident Agent in Charge (HSI, under a SAC).</summary>
    public const string Rac = "RAC";

    /// <summary>Field Office Director (ERO field office).</summary>
    public const string Fod = "FOD";

    /// <summary>Field Intelligence Group.</summary>
    public const string Fig = "FIG";

    /// <summary>The Reporting and Operations Center.</summary>
    public const string Iroc = "IROC";

    /// <summary>A headquarters office.</summary>
    public const string Hq = "HQ";

    /// <summary>The longest kind code the directory stores.</summary>
    public const int CodeMaxLength = 8;

    /// <summary>The host's kinds, in the order the GraphQL enum lists them.</summary>
    public static IReadOnlyList<OfficeKindDeclaration> BuiltIn { get; } =
    [
        new(Sac, "Special Agent in Charge (HSI field office)."),
        new(Rac, "Resident Agent in Charge (HSI, under a SAC)."),
        new(Fod, "Field Office Director (ERO field office)."),
        new(Fig, "Field Intelligence Group."),
        new(Iroc, "The ICE Reporting and Operations Center."),
        new(Hq, "A headquarters office."),
    ];

    /// <summary>Whether <paramref name="code"/> is one of the host's kinds.</summary>
    public static bool IsBuiltIn(string code) => BuiltIn.Any(k => k.Code == code);

    /// <summary>2-8 upper-case letters or digits, starting with a letter (a GraphQL enum value and a directory column).</summary>
    public static bool IsCode(string code) => CodeRegex().IsMatch(code);

    [GeneratedRegex("^[A-Z][A-Z0-9]{1,7}$")]
    private static partial Regex CodeRegex();
}

/// <summary>A kind of office a module declares (for instance ERO's Intelligence Operations Unit, <c>IOU</c>).</summary>
/// <param name="Code">2-8 upper-case letters or digits, starting with a letter; the GraphQL enum value.</param>
/// <param name="Description">What such an office is, for the enum value's description.</param>
public sealed record OfficeKindDeclaration(string Code, string Description);

/// <summary>Declaring office kinds.</summary>
public static class OfficeKindServiceCollectionExtensions
{
    /// <summary>
    /// Declares a kind of office: while the module is loaded, administrators can create offices of this kind and a report
    /// type can be routed to every office of it (<c>RoutedToOfficesOf</c>). Several modules may declare the same code;
    /// a host kind's code cannot be declared again.
    /// </summary>
    public static IServiceCollection AddOfficeKind(this IServiceCollection services, string code, string description)
    {
        if (!OfficeKind.IsCode(code))
            throw new ArgumentException($"'{code}' is not an office kind code (2-8 upper-case letters or digits, starting with a letter).", nameof(code));
        if (OfficeKind.IsBuiltIn(code))
            throw new ArgumentException($"'{code}' is one of the host's office kinds already.", nameof(code));
        if (string.IsNullOrWhiteSpace(description))
            throw new ArgumentException($"Office kind '{code}' needs a description.", nameof(description));
        return services.AddSingleton(new OfficeKindDeclaration(code, description));
    }
}
