using GraphQL.Types;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;

namespace SenGraph.Modules.Lens.GraphQL;

/// <summary>What a LENS mutation returns: its result, or the errors that kept it from applying (one shape for every LENS mutation).</summary>
public sealed record LensPayload<T>(T? Value, IReadOnlyList<UserError> Errors)
{
    public static LensPayload<T> From(Result<T> result) => result.Succeeded ? new(result.Value, []) : new(default, result.Errors);
}

/// <summary><c>VerbNounPayload</c>: the field <paramref name="valueField"/> (null on failure) and <c>errors</c> of <typeparamref name="TError"/>.</summary>
public abstract class LensPayloadGraphType<TValue, TValueGraphType, TError> : ObjectGraphType<LensPayload<TValue>>
    where TValueGraphType : IGraphType
    where TError : UserErrorGraphType
{
    protected LensPayloadGraphType(string name, string valueField, string valueDescription)
    {
        Name = name;
        Description = $"The result of {char.ToLowerInvariant(name[0])}{name[1..^"Payload".Length]}.";
        Field(valueField, typeof(TValueGraphType)).Description(valueDescription + " Null when the mutation did not apply.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TError>>>>("errors").Description("Why it did not apply; empty when it did.")
            .Resolve(c => c.Source.Errors);
    }
}

public sealed class RecordLensReleaseErrorGraphType() : UserErrorGraphType("RecordLensReleaseError");
public sealed class CorrectLensReleaseErrorGraphType() : UserErrorGraphType("CorrectLensReleaseError");
public sealed class CancelLensReleaseErrorGraphType() : UserErrorGraphType("CancelLensReleaseError");
public sealed class SetLensStateOriErrorGraphType() : UserErrorGraphType("SetLensStateOriError");
public sealed class RemoveLensStateOriErrorGraphType() : UserErrorGraphType("RemoveLensStateOriError");
public sealed class SetLensQualifyingOffensesErrorGraphType() : UserErrorGraphType("SetLensQualifyingOffensesError");
public sealed class RequeueLensMessageErrorGraphType() : UserErrorGraphType("RequeueLensMessageError");

public sealed class RecordLensReleasePayloadGraphType()
    : LensPayloadGraphType<Data.LensRelease, LensReleaseGraphType, RecordLensReleaseErrorGraphType>("RecordLensReleasePayload", "release", "The recorded release.");

public sealed class CorrectLensReleasePayloadGraphType()
    : LensPayloadGraphType<Data.LensRelease, LensReleaseGraphType, CorrectLensReleaseErrorGraphType>("CorrectLensReleasePayload", "release", "The corrected release.");

public sealed class CancelLensReleasePayloadGraphType()
    : LensPayloadGraphType<Data.LensRelease, LensReleaseGraphType, CancelLensReleaseErrorGraphType>("CancelLensReleasePayload", "release", "The cancelled release.");

public sealed class SetLensStateOriPayloadGraphType()
    : LensPayloadGraphType<Data.LensStateOri, LensStateOriGraphType, SetLensStateOriErrorGraphType>("SetLensStateOriPayload", "stateOri", "The directory entry as stored.");

public sealed class RemoveLensStateOriPayloadGraphType()
    : LensPayloadGraphType<string, StringGraphType, RemoveLensStateOriErrorGraphType>("RemoveLensStateOriPayload", "state", "The state whose entry was removed.");

public sealed class SetLensQualifyingOffensesPayloadGraphType()
    : LensPayloadGraphType<IReadOnlyList<Data.LensQualifyingOffense>, ListGraphType<NonNullGraphType<LensQualifyingOffenseGraphType>>, SetLensQualifyingOffensesErrorGraphType>(
        "SetLensQualifyingOffensesPayload", "qualifyingOffenses", "The whole set as stored.");

public sealed class RequeueLensMessagePayloadGraphType()
    : LensPayloadGraphType<Data.LensMessage, LensMessageGraphType, RequeueLensMessageErrorGraphType>("RequeueLensMessagePayload", "message", "The re-queued message.");
