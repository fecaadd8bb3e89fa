using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;
using SenGraph.Modules.Lens.Data;
using SenGraph.Modules.Lens.Notifications;

namespace SenGraph.Modules.Lens.Releases;

/// <summary>A conviction as an ERO officer enters it.</summary>
public sealed record ConvictionInput(string? NcicCode, string? Description = null, DateOnly? ConvictedOn = null, string? Court = null, string? Sentence = null);

/// <summary>What an ERO officer enters to record (or correct) a release; checked by <see cref="Check"/>.</summary>
public sealed record ReleaseInput(
    DateOnly? ReleaseDate,
    string? ReleasingFacility,
    string? ReleasingState,
    ReleaseKind? Kind,
    string? LastName,
    string? FirstName,
    string? MiddleName,
    DateOnly? DateOfBirth,
    string? Sex,
    string? FbiNumber,
    string? ResidenceStreet,
    string? ResidenceCity,
    string? ResidenceState,
    string? ResidencePostalCode,
    IReadOnlyList<ConvictionInput>? Convictions)
{
    /// <summary>Most convictions one release records.</summary>
    public const int MaxConvictions = 50;

    /// <summary>Every error at once, each at its input path; none means <see cref="ApplyTo"/> may run.</summary>
    public IReadOnlyList<UserError> Check()
    {
        var errors = new List<UserError>();
        string? Text(string? value, string field, int max, bool required, string label)
        {
            var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (text is null && required) errors.Add(UserError.ForField("REQUIRED", $"The {label} is required.", field));
            else if (text is not null && text.Length > max) errors.Add(UserError.ForField("TOO_LONG", $"The {label} is at most {max} characters.", field));
            return text;
        }

        void State(string? value, string field, string label)
        {
            var code = value?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(code)) errors.Add(UserError.ForField("REQUIRED", $"The {label} is required.", field));
            else if (!UsStates.IsCode(code)) errors.Add(UserError.ForField("INVALID_STATE", $"'{value}' is not a two-letter state, DC or territory code.", field));
        }

        if (ReleaseDate is null) errors.Add(UserError.ForField("REQUIRED", "The release date is required.", "releaseDate"));
        Text(ReleasingFacility, "releasingFacility", LensLimits.Facility, true, "releasing facility");
        State(ReleasingState, "releasingState", "releasing facility's state");
        if (Kind is null) errors.Add(UserError.ForField("REQUIRED", "The release kind is required.", "kind"));
        Text(LastName, "lastName", LensLimits.Name, true, "last name");
        Text(FirstName, "firstName", LensLimits.Name, true, "first name");
        Text(MiddleName, "middleName", LensLimits.Name, false, "middle name");
        if (DateOfBirth is null) errors.Add(UserError.ForField("REQUIRED", "The date of birth is required.", "dateOfBirth"));
        else if (ReleaseDate is { } released && DateOfBirth >= released)
            errors.Add(UserError.ForField("INVALID_DATE", "The date of birth must be before the release date.", "dateOfBirth"));
        var sex = Sex?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(sex)) errors.Add(UserError.ForField("REQUIRED", "The sex is required (M, F or U).", "sex"));
        else if (sex is not ("M" or "F" or "U")) errors.Add(UserError.ForField("INVALID_SEX", "The sex is M, F or U.", "sex"));
        if (string.IsNullOrWhiteSpace(FbiNumber)) errors.Add(UserError.ForField("REQUIRED", "The FBI number is required.", "fbiNumber"));
        else if (Notifications.FbiNumber.Normalize(FbiNumber) is null)
            errors.Add(UserError.ForField("INVALID_FBI_NUMBER", "An FBI number is one to nine letters and digits with at least one digit.", "fbiNumber"));
        Text(ResidenceStreet, "residenceStreet", LensLimits.Street, true, "residence street");
        Text(ResidenceCity, "residenceCity", LensLimits.City, true, "residence city");
        State(ResidenceState, "residenceState", "residence state");
        Text(ResidencePostalCode, "residencePostalCode", 10, true, "residence postal code");
        var convictions = Convictions ?? [];
        if (convictions.Count > MaxConvictions)
            errors.Add(UserError.ForField("TOO_MANY", $"A release records at most {MaxConvictions} convictions.", "convictions"));
        for (var i = 0; i < convictions.Count && i < MaxConvictions; i++)
        {
            var c = convictions[i];
            var at = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var code = c.NcicCode?.Trim();
            if (string.IsNullOrEmpty(code)) errors.Add(UserError.ForField("REQUIRED", "The NCIC offense code is required.", "convictions", at, "ncicCode"));
            else if (!QualifyingOffenses.IsCode(code))
                errors.Add(UserError.ForField("INVALID_NCIC_CODE", "An NCIC offense code is four digits.", "convictions", at, "ncicCode"));
            foreach (var (value, field) in new[] { (c.Description, "description"), (c.Court, "court"), (c.Sentence, "sentence") })
                if (value is { Length: > LensLimits.Conviction })
                    errors.Add(UserError.ForField("TOO_LONG", $"The conviction's {field} is at most {LensLimits.Conviction} characters.", "convictions", at, field));
        }

        return errors;
    }

    /// <summary>Copies the checked input onto <paramref name="release"/> (its convictions replaced).</summary>
    public void ApplyTo(LensRelease release)
    {
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        release.ReleaseDate = ReleaseDate!.Value;
        release.ReleasingFacility = Clean(ReleasingFacility)!;
        release.ReleasingState = ReleasingState!.Trim().ToUpperInvariant();
        release.Kind = Kind!.Value;
        release.LastName = Clean(LastName)!;
        release.FirstName = Clean(FirstName)!;
        release.MiddleName = Clean(MiddleName);
        release.DateOfBirth = DateOfBirth!.Value;
        release.Sex = Sex!.Trim().ToUpperInvariant();
        release.FbiNumber = Notifications.FbiNumber.Normalize(FbiNumber)!;
        release.ResidenceStreet = Clean(ResidenceStreet)!;
        release.ResidenceCity = Clean(ResidenceCity)!;
        release.ResidenceState = ResidenceState!.Trim().ToUpperInvariant();
        release.ResidencePostalCode = Clean(ResidencePostalCode)!;
        release.Convictions = (Convictions ?? []).Select(c => new LensConviction
        {
            Id = Guid.NewGuid(), ReleaseId = release.Id, NcicCode = c.NcicCode!.Trim(), Description = Clean(c.Description),
            ConvictedOn = c.ConvictedOn, Court = Clean(c.Court), Sentence = Clean(c.Sentence),
        }).ToList();
    }
}
