using Microsoft.Extensions.Options;

namespace SenGraph.Host.GraphQL.Transports.WebSockets;

/// <summary>Wires the <c>graphql-transport-ws</c> transport: <see cref="AddGraphQLWebSockets"/> registers, <see cref="UseGraphQLWebSockets"/> serves.</summary>
public static class GraphQLWebSocketExtensions
{
    public static IServiceCollection AddGraphQLWebSockets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphQLWebSocketOptions>().Bind(configuration.GetSection(GraphQLWebSocketOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphQLWebSocketOptions>, GraphQLWebSocketOptionsValidator>();
        services.AddSingleton<WebSocketLimits>();
        services.AddSingleton<GraphQLWebSocketEndpoint>();
        return services;
    }

    /// <summary>
    /// Takes WebSocket upgrade requests on <paramref name="path"/>; every other request goes on down
    /// the pipeline (to the GraphQL-over-HTTP endpoint mapped on the same path). Needs
    /// <c>app.UseWebSockets()</c> before it.
    /// </summary>
    public static IApplicationBuilder UseGraphQLWebSockets(this IApplicationBuilder app, PathString path) =>
        app.Use((http, next) => http.WebSockets.IsWebSocketRequest && http.Request.Path.Equals(path)
            ? http.RequestServices.GetRequiredService<GraphQLWebSocketEndpoint>().HandleAsync(http)
            : next(http));
}
