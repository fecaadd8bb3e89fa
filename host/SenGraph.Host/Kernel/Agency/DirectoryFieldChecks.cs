using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Kernel.Agency;

/// <summary>
/// The fields of the directory administration inputs, one check each: format and length, and for a code that it names a
/// stored office or organisation. Each adds its problems to <c>errors</c> (path: the field) and returns the normalized value.
/// </summary>
internal static class DirectoryFieldChecks
{
    internal static string? OfficeCode(string? value, string field, List<UserError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(UserError.ForField("REQUIRED", "An office code is required.", field));
            return null;
        }

        var code = DirectoryRules.NormalizeCode(value);
        if (DirectoryRules.IsOfficeCode(code)) return code;
        errors.Add(UserError.ForField("INVALID_CODE",
            $"'{value}' is not an office code: 2-{DirectoryRules.OfficeCodeMaxLength} letters and digits in parts joined by '-', e.g. SAC-NYC.", field));
        return null;
    }

    internal static async Task<string?> OfficeAsync(SenDbContext db, string? value, List<UserError> errors, CancellationToken cancellationToken)
    {
        var code = OfficeCode(value, "office", errors);
        if (code is null) return null;
        if (await db.Offices.AnyAsync(o => o.Code == code, cancellationToken)) return code;
        errors.Add(UserError.ForField("UNKNOWN_OFFICE", $"No office has the code '{code}'.", "office"));
        return null;
    }

    internal static async Task<string?> ParentAsync(SenDbContext db, string? value, List<UserError> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var code = OfficeCode(value, "parent", errors);
        if (code is null) return null;
        if (await db.Offices.AnyAsync(o => o.Code == code, cancellationToken)) return code;
        errors.Add(UserError.ForField("UNKNOWN_OFFICE", $"No office has the code '{code}'.", "parent"));
        return code;
    }

    internal static async Task<string?> OrganisationAsync(SenDbContext db, string? value, List<UserError> errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(UserError.ForField("REQUIRED", "An office belongs to an organisation.", "organisation"));
            return null;
        }

        var code = DirectoryRules.NormalizeCode(value);
        if (!DirectoryRules.IsOrganisationCode(code))
        {
            errors.Add(UserError.ForField("INVALID_CODE", $"'{value}' is not an organisation code: 2-16 letters and digits, e.g. HSI.", "organisation"));
            return null;
        }

        if (await db.Organisations.AnyAsync(o => o.Code == code, cancellationToken)) return code;
        errors.Add(UserError.ForField("UNKNOWN_ORGANISATION", $"No organisation has the code '{code}'.", "organisation"));
        return null;
    }

    internal static string? Area(string? value, List<UserError> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var area = DirectoryRules.NormalizeCode(value);
        if (DirectoryRules.IsArea(area)) return area;
        errors.Add(UserError.ForField("INVALID_AREA", $"'{value}' is not an area code: 2-16 letters and digits, e.g. NYC.", "area"));
        return null;
    }

    internal static string? Name(string? value, string field, List<UserError> errors)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(UserError.ForField("REQUIRED", "A name is required.", field));
            return null;
        }

        if (name.Length <= DirectoryRules.NameMaxLength) return name;
        errors.Add(UserError.ForField("TOO_LONG", $"At most {DirectoryRules.NameMaxLength} characters.", field));
        return null;
    }

    internal static string? UserName(string? value, List<UserError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(UserError.ForField("REQUIRED", "A user name is required.", "userName"));
            return null;
        }

        var userName = DirectoryRules.NormalizeUserName(value);
        if (DirectoryRules.IsUserName(userName)) return userName;
        errors.Add(UserError.ForField("INVALID_USER_NAME", $"'{value}' is not a user name: 1-64 letters, digits, '.', '_', '@' or '-'.", "userName"));
        return null;
    }
}
