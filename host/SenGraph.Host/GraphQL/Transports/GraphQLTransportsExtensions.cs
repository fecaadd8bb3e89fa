using SenGraph.Host.GraphQL.Pipeline;
using SenGraph.Host.GraphQL.Transports.Http;
using SenGraph.Host.GraphQL.Transports.Sse;
using SenGraph.Host.GraphQL.Transports.WebSockets;
using SenGraph.Host.Ide;
using SenGraph.Host.Security;

namespace SenGraph.Host.GraphQL.Transports;

/// <summary>
/// Wires the <see cref="OperationPipeline"/> and the transports that call it: <see cref="AddGraphQLTransports"/> registers,
/// <see cref="MapGraphQLTransports"/> serves them all, and Banana Cake Pop, on one path.
/// </summary>
public static class GraphQLTransportsExtensions
{
    public static IServiceCollection AddGraphQLTransports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OperationPipeline>();
        services.AddSingleton<BearerToken>();
        services.AddSingleton<HttpCaller>();
        services.AddSingleton<HttpRequestReader>();
        services.AddSingleton<HttpResponseWriter>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddSingleton<GraphQLSseEndpoint>();
        services.AddGraphQLWebSockets(configuration);
        return services;
    }

    /// <summary>
    /// On <paramref name="path"/>: WebSocket upgrades (graphql-transport-ws), event streams (graphql-sse), a browser's
    /// page request (Banana Cake Pop), and everything else as GraphQL over HTTP; the IDE's assets under
    /// <paramref name="path"/>/. Needs authentication before it.
    /// </summary>
    public static WebApplication MapGraphQLTransports(this WebApplication app, string path)
    {
        app.UseWebSockets();
        app.UseGraphQLWebSockets(path);
        app.UseGraphQLSse(path);
        app.UseBananaCakePop(path);
        app.Map(path, http => http.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(http));
        app.MapBananaCakePopAssets(path);
        return app;
    }
}
