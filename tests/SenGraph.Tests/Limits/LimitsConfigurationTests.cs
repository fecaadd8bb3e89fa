using SenGraph.Host;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Limits;

/// <summary>Bad limit settings stop the host at start with a message naming the key.</summary>
public sealed class LimitsConfigurationTests
{
    [Theory]
    [InlineData("GraphQL:MaxDepth", "0", "GraphQL:MaxDepth must be at least 1 (it is 0)")]
    [InlineData("GraphQL:MaxComplexity", "-5", "GraphQL:MaxComplexity must be at least 1 (it is -5)")]
    [InlineData("GraphQL:MaxAliases", "-1", "GraphQL:MaxAliases must be at least 0")]
    [InlineData("GraphQL:MaxDirectives", "-1", "GraphQL:MaxDirectives must be at least 0")]
    [InlineData("GraphQL:MaxTokens", "0", "GraphQL:MaxTokens must be at least 1")]
    [InlineData("GraphQL:ExecutionTimeout", "00:00:00", "GraphQL:ExecutionTimeout must be more than 00:00:00")]
    [InlineData("GraphQL:PersistedOperations:Mode", "AllowListOnly", "GraphQL:PersistedOperations:File is required")]
    [InlineData("GraphQL:WebSockets:IdleTimeout", "00:00:00", "GraphQL:WebSockets:IdleTimeout must be more than 00:00:00")]
    [InlineData("GraphQL:WebSockets:MaxConnectionsPerUser", "0", "GraphQL:WebSockets:MaxConnectionsPerUser must be at least 1 (it is 0)")]
    [InlineData("GraphQL:WebSockets:MaxConnectionsPerAddress", "-1", "GraphQL:WebSockets:MaxConnectionsPerAddress must be at least 1")]
    [InlineData("GraphQL:WebSockets:ConnectionInitWaitTimeout", "-00:00:01", "GraphQL:WebSockets:ConnectionInitWaitTimeout must be more than 00:00:00")]
    public async Task A_bad_limit_stops_the_host_at_start(string key, string value, string message)
    {
        var error = await StartFailureAsync(key, value);

        Assert.Contains(message, Messages(error));
    }

    /// <summary>
    /// What starting the host with <paramref name="key"/> = <paramref name="value"/> throws, building and starting it
    /// as Program does. Not through WebApplicationFactory: when a start fails there, its wait for the entry point can
    /// race the entry point's disposal of the host and surface an ObjectDisposedException instead of the reason.
    /// </summary>
    private static async Task<Exception> StartFailureAsync(string key, string value)
    {
        using var plugins = new PluginsFolder();
        var builder = SenGraphApplication.CreateBuilder(["--environment", "Development", "--urls", "http://127.0.0.1:0"]);
        builder.Configuration["Plugins:Path"] = plugins.Path;
        builder.Configuration["ConnectionStrings:SenGraph"] = $"Data Source={Path.Combine(Path.GetDirectoryName(plugins.Path)!, "sengraph.db")}";
        builder.Configuration["Demo:SeedOnStart"] = "false";
        builder.Configuration[key] = value;
        try
        {
            builder.AddSenGraph();
            await using var app = builder.Build();
            app.MapSenGraph();
            await app.StartAsync();
            await app.StopAsync();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException($"The host started with {key} = {value}.");
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON")]
    [InlineData("""["{ __typename }"]""", "must be a JSON object")]
    [InlineData("""{ "abc": "{ __typename }" }""", "\"abc\" is not a SHA-256 hash")]
    [InlineData("""{ "0000000000000000000000000000000000000000000000000000000000000000": "{ __typename }" }""", "is not the SHA-256 of its operation")]
    public void A_bad_allow_list_file_stops_the_host_at_start(string content, string message)
    {
        using var folder = new TempFolder("allow-list");
        var file = Path.Combine(folder.Path, "allow-list.json");
        File.WriteAllText(file, content);
        using var host = new TestHost(new PluginsFolder(), settings: new Dictionary<string, string?>
        {
            ["GraphQL:PersistedOperations:Mode"] = "AllowListOnly",
            ["GraphQL:PersistedOperations:File"] = file,
        });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains(message, Messages(error));
        Assert.Contains("GraphQL:PersistedOperations:File", Messages(error));
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) messages.Add(e.Message);
        if (error is AggregateException aggregate) messages.AddRange(aggregate.Flatten().InnerExceptions.Select(e => e.Message));
        return string.Join(" | ", messages);
    }
}
