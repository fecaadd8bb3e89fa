using System.Text.RegularExpressions;

namespace SenGraph.Contracts.Agency;

/// <summary>Formats and lengths of directory codes and names, shared by the host and report modules.</summary>
public static partial class DirectoryRules
{
    public const int OrganisationCodeMaxLength = 16;
    public const int OfficeCodeMaxLength = 32;
    public const int AreaMaxLength = 16;
    public const int UserNameMaxLength = 64;
    public const int NameMaxLength = 200;
    public const int RoleMaxLength = 64;

    /// <summary>Organisation codes: 2-16 upper-case letters and digits, starting with a letter (<c>HSI</c>).</summary>
    public const string OrganisationCodePattern = "^[A-Z][A-Z0-9]{1,15}$";

    /// <summary>Office codes: upper-case letters and digits in dash-separated parts, at most 32 (<c>SAC-NYC</c>).</summary>
    public const string OfficeCodePattern = "^(?=.{2,32}$)[A-Z0-9]+(-[A-Z0-9]+)*$";

    /// <summary>Area codes: 2-16 upper-case letters and digits, starting with a letter (<c>NYC</c>).</summary>
    public const string AreaPattern = "^[A-Z][A-Z0-9]{1,15}$";

    /// <summary>User names: 1-64 lower-case letters, digits, '.', '_', '@' or '-'.</summary>
    public const string UserNamePattern = "^[a-z0-9._@-]{1,64}$";

    [GeneratedRegex(OrganisationCodePattern)]
    private static partial Regex OrganisationCodeRegex();

    [GeneratedRegex(OfficeCodePattern)]
    private static partial Regex OfficeCodeRegex();

    [GeneratedRegex(AreaPattern)]
    private static partial Regex AreaRegex();

    [GeneratedRegex(UserNamePattern)]
    private static partial Regex UserNameRegex();

    /// <summary>Codes are compared and stored trimmed and upper-case.</summary>
    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    /// <summary>User names are compared and stored trimmed and lower-case.</summary>
    public static string NormalizeUserName(string userName) => userName.Trim().ToLowerInvariant();

    public static bool IsOrganisationCode(string code) => OrganisationCodeRegex().IsMatch(code);

    public static bool IsOfficeCode(string code) => OfficeCodeRegex().IsMatch(code);

    public static bool IsArea(string area) => AreaRegex().IsMatch(area);

    public static bool IsUserName(string userName) => UserNameRegex().IsMatch(userName);

    /// <summary>Whether offices of this kind must name an area (routing finds them by it).</summary>
    public static bool RequiresArea(string kind) => kind is OfficeKind.Sac or OfficeKind.Rac or OfficeKind.Fod or OfficeKind.Fig;
}
