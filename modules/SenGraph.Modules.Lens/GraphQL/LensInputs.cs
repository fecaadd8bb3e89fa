using GraphQL.Types;
using SenGraph.Contracts.Reports;
using SenGraph.Modules.Lens.Data;

namespace SenGraph.Modules.Lens.GraphQL;

public sealed class LensConvictionInputGraphType : InputObjectGraphType
{
    public LensConvictionInputGraphType()
    {
        Name = "LensConvictionInput";
        Description = "A conviction of the subject: decides whether LENS notifies, never appears in a message.";
        Field<NonNullGraphType<StringGraphType>>("ncicCode").Description("The NCIC offense code, four digits.").Pii();
        Field<StringGraphType>("description").Description($"The offense as recorded, at most {LensLimits.Conviction} characters.").Pii();
        Field<DateOnlyGraphType>("convictedOn").Description("The date of conviction.").Pii();
        Field<StringGraphType>("court").Description($"The convicting court, at most {LensLimits.Conviction} characters.").Pii();
        Field<StringGraphType>("sentence").Description($"The sentence, at most {LensLimits.Conviction} characters.").Pii();
    }
}

/// <summary>The fields of a release, shared by record and correct.</summary>
public abstract class LensReleaseFieldsInputGraphType : InputObjectGraphType
{
    protected LensReleaseFieldsInputGraphType()
    {
        Field<NonNullGraphType<DateOnlyGraphType>>("releaseDate").Description("The day ICE released the subject.");
        Field<NonNullGraphType<StringGraphType>>("releasingFacility").Description($"The releasing facility, at most {LensLimits.Facility} characters.");
        Field<NonNullGraphType<StringGraphType>>("releasingState").Description("The releasing facility's state, two letters.");
        Field<NonNullGraphType<LensReleaseKindGraphType>>("kind").Description("Order of supervision, bond, or other.");
        Field<NonNullGraphType<StringGraphType>>("lastName").Description($"The subject's family name, at most {LensLimits.Name} characters.").Pii();
        Field<NonNullGraphType<StringGraphType>>("firstName").Description($"The subject's given name, at most {LensLimits.Name} characters.").Pii();
        Field<StringGraphType>("middleName").Description($"The subject's middle name(s), at most {LensLimits.Name} characters.").Pii();
        Field<NonNullGraphType<DateOnlyGraphType>>("dateOfBirth").Description("The subject's date of birth.").Pii();
        Field<NonNullGraphType<StringGraphType>>("sex").Description("M, F or U.").Pii();
        Field<NonNullGraphType<StringGraphType>>("fbiNumber").Description("The subject's FBI number: one to nine letters and digits, at least one digit.").Pii();
        Field<NonNullGraphType<StringGraphType>>("residenceStreet").Description($"Where the subject will reside: street, at most {LensLimits.Street} characters.").Pii();
        Field<NonNullGraphType<StringGraphType>>("residenceCity").Description($"Where the subject will reside: city, at most {LensLimits.City} characters.").Pii();
        Field<NonNullGraphType<StringGraphType>>("residenceState").Description("Where the subject will reside: state, two letters.");
        Field<NonNullGraphType<StringGraphType>>("residencePostalCode").Description("Where the subject will reside: postal code, at most 10 characters.").Pii();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LensConvictionInputGraphType>>>>("convictions")
            .Description($"The subject's convictions, at most {Releases.ReleaseInput.MaxConvictions}.");
    }
}

public sealed class RecordLensReleaseInputGraphType : LensReleaseFieldsInputGraphType
{
    public RecordLensReleaseInputGraphType()
    {
        Name = "RecordLensReleaseInput";
        Description = "A release from ICE custody to record for LENS.";
    }
}

public sealed class CorrectLensReleaseInputGraphType : LensReleaseFieldsInputGraphType
{
    public CorrectLensReleaseInputGraphType()
    {
        Name = "CorrectLensReleaseInput";
        Description = "Every field of a recorded release, corrected.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The release.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The version you read.");
    }
}

public sealed class CancelLensReleaseInputGraphType : InputObjectGraphType
{
    public CancelLensReleaseInputGraphType()
    {
        Name = "CancelLensReleaseInput";
        Description = "A release to cancel before any of its messages is sent.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The release.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The version you read.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description($"Why, at most {LensLimits.Reason} characters.");
    }
}

public sealed class SetLensStateOriInputGraphType : InputObjectGraphType
{
    public SetLensStateOriInputGraphType()
    {
        Name = "SetLensStateOriInput";
        Description = "The ORI a state chose to receive LENS messages (replaces its previous one).";
        Field<NonNullGraphType<StringGraphType>>("state").Description("The state, DC or territory, two letters.");
        Field<NonNullGraphType<StringGraphType>>("ori").Description("The ORI: the state's code then seven letters or digits.");
        Field<NonNullGraphType<StringGraphType>>("bureau").Description("The state's State Identification Bureau, at most 200 characters.");
    }
}

public sealed class RemoveLensStateOriInputGraphType : InputObjectGraphType
{
    public RemoveLensStateOriInputGraphType()
    {
        Name = "RemoveLensStateOriInput";
        Description = "A state whose LENS ORI is withdrawn: its releases then raise an alert instead of a message.";
        Field<NonNullGraphType<StringGraphType>>("state").Description("The state, two letters.");
    }
}

public sealed class LensQualifyingOffenseInputGraphType : InputObjectGraphType
{
    public LensQualifyingOffenseInputGraphType()
    {
        Name = "LensQualifyingOffenseInput";
        Description = "A range of NCIC offense codes (inclusive).";
        Field<NonNullGraphType<StringGraphType>>("from").Description("First code, four digits.");
        Field<StringGraphType>("to").Description("Last code, four digits (default: the first).");
        Field<NonNullGraphType<StringGraphType>>("category").Description("The offense category, at most 100 characters.");
    }
}

public sealed class SetLensQualifyingOffensesInputGraphType : InputObjectGraphType
{
    public SetLensQualifyingOffensesInputGraphType()
    {
        Name = "SetLensQualifyingOffensesInput";
        Description = "The whole set of qualifying ranges (replaces the current set; ranges may not overlap).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LensQualifyingOffenseInputGraphType>>>>("ranges").Description("The ranges.");
    }
}

public sealed class RequeueLensMessageInputGraphType : InputObjectGraphType
{
    public RequeueLensMessageInputGraphType()
    {
        Name = "RequeueLensMessageInput";
        Description = "A dead-lettered message to deliver again.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The message.");
    }
}
