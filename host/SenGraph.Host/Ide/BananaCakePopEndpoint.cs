using System.Text.Encodings.Web;
using Microsoft.Net.Http.Headers;

namespace SenGraph.Host.Ide;

/// <summary>
/// Serves Banana Cake Pop, the GraphQL IDE, on the GraphQL endpoint's path: a browser navigating to <c>/graphql</c>
/// (or <c>/graphql/</c>) gets the IDE's page, whose assets and <c>bcp-config.json</c> live under <c>/graphql/</c>
/// (<see cref="BananaCakePopExtensions.MapBananaCakePopAssets"/>). GraphQL clients on the same path go on to the
/// GraphQL endpoint.
/// </summary>
public static class BananaCakePopEndpoint
{
    internal const string IndexFile = "index.html";

    internal const string NotInstalledMessage =
        "The GraphQL IDE (Banana Cake Pop) was not installed by the build: {0} is missing.\n" +
        "Build the host with `dotnet build` on a machine with Node.js (npm on the PATH): the build runs " +
        "`npm ci` in host/SenGraph.Host/Ide and copies the IDE to the output folder ide/.\n";

    /// <summary>The folder the build copies the IDE's static files to.</summary>
    public static string IdeDirectory => Path.Combine(AppContext.BaseDirectory, "ide");

    /// <summary>
    /// Takes browser requests (<see cref="IsBrowserRequest"/>) for <paramref name="graphqlEndpointPath"/> and
    /// <paramref name="graphqlEndpointPath"/>/ and answers them with the IDE's page; every other request goes on down the
    /// pipeline (to the GraphQL-over-HTTP endpoint mapped on the same path).
    /// </summary>
    public static IApplicationBuilder UseBananaCakePop(this IApplicationBuilder app, PathString graphqlEndpointPath) =>
        app.Use((http, next) => http.Request.Path.StartsWithSegments(graphqlEndpointPath, out var rest) && rest.Value is null or "" or "/"
                                && IsBrowserRequest(http.Request)
            ? ServePageAsync(http, http.Request.PathBase + http.Request.Path)
            : next(http));

    /// <summary>
    /// True for a browser navigating to the endpoint: a GET whose Accept header prefers text/html over
    /// the GraphQL response types and that carries no GraphQL request parameters. False for GraphQL clients.
    /// </summary>
    public static bool IsBrowserRequest(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) ||
            request.Query.ContainsKey("query") ||
            request.Query.ContainsKey("documentId") ||
            request.Query.ContainsKey("extensions") ||
            !MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double html = 0, graphql = 0;
        foreach (var mediaType in accepted)
        {
            var quality = mediaType.Quality ?? 1.0;
            if (mediaType.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
                     mediaType.MediaType.Equals("application/graphql-response+json", StringComparison.OrdinalIgnoreCase))
            {
                graphql = Math.Max(graphql, quality);
            }
        }

        return html > graphql;
    }

    /// <summary>
    /// Writes the IDE's index.html with a <c>&lt;base href&gt;</c> of the endpoint path plus a slash, so that
    /// its relative asset URLs resolve under the endpoint whether the page was asked for as <c>/graphql</c>
    /// or <c>/graphql/</c>. The IDE then reads <c>bcp-config.json</c>, which points it at the endpoint.
    /// </summary>
    /// <param name="context">The request to answer.</param>
    /// <param name="graphqlEndpointPath">The endpoint's path, e.g. <c>/graphql</c>, with or without the request's
    /// PathBase (it is added when missing); a trailing slash is ignored.</param>
    public static async Task ServePageAsync(HttpContext context, string graphqlEndpointPath)
    {
        var indexPath = Path.Combine(IdeDirectory, IndexFile);
        if (!File.Exists(indexPath))
        {
            await WriteNotInstalledAsync(context, indexPath);
            return;
        }

        var html = await File.ReadAllTextAsync(indexPath, context.RequestAborted);
        var endpoint = new PathString(NormalizePath(graphqlEndpointPath));
        var pathBase = context.Request.PathBase;
        var baseHref = (pathBase.HasValue && !endpoint.StartsWithSegments(pathBase) ? pathBase.Add(endpoint) : endpoint).Value + "/";
        var baseTag = $"<base href=\"{HtmlEncoder.Default.Encode(baseHref)}\"/>";

        // The base element must come before any element with a relative URL: make it the head's first child.
        var head = html.IndexOf("<head", StringComparison.OrdinalIgnoreCase);
        var insertAt = head < 0 ? -1 : html.IndexOf('>', head);
        html = insertAt < 0 ? baseTag + html : html.Insert(insertAt + 1, baseTag);

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static async Task WriteNotInstalledAsync(HttpContext context, string missing)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(string.Format(NotInstalledMessage, missing), context.RequestAborted);
    }

    internal static string NormalizePath(string path) => "/" + path.Trim('/');
}
