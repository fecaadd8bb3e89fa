using GraphQL.Types;
using SenGraph.Modules.SecureCommunities.Data;
using SenGraph.Modules.SecureCommunities.Metrics;

namespace SenGraph.Modules.SecureCommunities.GraphQL;

/// <summary>The IAR levels of a match.</summary>
public sealed class ScIarLevelGraphType : EnumerationGraphType
{
    public ScIarLevelGraphType()
    {
        Name = "ScIarLevel";
        Description = "The Immigration Alien Response level of an IDENT match: the offence level of the subject, or a U.S. citizen.";
        Add(ScKinds.Level1, ScKinds.Level1, "Level 1: charged with or convicted of an aggravated felony (Level 1 offence).");
        Add(ScKinds.Level2, ScKinds.Level2, "Level 2: felony offences.");
        Add(ScKinds.Level3, ScKinds.Level3, "Level 3: misdemeanour offences.");
        Add(ScKinds.Usc, ScKinds.Usc, "The subject is a U.S. citizen.");
    }
}

public sealed class ScOutcomeRowGraphType : ObjectGraphType<ScTableRow>
{
    public ScOutcomeRowGraphType()
    {
        Name = "ScOutcomeRow";
        Description = "A row of the monthly outcome table: what it counts, a count per month and the total.";
        Field(r => r.Code).Description("Stable code of the row, e.g. IDENT_MATCHES, DETAINERS_ISSUED, AWAITING_OUTCOMES.");
        Field(r => r.Label).Description("The row's label as the briefings print it.");
        Field(r => r.Depth).Description("0 for a row of its own, 1 for a breakdown of the row above (Voluntary Removals under Removals).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("counts").Description("One count per month, in the order of the table's months.")
            .Resolve(c => c.Source.Counts);
        Field(r => r.Total).Description("The row's total over the range.");
    }
}

public sealed class ScOutcomeTableGraphType : ObjectGraphType<ScOutcomeTable>
{
    public ScOutcomeTableGraphType()
    {
        Name = "ScOutcomeTable";
        Description = "The Secure Communities monthly outcome table (seed 003): rows in the briefings' order, one column per Eastern calendar month, then the total.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("months").Description("The months of the columns, yyyy-MM (Eastern time).")
            .Resolve(c => c.Source.Months.Select(ScFormat.Month).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScOutcomeRowGraphType>>>>("rows").Description("The rows, in the briefings' order.")
            .Resolve(c => c.Source.Rows);
        Field<ScIarLevelGraphType>("level").Description("The IAR level the table is restricted to; null for all matches.").Resolve(c => c.Source.Query.Level);
        Field<DateOnlyGraphType>("asOf").Description("The day the table stands as of (events after it are not counted); null for now.").Resolve(c => c.Source.Query.AsOf);
    }
}

public sealed class ScMonthMetricsGraphType : ObjectGraphType<ScMonthCounts>
{
    public ScMonthMetricsGraphType()
    {
        Name = "ScMonthMetrics";
        Description = "Interoperability counts of one month, or of the whole range: transmissions, matches by IAR level and response times.";
        Field<StringGraphType>("month").Description("yyyy-MM (Eastern time); null for the range's total.").Resolve(c => c.Source.Month == 0 ? null : ScFormat.Month(c.Source.Month));
        Field(m => m.Transmissions).Description("Fingerprint transmissions through Interoperability.");
        Field(m => m.Matches).Description("Transmissions that matched in IDENT.");
        Field(m => m.MatchRate).Description("Matches per transmission (0 to 1, four decimals).");
        Field(m => m.Level1).Description("Matches with a Level 1 IAR.");
        Field(m => m.Level2).Description("Matches with a Level 2 IAR.");
        Field(m => m.Level3).Description("Matches with a Level 3 IAR.");
        Field(m => m.Level2Or3).Description("Matches with a Level 2 or Level 3 IAR (the briefings' Level 2/3).");
        Field(m => m.Usc).Description("Matches identified as U.S. citizens.");
        Field<NonNullGraphType<FloatGraphType>>("level1Share").Description("Level 1 matches per match.").Resolve(c => ScMonthCounts.Share(c.Source.Level1, c.Source.Matches));
        Field<NonNullGraphType<FloatGraphType>>("level2Or3Share").Description("Level 2/3 matches per match.").Resolve(c => ScMonthCounts.Share(c.Source.Level2Or3, c.Source.Matches));
        Field<NonNullGraphType<FloatGraphType>>("uscShare").Description("USC matches per match.").Resolve(c => ScMonthCounts.Share(c.Source.Usc, c.Source.Matches));
        Field(m => m.IdrReturned).Description("Transmissions whose IDR was returned.");
        Field(m => m.IdrWithin15Minutes).Description("Transmissions whose IDR was returned within 15 minutes of submission.");
        Field(m => m.IdrWithin4Hours).Description("... within four hours.");
        Field(m => m.IdrWithin24Hours).Description("... within 24 hours.");
        Field(m => m.IarReturned).Description("Matches whose IAR was returned.");
        Field(m => m.IarWithin15Minutes).Description("Matches whose IAR was returned within 15 minutes of submission.");
        Field(m => m.IarWithin4Hours).Description("... within four hours.");
        Field(m => m.IarWithin24Hours).Description("... within 24 hours.");
    }
}

public sealed class ScCumulativeMetricsGraphType : ObjectGraphType<ScCumulativeMetrics>
{
    public ScCumulativeMetricsGraphType()
    {
        Name = "ScCumulativeMetrics";
        Description = "The briefings' cumulative metrics over a range, and the same counts per month (the charts).";
        Field<NonNullGraphType<ScMonthMetricsGraphType>>("total").Description("The range as a whole.").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScMonthMetricsGraphType>>>>("byMonth").Description("Each Eastern calendar month of the range, in order.")
            .Resolve(c => c.Source.ByMonth);
    }
}

/// <summary>How months are written.</summary>
public static class ScFormat
{
    public static string Month(int yyyymm) => $"{yyyymm / 100:D4}-{yyyymm % 100:D2}";
}
