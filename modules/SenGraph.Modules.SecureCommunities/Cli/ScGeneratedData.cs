using System.Globalization;
using System.Text;
using SenGraph.Modules.SecureCommunities.Data;

namespace SenGraph.Modules.SecureCommunities.Cli;

/// <summary>
/// Fictional import files for benchmarks and demonstrations (<c>sc generate</c>): transmissions spread over the briefings'
/// period (2008-10-27 to 2009-04-30) with about the briefings' match rate and IAR levels, and case events for the matches.
/// Deterministic for a seed.
/// </summary>
public static class ScGeneratedData
{
    private static readonly (string State, string Site, string Ori)[] Places =
    [
        ("TX", "HARRIS", "TX1010000"), ("TX", "TRAVIS", "TX2270000"), ("MA", "BOSTON", "MA0130100"), ("NC", "WAKE", "NC0920000"),
        ("FL", "BROWARD", "FL0060000"), ("AZ", "MARICOPA", "AZ0070000"), ("CA", "LOSANGELES", "CA0190000"), ("VA", "FAIRFAX", "VA0290000"),
    ];

    public static async Task<(string Transmissions, string Events)> WriteAsync(string directory, int count, int seed)
    {
        var random = new Random(seed);
        var transmissionsPath = Path.Combine(directory, "transmissions.csv");
        var eventsPath = Path.Combine(directory, "events.csv");
        await using var transmissions = new StreamWriter(transmissionsPath, false, new UTF8Encoding(false), 1 << 16);
        await using var events = new StreamWriter(eventsPath, false, new UTF8Encoding(false), 1 << 16);
        await transmissions.WriteLineAsync("transmission_id,submitted_at,ori,state,site,result,iar_level,idr_returned_at,iar_returned_at");
        await events.WriteLineAsync("event_id,transmission_id,kind,occurred_at");
        var start = new DateTimeOffset(2008, 10, 27, 4, 0, 0, TimeSpan.Zero);
        var span = (new DateTimeOffset(2009, 5, 1, 4, 0, 0, TimeSpan.Zero) - start).TotalSeconds;
        string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var eventNumber = 0;
        string[] outcomes = [ScKinds.RemovedVoluntary, ScKinds.RemovedOther, ScKinds.InProceedings, ScKinds.InProceedings, ScKinds.ChargingDocumentCanceled];
        for (var i = 0; i < count; i++)
        {
            var place = Places[random.Next(Places.Length)];
            var submitted = start.AddSeconds(Math.Pow(random.NextDouble(), 0.6) * span); // growing with deployments, as the briefings' months
            var roll = random.NextDouble();
            var result = roll < 0.12 ? ScKinds.Match : roll < 0.995 ? ScKinds.NoMatch : ScKinds.Error;
            var levelRoll = random.NextDouble();
            var level = result != ScKinds.Match ? "" : levelRoll < 0.08 ? ScKinds.Level1 : levelRoll < 0.50 ? ScKinds.Level2 : levelRoll < 0.96 ? ScKinds.Level3 : ScKinds.Usc;
            var idr = result == ScKinds.Error ? "" : Time(submitted.AddSeconds(random.Next(30, 1200)));
            var iar = result == ScKinds.Match ? Time(submitted.AddSeconds(random.Next(600, 30_000))) : "";
            var id = "T" + i.ToString("D9", CultureInfo.InvariantCulture);
            await transmissions.WriteLineAsync($"{id},{Time(submitted)},{place.Ori},{place.State},{place.Site},{result},{level},{idr},{iar}");
            if (result != ScKinds.Match || level == ScKinds.Usc) continue;
            if (random.NextDouble() < 0.2)
                await events.WriteLineAsync($"E{eventNumber++:D9},{id},{ScKinds.DetainerIssued},{Time(submitted.AddDays(random.Next(0, 60)))}");
            if (random.NextDouble() < 0.17)
                await events.WriteLineAsync($"E{eventNumber++:D9},{id},{ScKinds.BookedIntoIceCustody},{Time(submitted.AddDays(random.Next(1, 45)))}");
            if (random.NextDouble() < 0.35)
                await events.WriteLineAsync($"E{eventNumber++:D9},{id},{outcomes[random.Next(outcomes.Length)]},{Time(submitted.AddDays(random.Next(5, 120)))}");
        }

        return (transmissionsPath, eventsPath);
    }
}
