using System.Globalization;
using System.Text;
using SenGraph.Modules.SecureCommunities.GraphQL;
using SenGraph.Modules.SecureCommunities.Metrics;

namespace SenGraph.Modules.SecureCommunities.Cli;

/// <summary>The tables in the briefings' layout: one row per line in order, one column per month, then Total; as CSV or aligned text.</summary>
public static class ScTableText
{
    public static string Outcomes(ScOutcomeTable table, string format)
    {
        var header = new[] { table.Query.Level is null ? "All IDENT Matches" : $"All {table.Query.Level} matches" }
            .Concat(table.Months.Select(ScFormat.Month)).Append("Total").ToList();
        var rows = table.Rows.Select(r => new[] { (format == "text" ? new string(' ', 2 * r.Depth) : "") + r.Label }
            .Concat(r.Counts.Select(Number)).Append(Number(r.Total)).ToList()).ToList();
        return Render(header, rows, format);
    }

    public static string Cumulative(ScCumulativeMetrics metrics, string format)
    {
        var header = new[] { "Metric" }.Concat(metrics.ByMonth.Select(m => ScFormat.Month(m.Month))).Append("Total").ToList();
        var all = metrics.ByMonth.Append(metrics.Total).ToList();
        List<string> Row(string label, Func<ScMonthCounts, string> value) => [label, .. all.Select(value)];
        var rows = new List<List<string>>
        {
            Row("Transmissions", m => Number(m.Transmissions)),
            Row("IDENT Matches", m => Number(m.Matches)),
            Row("Match rate", m => Percent(m.MatchRate)),
            Row("Level 1", m => Number(m.Level1)),
            Row("Level 2", m => Number(m.Level2)),
            Row("Level 3", m => Number(m.Level3)),
            Row("Level 2/3", m => Number(m.Level2Or3)),
            Row("USC", m => Number(m.Usc)),
            Row("Level 1 share", m => Percent(ScMonthCounts.Share(m.Level1, m.Matches))),
            Row("Level 2/3 share", m => Percent(ScMonthCounts.Share(m.Level2Or3, m.Matches))),
            Row("USC share", m => Percent(ScMonthCounts.Share(m.Usc, m.Matches))),
            Row("IDR within 15 minutes", m => Number(m.IdrWithin15Minutes)),
            Row("IDR within 4 hours", m => Number(m.IdrWithin4Hours)),
            Row("IDR within 24 hours", m => Number(m.IdrWithin24Hours)),
            Row("IAR within 15 minutes", m => Number(m.IarWithin15Minutes)),
            Row("IAR within 4 hours", m => Number(m.IarWithin4Hours)),
            Row("IAR within 24 hours", m => Number(m.IarWithin24Hours)),
        };
        return Render(header, rows, format);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string Render(List<string> header, List<List<string>> rows, string format)
    {
        var text = new StringBuilder();
        if (format == "csv")
        {
            foreach (var line in rows.Prepend(header)) text.Append(string.Join(",", line.Select(Csv))).Append('\n');
            return text.ToString();
        }

        var widths = header.Select((_, i) => rows.Prepend(header).Max(r => r[i].Length)).ToList();
        foreach (var line in rows.Prepend(header))
            text.Append(string.Join("  ", line.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd()).Append('\n');
        return text.ToString();
    }

    private static string Csv(string cell) => cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
