namespace SenGraph.Host.GraphQL.Transports.Sse;

/// <summary>Wires the <c>graphql-sse</c> transport: <see cref="UseGraphQLSse"/> serves it on the GraphQL path.</summary>
public static class GraphQLSseExtensions
{
    /// <summary>
    /// Takes requests on <paramref name="path"/> that accept <c>text/event-stream</c>; every other request goes on down
    /// the pipeline (to the GraphQL-over-HTTP endpoint mapped on the same path). Needs authentication before it.
    /// </summary>
    public static IApplicationBuilder UseGraphQLSse(this IApplicationBuilder app, PathString path) =>
        app.Use((http, next) => http.Request.Path.Equals(path) && GraphQLSseEndpoint.IsEventStreamRequest(http.Request)
            ? http.RequestServices.GetRequiredService<GraphQLSseEndpoint>().HandleAsync(http)
            : next(http));
}
