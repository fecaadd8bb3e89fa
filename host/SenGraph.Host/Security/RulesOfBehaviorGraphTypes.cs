using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Security;

namespace SenGraph.Host.Security;

/// <summary>The mutation <c>acknowledgeRulesOfBehavior</c>: open to every signed-in user, acknowledged or not.</summary>
public sealed class RulesOfBehaviorMutations : ObjectGraphType
{
    public RulesOfBehaviorMutations(RulesOfBehavior rules)
    {
        Field<NonNullGraphType<AcknowledgeRulesOfBehaviorPayloadGraphType>>(GraphQL.Authorization.RulesOfBehaviorRule.AcknowledgeField)
            .Description("Acknowledges the current Rules of Behavior (read them first: me { rulesOfBehavior { version text } }). " +
                         "Required at first use and again when the acknowledgement runs out; until then every other operation but `me` is refused.")
            .Argument<NonNullGraphType<AcknowledgeRulesOfBehaviorInputGraphType>>("input")
            .ForEveryRole() // statistics-only roles must be able to acknowledge too
            .ResolveAsync(async c =>
            {
                var version = c.GetArgument<IDictionary<string, object?>>("input")["version"] as string ?? "";
                try
                {
                    return new AcknowledgeRulesOfBehaviorPayload(await rules.AcknowledgeAsync(c.User.GetUserName()!, version, c.CancellationToken), []);
                }
                catch (ArgumentException e)
                {
                    return new AcknowledgeRulesOfBehaviorPayload(await rules.StatusAsync(c.User.GetUserName()!, c.CancellationToken),
                        [UserError.ForField("VERSION_MISMATCH", e.Message, "version")]);
                }
            });
    }
}

public sealed record AcknowledgeRulesOfBehaviorPayload(RulesOfBehaviorStatus RulesOfBehavior, IReadOnlyList<UserError> Errors);

public sealed class AcknowledgeRulesOfBehaviorInputGraphType : InputObjectGraphType
{
    public AcknowledgeRulesOfBehaviorInputGraphType()
    {
        Name = "AcknowledgeRulesOfBehaviorInput";
        Description = "What the user acknowledges.";
        Field<NonNullGraphType<StringGraphType>>("version").Description("The version read (me { rulesOfBehavior { version } }); it must be the current one.");
    }
}

public sealed class AcknowledgeRulesOfBehaviorPayloadGraphType : ObjectGraphType<AcknowledgeRulesOfBehaviorPayload>
{
    public AcknowledgeRulesOfBehaviorPayloadGraphType()
    {
        Name = "AcknowledgeRulesOfBehaviorPayload";
        Description = "Where the user stands after acknowledging, or why the acknowledgement was refused.";
        Field<NonNullGraphType<RulesOfBehaviorStatusGraphType>>("rulesOfBehavior").Resolve(c => c.Source.RulesOfBehavior);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AcknowledgeRulesOfBehaviorErrorGraphType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

public sealed class RulesOfBehaviorStatusGraphType : ObjectGraphType<RulesOfBehaviorStatus>
{
    public RulesOfBehaviorStatusGraphType()
    {
        Name = "RulesOfBehaviorStatus";
        Description = "The current ICE/DHS User Rules of Behavior and the caller's acknowledgement of them (PIA 8.3).";
        Field(s => s.Version).Description("The version to acknowledge.");
        Field(s => s.Text).Description("The rules.");
        Field(s => s.AcknowledgedAt, nullable: true).Description("The caller's latest acknowledgement of this version; null when never acknowledged.");
        Field(s => s.DueBy, nullable: true).Description("When that acknowledgement runs out.");
        Field(s => s.Acknowledged).Description("Whether the caller's acknowledgement is current; when false every operation but `me` and `acknowledgeRulesOfBehavior` is refused.");
    }
}

public sealed class AcknowledgeRulesOfBehaviorErrorGraphType() : UserErrorGraphType("AcknowledgeRulesOfBehaviorError");
