using System.Globalization;
using SenGraph.Host.Cli;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.SecureCommunities;

/// <summary>
/// The <c>sc</c> verb the module adds to the host's command line (issue 19): generate files, import them, print the
/// table in the briefings' layout, as <c>dotnet run --project host/SenGraph.Host -- sc ...</c> runs them.
/// </summary>
public sealed class ScCommandLineTests : IDisposable
{
    private readonly PluginsFolder _plugins = new PluginsFolder().WithShippedModules();
    private readonly string _work = Directory.CreateTempSubdirectory("sc-cli-").FullName;

    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ModuleCommandLine.RunAsync(args, output, error, configuration =>
        {
            configuration["Plugins:Path"] = _plugins.Path;
            configuration["ConnectionStrings:SenGraph"] = $"Data Source={Path.Combine(_work, "sengraph.db")}";
            configuration["Demo:SeedOnStart"] = "false";
            configuration["Modules:lens:Outbox:Transport"] = "None";
        }, environmentName: "Development");
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Generate_import_and_table_print_the_briefings_layout_with_the_file_s_matches()
    {
        var generated = await RunAsync("sc", "generate", "--transmissions", "3000", "--out", _work);
        Assert.Equal(0, generated.Exit);
        var lines = File.ReadAllLines(Path.Combine(_work, "transmissions.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var expectedByMonth = lines.Where(c => c[5] == "MATCH")
            .GroupBy(c => TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(c[1], CultureInfo.InvariantCulture), eastern).ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());

        var imported = await RunAsync("sc", "import", "--transmissions", Path.Combine(_work, "transmissions.csv"), "--events", Path.Combine(_work, "events.csv"));
        var again = await RunAsync("sc", "import", "--transmissions", Path.Combine(_work, "transmissions.csv"), "--events", Path.Combine(_work, "events.csv"));
        var csv = await RunAsync("sc", "table", "--from", "2008-10-27", "--to", "2009-04-30", "--format", "csv");
        var text = await RunAsync("sc", "table", "--from", "2008-10-27", "--to", "2009-04-30", "--level", "LEVEL_1", "--as-of", "2009-04-30");

        Assert.Equal(0, imported.Exit);
        Assert.Contains("transmissions 3000 read, 3000 new or changed", imported.Out);
        Assert.Contains("transmissions 3000 read, 0 new or changed", again.Out);
        Assert.Contains("0 new or changed; events", again.Out);
        Assert.Equal(0, csv.Exit);
        var table = csv.Out.TrimEnd('\n').Split('\n').Select(l => l.Split(',')).ToList();
        Assert.Equal(["All IDENT Matches", "2008-10", "2008-11", "2008-12", "2009-01", "2009-02", "2009-03", "2009-04", "Total"], table[0]);
        Assert.Equal(15, table.Count);
        Assert.Equal("IDENT Matches", table[1][0]);
        Assert.Equal("Awaiting Outcomes", table[^1][0]);
        Assert.Equal(table[0][1..^1].Select(m => expectedByMonth.GetValueOrDefault(m).ToString(CultureInfo.InvariantCulture)), table[1][1..^1]);
        Assert.Equal(expectedByMonth.Values.Sum().ToString(CultureInfo.InvariantCulture), table[1][^1]);
        Assert.All(table.Skip(1), row => Assert.Equal(row[1..^1].Sum(int.Parse), int.Parse(row[^1])));
        Assert.Equal(0, text.Exit);
        Assert.StartsWith("All LEVEL_1 matches", text.Out);
        Assert.Contains("\n  Voluntary Removals", text.Out);
    }

    [Fact]
    public async Task An_invalid_file_imports_nothing_and_exits_non_zero_with_line_numbers()
    {
        var file = Path.Combine(_work, "bad.csv");
        await File.WriteAllTextAsync(file, ScApi.Csv(ScApi.TransmissionsHeader,
            "CLI-T1,2009-01-05T10:00:00-05:00,TX1010000,TX,CLI,MATCH,LEVEL_1,,",
            "CLI-T2,2009-01-05T10:00:00-05:00,ZZ1010000,ZZ,CLI,MATCH,LEVEL_1,,"));

        var refused = await RunAsync("sc", "import", "--transmissions", file);
        var skipped = await RunAsync("sc", "import", "--transmissions", file, "--skip-invalid");
        var wrongDate = await RunAsync("sc", "table", "--from", "2009-13-01", "--to", "2009-04-30");

        Assert.Equal(1, refused.Exit);
        Assert.Contains("error: transmissions line 3, state: state 'ZZ' is not a USPS state or territory code. (INVALID_VALUE)", refused.Error);
        Assert.Contains("Nothing imported", refused.Out);
        Assert.Equal(0, skipped.Exit);
        Assert.Contains("skipped: transmissions line 3", skipped.Error);
        Assert.Contains("1 new or changed", skipped.Out);
        Assert.Equal(2, wrongDate.Exit);
        Assert.Contains("--from '2009-13-01' is not a date", wrongDate.Error);
    }

    public void Dispose()
    {
        _plugins.Dispose();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
