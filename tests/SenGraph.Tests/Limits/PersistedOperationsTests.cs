using System.Net;
using System.Text.Json;
using SenGraph.Host.GraphQL.Limits;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.WebSockets;

namespace SenGraph.Tests.Limits;

/// <summary>A host in allow-list mode, with two trusted operations in a JSON file.</summary>
public sealed class AllowListHost() : LimitsHost("Production", new Dictionary<string, string?>
{
    ["GraphQL:PersistedOperations:Mode"] = "AllowListOnly",
    ["GraphQL:PersistedOperations:File"] = WriteAllowList(),
})
{
    public const string Trusted = "{ serverInfo { environment } }";
    public const string TrustedTypename = "query Typename { __typename }";

    public static string Hash(string query) => PersistedOperationList.Hash(query);

    private static string WriteAllowList()
    {
        var file = Path.Combine(Path.GetTempPath(), "sengraph-tests", "allow-list-" + Guid.NewGuid().ToString("N") + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            [Hash(Trusted)] = Trusted,
            [Hash(TrustedTypename)] = TrustedTypename,
        }));
        return file;
    }
}

public sealed class PersistedOperationsTests(AllowListHost host) : IClassFixture<AllowListHost>
{
    [Fact]
    public async Task A_trusted_operation_sent_as_text_runs()
    {
        var response = (await host.PostAsync(AllowListHost.Trusted)).ShouldSucceed();

        Assert.Equal("Production", response.Data!["serverInfo"]!["environment"]!.GetValue<string>());
    }

    [Fact]
    public async Task Any_other_operation_is_refused()
    {
        var response = await host.PostAsync("{ serverInfo { version } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["OPERATION_NOT_ALLOWED"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_trusted_operation_runs_by_its_apollo_persisted_query_hash()
    {
        var body = JsonSerializer.Serialize(new
        {
            extensions = new { persistedQuery = new { version = 1, sha256Hash = AllowListHost.Hash(AllowListHost.TrustedTypename) } },
        });

        var response = (await host.SendAsync(HttpMethod.Post, "/graphql", body, "application/json")).ShouldSucceed();

        Assert.Equal("Query", response.Data!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_trusted_operation_runs_by_document_id_over_post_and_get()
    {
        var id = "sha256:" + AllowListHost.Hash(AllowListHost.TrustedTypename);

        var post = await host.SendAsync(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { documentId = id }), "application/json");
        var get = await host.SendAsync(HttpMethod.Get, "/graphql?documentId=" + Uri.EscapeDataString(id));

        Assert.Equal("Query", post.ShouldSucceed().Data!["__typename"]!.GetValue<string>());
        Assert.Equal("Query", get.ShouldSucceed().Data!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_hash_is_not_found()
    {
        var unknown = AllowListHost.Hash("{ __schema { types { name } } }");
        var apq = JsonSerializer.Serialize(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = unknown } } });

        var byExtension = await host.SendAsync(HttpMethod.Post, "/graphql", apq, "application/json");
        var byDocumentId = await host.SendAsync(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { documentId = "sha256:" + unknown }), "application/json");

        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], byExtension.ErrorCodes);
        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], byDocumentId.ErrorCodes);
    }

    [Fact]
    public async Task Text_that_does_not_match_its_hash_is_refused()
    {
        var body = JsonSerializer.Serialize(new
        {
            query = "{ serverInfo { version } }",
            extensions = new { persistedQuery = new { version = 1, sha256Hash = AllowListHost.Hash(AllowListHost.Trusted) } },
        });

        var response = await host.SendAsync(HttpMethod.Post, "/graphql", body, "application/json");

        Assert.Equal(["PERSISTED_QUERY_HASH_MISMATCH"], response.ErrorCodes);
    }

    [Fact]
    public async Task The_allow_list_applies_over_websockets_too()
    {
        await using var client = await GraphQLWsTestClient.InitializedAsync(host);

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { documentId = "sha256:" + AllowListHost.Hash(AllowListHost.TrustedTypename) } });
        var trusted = await client.ReceiveAsync();
        await client.SubscribeAsync("2", "{ serverInfo { version } }");
        var messages = await client.ReceiveUntilAsync("2", "error");

        Assert.Equal("next", trusted["type"]!.GetValue<string>());
        Assert.Equal("Query", trusted["payload"]!["data"]!["__typename"]!.GetValue<string>());
        Assert.Equal("OPERATION_NOT_ALLOWED", messages[^1]["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}

/// <summary>Without the allow-list, a hash alone is answered as not supported, so an Apollo client falls back to sending the text.</summary>
public sealed class PersistedOperationsOffTests(SmallLimitsHost host) : IClassFixture<SmallLimitsHost>
{
    [Fact]
    public async Task A_hash_without_text_is_not_supported_when_the_allow_list_is_off()
    {
        var body = JsonSerializer.Serialize(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = AllowListHost.Hash("{ __typename }") } } });

        var response = await host.SendAsync(HttpMethod.Post, "/graphql", body, "application/json");

        Assert.Equal(["PERSISTED_QUERY_NOT_SUPPORTED"], response.ErrorCodes);
    }
}
