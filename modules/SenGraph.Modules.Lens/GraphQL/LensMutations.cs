using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Security;
using SenGraph.Modules.Lens.OriDirectory;
using SenGraph.Modules.Lens.Notifications;
using SenGraph.Modules.Lens.Outbox;
using SenGraph.Modules.Lens.Releases;

namespace SenGraph.Modules.Lens.GraphQL;

/// <summary>LENS's root mutation fields: ERO officers record releases, LESC staff keep the directory and the outbox, administrators the codes.</summary>
public sealed class LensMutations : ObjectGraphType
{
    public LensMutations(LensReleases releases, LensDirectory directory, LensOutbox outbox)
    {
        Name = "LensMutations";
        Description = "Root mutation fields of the LENS module.";

        Field<NonNullGraphType<RecordLensReleasePayloadGraphType>>("recordLensRelease")
            .Description("Records a release from ICE custody. When a conviction qualifies, the messages to the residence state's ORI (and the releasing "
                + "state's when it differs) are written to the outbox in the same transaction; otherwise the release says why there is none.")
            .Argument<NonNullGraphType<RecordLensReleaseInputGraphType>>("input")
            .AuthorizeWithPolicy(LensModule.RecorderPolicy)
            .ResolveAsync(async c => LensPayload<Data.LensRelease>.From(
                await releases.RecordAsync(User(c), ReadRelease(Input(c)), c.CancellationToken)));

        Field<NonNullGraphType<CorrectLensReleasePayloadGraphType>>("correctLensRelease")
            .Description("Corrects a release. Messages not yet sent are replaced; a state already told gets a corrected message quoting the one it replaces.")
            .Argument<NonNullGraphType<CorrectLensReleaseInputGraphType>>("input")
            .AuthorizeWithPolicy(LensModule.RecorderPolicy)
            .ResolveAsync(async c =>
            {
                var input = Input(c);
                return LensPayload<Data.LensRelease>.From(await releases.CorrectAsync(User(c), Id(input), Version(input), ReadRelease(input), c.CancellationToken));
            });

        Field<NonNullGraphType<CancelLensReleasePayloadGraphType>>("cancelLensRelease")
            .Description("Cancels a release before any of its messages is sent: its messages are withdrawn (after a message was sent, correct it instead).")
            .Argument<NonNullGraphType<CancelLensReleaseInputGraphType>>("input")
            .AuthorizeWithPolicy(LensModule.RecorderPolicy)
            .ResolveAsync(async c =>
            {
                var input = Input(c);
                return LensPayload<Data.LensRelease>.From(await releases.CancelAsync(User(c), Id(input), Version(input), Get(input, "reason") as string,
                    c.CancellationToken));
            });

        Field<NonNullGraphType<SetLensStateOriPayloadGraphType>>("setLensStateOri")
            .Description("Sets the ORI a state chose to receive LENS messages (LESC staff, administrators).")
            .Argument<NonNullGraphType<SetLensStateOriInputGraphType>>("input")
            .AuthorizeWithPolicy(LensModule.DirectoryPolicy)
            .ResolveAsync(async c =>
            {
                var input = Input(c);
                return LensPayload<Data.LensStateOri>.From(await directory.SetStateOriAsync(User(c), Get(input, "state") as string,
                    Get(input, "ori") as string, Get(input, "bureau") as string, c.CancellationToken));
            });

        Field<NonNullGraphType<RemoveLensStateOriPayloadGraphType>>("removeLensStateOri")
            .Description("Withdraws a state's LENS ORI: its releases then raise an alert (statesWithoutOri) instead of a message.")
            .Argument<NonNullGraphType<RemoveLensStateOriInputGraphType>>("input")
            .AuthorizeWithPolicy(LensModule.DirectoryPolicy)
            .ResolveAsync(async c => LensPayload<string>.From(await directory.RemoveStateOriAsync(Get(Input(c), "state") as string, c.CancellationToken)));

        Field<NonNullGraphType<SetLensQualifyingOffensesPayloadGraphType>>("setLensQualifyingOffenses")
            .Description("Replaces the set of qualifying NCIC offense code ranges; applies to releases recorded or corrected from now on.")
            .Argument<NonNullGraphType<SetLensQualifyingOffensesInputGraphType>>("input")
            .AuthorizeWithPolicy(LensModule.OffensesPolicy)
            .ResolveAsync(async c =>
            {
                var ranges = ((IEnumerable<object?>?)Get(Input(c), "ranges") ?? [])
                    .OfType<IDictionary<string, object?>>()
                    .Select(r => (Get(r, "from") as string, Get(r, "to") as string, Get(r, "category") as string))
                    .ToList();
                return LensPayload<IReadOnlyList<Data.LensQualifyingOffense>>.From(await directory.SetQualifyingOffensesAsync(ranges, c.CancellationToken));
            });

        Field<NonNullGraphType<RequeueLensMessagePayloadGraphType>>("requeueLensMessage")
            .Description("Puts a dead-lettered message back in the outbox, due now (LESC staff).")
            .Argument<NonNullGraphType<RequeueLensMessageInputGraphType>>("input")
            .AuthorizeWithPolicy(LensModule.LescPolicy)
            .ResolveAsync(async c => LensPayload<Data.LensMessage>.From(await outbox.RequeueAsync(Id(Input(c)), c.CancellationToken)));
    }

    private static object? Get(IDictionary<string, object?> input, string name) => input.TryGetValue(name, out var value) ? value : null;

    private static string User(IResolveFieldContext context) => context.User.GetUserName() ?? "anonymous";

    private static IDictionary<string, object?> Input(IResolveFieldContext context) => context.GetArgument<IDictionary<string, object?>>("input");

    private static Guid Id(IDictionary<string, object?> input) => IdArgument.ToGuid(Get(input, "id"));

    private static int Version(IDictionary<string, object?> input) => Get(input, "expectedVersion") is int v ? v : 0;

    private static ReleaseInput ReadRelease(IDictionary<string, object?> input) => new(
        Get(input, "releaseDate") as DateOnly?,
        Get(input, "releasingFacility") as string,
        Get(input, "releasingState") as string,
        Get(input, "kind") as ReleaseKind?,
        Get(input, "lastName") as string,
        Get(input, "firstName") as string,
        Get(input, "middleName") as string,
        Get(input, "dateOfBirth") as DateOnly?,
        Get(input, "sex") as string,
        Get(input, "fbiNumber") as string,
        Get(input, "residenceStreet") as string,
        Get(input, "residenceCity") as string,
        Get(input, "residenceState") as string,
        Get(input, "residencePostalCode") as string,
        ((IEnumerable<object?>?)Get(input, "convictions") ?? [])
            .OfType<IDictionary<string, object?>>()
            .Select(c => new ConvictionInput(Get(c, "ncicCode") as string, Get(c, "description") as string,
                Get(c, "convictedOn") as DateOnly?, Get(c, "court") as string, Get(c, "sentence") as string))
            .ToList());
}
