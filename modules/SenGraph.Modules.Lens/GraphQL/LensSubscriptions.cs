using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Modules.Events;
using SenGraph.Modules.Lens.Outbox;

namespace SenGraph.Modules.Lens.GraphQL;

/// <summary><c>lensMessageStatusChanged</c>: every status change of an outbox message this host makes, live.</summary>
public sealed class LensSubscriptions : ObjectGraphType
{
    public LensSubscriptions(LensStatusFeed feed)
    {
        Name = "LensSubscriptions";
        Description = "Root subscription fields of the LENS module.";

        Field<NonNullGraphType<LensMessageStatusChangedGraphType>, LensMessageStatusChanged>("lensMessageStatusChanged")
            .Description("Emits each status change of a LENS message made by this host (written, sent, failed for good, re-queued, withdrawn); "
                + "optionally only for one destination ORI. Carries no subject data.")
            .Argument<StringGraphType>("destinationOri", "Only messages to this ORI.")
            .AuthorizeWithPolicy(LensModule.LescPolicy)
            .ResolveStream(c =>
            {
                var ori = c.GetArgument<string?>("destinationOri")?.Trim().ToUpperInvariant();
                return feed.Watch(ori);
            });
    }
}
