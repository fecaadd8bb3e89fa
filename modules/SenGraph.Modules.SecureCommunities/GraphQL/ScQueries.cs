using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Security;
using SenGraph.Modules.SecureCommunities.Data;
using SenGraph.Modules.SecureCommunities.Metrics;

namespace SenGraph.Modules.SecureCommunities.GraphQL;

/// <summary>The module's root query fields: the outcome table and the cumulative metrics (statistical), deployment readiness.</summary>
public sealed class ScQueries : ObjectGraphType
{
    public ScQueries(ScMetrics metrics, ScDeployments deployments)
    {
        Name = "ScQueries";
        Description = "Root query fields of the Secure Communities module.";

        Field<NonNullGraphType<ScOutcomeTableGraphType>>("secureCommunitiesOutcomes")
            .Description("The monthly outcome table of IDENT matches (PII-free counts) for a range of days, all matches or one IAR level, as of a day.")
            .Arguments(Range())
            .Argument<ScIarLevelGraphType>("level", "Only matches of this IAR level (the briefings' All Level 1s table); all matches when omitted.")
            .AuthorizeWithPolicy(SecureCommunitiesModule.MetricsPolicy)
            .Statistical()
            .ResolveAsync(async c => await metrics.OutcomesAsync(Query(c), c.CancellationToken));

        Field<NonNullGraphType<ScCumulativeMetricsGraphType>>("secureCommunitiesMetrics")
            .Description("Cumulative interoperability metrics (PII-free counts): transmissions, matches and match rate, IAR levels with shares, response times; per month and in all.")
            .Arguments(Range())
            .AuthorizeWithPolicy(SecureCommunitiesModule.MetricsPolicy)
            .Statistical()
            .ResolveAsync(async c => await metrics.CumulativeAsync(Query(c), c.CancellationToken));

        ScReadinessFields.AddQueries(this, deployments);
    }

    private static QueryArguments Range() => new(
        new QueryArgument<NonNullGraphType<DateOnlyGraphType>> { Name = "from", Description = "First day of the range (Eastern time)." },
        new QueryArgument<NonNullGraphType<DateOnlyGraphType>> { Name = "to", Description = "Last day of the range (Eastern time), at most ten years after from." },
        new QueryArgument<DateOnlyGraphType> { Name = "asOf", Description = "Count as the data stood at the end of this day: later transmissions and events are left out." },
        new QueryArgument<StringGraphType> { Name = "state", Description = "Only transmissions of this USPS state code." },
        new QueryArgument<StringGraphType> { Name = "site", Description = "Only transmissions of this site (jurisdiction code)." },
        new QueryArgument<StringGraphType> { Name = "ori", Description = "Only transmissions of this ORI." });

    private static ScMetricsQuery Query(IResolveFieldContext c)
    {
        var query = new ScMetricsQuery(c.GetArgument<DateOnly>("from"), c.GetArgument<DateOnly>("to"), c.GetArgument<string?>("level"),
            c.GetArgument<DateOnly?>("asOf"), c.GetArgument<string?>("state"), c.GetArgument<string?>("site"), c.GetArgument<string?>("ori"));
        return ScMetricsQueryCheck.Problem(query) is { } problem ? throw new ExecutionError(problem) { Code = "INVALID_ARGUMENT" } : query;
    }
}

/// <summary>Checks a range before it reaches SQL.</summary>
public static class ScMetricsQueryCheck
{
    public static string? Problem(ScMetricsQuery q) =>
        q.To < q.From ? $"to ({q.To:yyyy-MM-dd}) is before from ({q.From:yyyy-MM-dd})."
        : q.To > q.From.AddYears(10) ? "The range is at most ten years."
        : q.Level is not null && !ScKinds.IarLevels.Contains(q.Level) ? $"level '{q.Level}' is not one of {string.Join(", ", ScKinds.IarLevels)}."
        : null;
}
