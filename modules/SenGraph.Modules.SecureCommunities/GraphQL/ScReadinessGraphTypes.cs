using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Schema;
using SenGraph.Modules.SecureCommunities.Data;

namespace SenGraph.Modules.SecureCommunities.GraphQL;

public sealed class ScSiteGraphType : ObjectGraphType<ScSite>
{
    public ScSiteGraphType()
    {
        Name = "ScSite";
        Description = "A Secure Communities deployment site (a jurisdiction) with its ORIs, prerequisite tasks and the six Go decisions.";
        Field(s => s.Code).Description("The jurisdiction's code, as the transmissions file's site column names it.");
        Field(s => s.Jurisdiction).Description("The jurisdiction's name, e.g. Harris County.");
        Field(s => s.State).Description("USPS state code.");
        Field(s => s.ActivatedAt, nullable: true).Description("When Interoperability was activated; null until then.");
        Field(s => s.ActivatedBy, nullable: true).Description("Who activated it.");
        Field(s => s.UpdatedAt).Description("Last change.");
        Field(s => s.UpdatedBy).Description("Who made the last change.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScSiteOriGraphType>>>>("oris").Description("Booking locations and their ORIs.")
            .Resolve(c => c.Source.Oris.OrderBy(o => o.Ori).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScSiteTaskGraphType>>>>("tasks").Description("The SIB's and the DRO's prerequisite tasks, in the briefings' order.")
            .Resolve(c => ScReadiness.Tasks.Select(t => (t, c.Source.Tasks.FirstOrDefault(x => x.TaskCode == t.Code))).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScGoDecisionGraphType>>>>("goDecisions").Description("The six parties' Go decisions, in the briefings' order.")
            .Resolve(c => ScReadiness.Parties.Select(p => c.Source.GoDecisions.FirstOrDefault(g => g.Party == p.Code) ?? new ScGoDecision { Party = p.Code, SiteCode = c.Source.Code }).ToList());
        Field<NonNullGraphType<BooleanGraphType>>("ready").Description("Whether every required task is done, all six said Go and every ORI is on the final list.")
            .Resolve(c => ScDeployments.Readiness(c.Source).Ready);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("missing").Description("What is still missing before activation, for a person.")
            .Resolve(c => ScDeployments.Readiness(c.Source).Missing);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("unansweredParties").Description("The parties (codes) that have not answered yet.")
            .Resolve(c => ScDeployments.Readiness(c.Source).Unanswered);
    }
}

public sealed class ScSiteOriGraphType : ObjectGraphType<ScSiteOri>
{
    public ScSiteOriGraphType()
    {
        Name = "ScSiteOri";
        Description = "A booking location's ORI and how far its evaluation has come (CJIS_LIST, POC_REVIEW, CONSOLIDATED_LIST, FINAL_LIST).";
        Field(o => o.Ori).Description("The Originating Agency Identifier.");
        Field(o => o.BookingLocation).Description("The booking location.");
        Field(o => o.EvaluationStep).Description("CJIS_LIST (CJIS listed it), POC_REVIEW (the points of contact review), CONSOLIDATED_LIST, FINAL_LIST (shared with all partners).");
    }
}

public sealed class ScSiteTaskGraphType : ObjectGraphType<(ScReadiness.TaskDefinition Task, ScSiteTask? Row)>
{
    public ScSiteTaskGraphType()
    {
        Name = "ScSiteTask";
        Description = "A prerequisite task of the SIB's or the DRO's checklist and its status at the site.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("SIB_1 ... SIB_4, DRO_1 ... DRO_6.").Resolve(c => c.Source.Task.Code);
        Field<NonNullGraphType<StringGraphType>>("owner").Description("SIB or DRO.").Resolve(c => c.Source.Task.Owner);
        Field<NonNullGraphType<IntGraphType>>("number").Description("The task's number in its checklist.").Resolve(c => c.Source.Task.Number);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What the task is.").Resolve(c => c.Source.Task.Description);
        Field<NonNullGraphType<BooleanGraphType>>("required").Description("Whether deployment waits for it (SIB task 3 is not necessary).").Resolve(c => c.Source.Task.Required);
        Field<NonNullGraphType<StringGraphType>>("status").Description("NOT_STARTED, IN_PROGRESS or DONE.").Resolve(c => c.Source.Row?.Status ?? ScReadiness.NotStarted);
        Field<DateTimeOffsetGraphType>("updatedAt").Description("When the status last changed.").Resolve(c => c.Source.Row?.UpdatedAt);
    }
}

public sealed class ScGoDecisionGraphType : ObjectGraphType<ScGoDecision>
{
    public ScGoDecisionGraphType()
    {
        Name = "ScGoDecision";
        Description = "A party's Go decision for a site, and the two points of contact with the authority to give it.";
        Field(g => g.Party).Description("FBI_CJIS, US_VISIT, ICE_LESC, ICE_FIELD_OFFICE, SIB or LOCAL_LEA.");
        Field<NonNullGraphType<StringGraphType>>("partyName").Description("The party's name.").Resolve(c => ScReadiness.Parties.First(p => p.Code == c.Source.Party).Name);
        Field(g => g.Decision).Description("PENDING (no answer yet), GO or NO_GO.");
        Field(g => g.PrimaryContact, nullable: true).Description("The primary point of contact.");
        Field(g => g.SecondaryContact, nullable: true).Description("The secondary point of contact.");
        Field(g => g.AskedAt, nullable: true).Description("When the party was asked (the email the week before deployment).");
        Field(g => g.AnsweredAt, nullable: true).Description("When the decision was recorded.");
    }
}

/// <summary>The readiness mutations' payload: the site after the change, or why nothing changed.</summary>
public abstract class ScSitePayloadGraphType<TError> : ObjectGraphType<Result<ScSite>> where TError : UserErrorGraphType
{
    protected ScSitePayloadGraphType(string name)
    {
        Name = name;
        Description = $"The result of {char.ToLowerInvariant(name[0])}{name[1..^"Payload".Length]}.";
        Field<ScSiteGraphType>("site").Description("The site after the change; null when it did not apply.").Resolve(c => c.Source.Succeeded ? c.Source.Value : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TError>>>>("errors").Description("Why it did not apply; empty when it did.").Resolve(c => c.Source.Errors);
    }
}

public sealed class SaveSecureCommunitiesSiteErrorGraphType() : UserErrorGraphType("SaveSecureCommunitiesSiteError");
public sealed class SetSecureCommunitiesOriErrorGraphType() : UserErrorGraphType("SetSecureCommunitiesOriError");
public sealed class SetSecureCommunitiesTaskErrorGraphType() : UserErrorGraphType("SetSecureCommunitiesTaskError");
public sealed class SetSecureCommunitiesGoDecisionErrorGraphType() : UserErrorGraphType("SetSecureCommunitiesGoDecisionError");
public sealed class ActivateSecureCommunitiesSiteErrorGraphType() : UserErrorGraphType("ActivateSecureCommunitiesSiteError");
public sealed class SaveSecureCommunitiesSitePayloadGraphType() : ScSitePayloadGraphType<SaveSecureCommunitiesSiteErrorGraphType>("SaveSecureCommunitiesSitePayload");
public sealed class SetSecureCommunitiesOriPayloadGraphType() : ScSitePayloadGraphType<SetSecureCommunitiesOriErrorGraphType>("SetSecureCommunitiesOriPayload");
public sealed class SetSecureCommunitiesTaskPayloadGraphType() : ScSitePayloadGraphType<SetSecureCommunitiesTaskErrorGraphType>("SetSecureCommunitiesTaskPayload");
public sealed class SetSecureCommunitiesGoDecisionPayloadGraphType() : ScSitePayloadGraphType<SetSecureCommunitiesGoDecisionErrorGraphType>("SetSecureCommunitiesGoDecisionPayload");
public sealed class ActivateSecureCommunitiesSitePayloadGraphType() : ScSitePayloadGraphType<ActivateSecureCommunitiesSiteErrorGraphType>("ActivateSecureCommunitiesSitePayload");

/// <summary>The readiness mutations (program staff) and the sites query.</summary>
public static class ScReadinessFields
{
    public static void AddQueries(ObjectGraphType query, ScDeployments deployments) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScSiteGraphType>>>>("secureCommunitiesSites")
            .Description("Deployment sites with their readiness: what is missing and who has not answered.")
            .Argument<StringGraphType>("state", "Only sites of this USPS state code.")
            .AuthorizeWithPolicy(SecureCommunitiesModule.ReadinessReaderPolicy)
            .ResolveAsync(async c => await deployments.SitesAsync(c.GetArgument<string?>("state"), c.CancellationToken));

    public static void AddMutations(ObjectGraphType mutation, ScDeployments deployments)
    {
        Add<SaveSecureCommunitiesSitePayloadGraphType>(mutation, "saveSecureCommunitiesSite", "Creates a site (with its ten tasks and six pending Go decisions) or renames it.",
            [("code", true, "The jurisdiction's code."), ("jurisdiction", true, "The jurisdiction's name."), ("state", true, "USPS state code.")],
            (i, ct) => deployments.SaveSiteAsync(i["code"]!, i["jurisdiction"]!, i["state"]!, ct));
        Add<SetSecureCommunitiesOriPayloadGraphType>(mutation, "setSecureCommunitiesOri", "Records a booking location's ORI at a site and its evaluation step.",
            [("site", true, "The site's code."), ("ori", true, "The ORI."), ("bookingLocation", true, "The booking location."),
             ("evaluationStep", true, "CJIS_LIST, POC_REVIEW, CONSOLIDATED_LIST or FINAL_LIST.")],
            (i, ct) => deployments.SetOriAsync(i["site"]!, i["ori"]!, i["bookingLocation"]!, i["evaluationStep"]!, ct));
        Add<SetSecureCommunitiesTaskPayloadGraphType>(mutation, "setSecureCommunitiesTask", "Sets the status of a prerequisite task at a site.",
            [("site", true, "The site's code."), ("task", true, "SIB_1 ... SIB_4, DRO_1 ... DRO_6."), ("status", true, "NOT_STARTED, IN_PROGRESS or DONE.")],
            (i, ct) => deployments.SetTaskAsync(i["site"]!, i["task"]!, i["status"]!, ct));
        Add<SetSecureCommunitiesGoDecisionPayloadGraphType>(mutation, "setSecureCommunitiesGoDecision",
            "Records a party's points of contact, when it was asked, and its decision (PENDING, GO, NO_GO).",
            [("site", true, "The site's code."), ("party", true, "FBI_CJIS, US_VISIT, ICE_LESC, ICE_FIELD_OFFICE, SIB or LOCAL_LEA."), ("decision", true, "PENDING, GO or NO_GO."),
             ("primaryContact", false, "The primary point of contact (kept when omitted)."), ("secondaryContact", false, "The secondary point of contact (kept when omitted)."),
             ("askedAt", false, "When the party was asked, ISO 8601 with offset (kept when omitted).")],
            (i, ct) => deployments.SetGoDecisionAsync(i["site"]!, i["party"]!, i["decision"]!, i.GetValueOrDefault("primaryContact"), i.GetValueOrDefault("secondaryContact"),
                i.GetValueOrDefault("askedAt") is { } asked && DateTimeOffset.TryParse(asked, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null, ct));
        Add<ActivateSecureCommunitiesSitePayloadGraphType>(mutation, "activateSecureCommunitiesSite",
            "Activates Interoperability at a site: only when every required task is done, all six parties said Go and every ORI is on the final list (else NOT_READY, saying what is missing).",
            [("site", true, "The site's code.")], (i, ct) => deployments.ActivateAsync(i["site"]!, ct));
    }

    private static void Add<TPayload>(ObjectGraphType mutation, string name, string description, (string Name, bool Required, string Description)[] fields,
        Func<Dictionary<string, string?>, CancellationToken, Task<Result<ScSite>>> run) where TPayload : IGraphType
    {
        var input = new InputObjectGraphType { Name = char.ToUpperInvariant(name[0]) + name[1..] + "Input", Description = $"The input of {name}." };
        foreach (var f in fields)
            input.Field(f.Name, f.Required ? new NonNullGraphType(new StringGraphType()) : new StringGraphType()).Description(f.Description);
        mutation.Field(name, typeof(NonNullGraphType<TPayload>)).Description(description)
            .Arguments(new QueryArgument(new NonNullGraphType(input)) { Name = "input", Description = "What to change." })
            .AuthorizeWithPolicy(SecureCommunitiesModule.ReadinessManagerPolicy)
            .ResolveAsync(async c =>
            {
                var values = c.GetArgument<Dictionary<string, object?>>("input").ToDictionary(kv => kv.Key, kv => kv.Value?.ToString());
                return await run(values, c.CancellationToken);
            });
    }
}
