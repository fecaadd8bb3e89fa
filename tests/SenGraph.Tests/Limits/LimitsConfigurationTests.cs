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
    public void A_bad_limit_stops_the_host_at_start(string key, string value, string message)
    {
        using var host = new TestHost(new PluginsFolder(), settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(message, Messages(error));
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
