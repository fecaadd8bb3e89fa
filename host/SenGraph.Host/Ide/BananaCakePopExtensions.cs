using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace SenGraph.Host.Ide;

/// <summary>
/// Serves Banana Cake Pop, the GraphQL IDE, on the GraphQL endpoint itself: a browser navigating to
/// <c>/graphql</c> gets the IDE's page, whose assets and <c>bcp-config.json</c> live under <c>/graphql/</c>.
/// The files are the npm package <c>@chillicream/bananacakepop-graphql-ide</c>, which
/// <c>Ide/BananaCakePop.targets</c> installs and copies to the output folder <c>ide/</c>.
/// </summary>
public static class BananaCakePopExtensions
{
    private const string IndexFile = "index.html";
    private const string ConfigFile = "bcp-config.json";
    private const string Title = "SenGraph";

    private const string NotInstalledMessage =
        "The GraphQL IDE (Banana Cake Pop) was not installed by the build: {0} is missing.\n" +
        "Build the host with `dotnet build` on a machine with Node.js (npm on the PATH): the build runs " +
        "`npm ci` in host/SenGraph.Host/Ide and copies the IDE to the output folder ide/.\n";

    /// <summary>The folder the build copies the IDE's static files to.</summary>
    public static string IdeDirectory => Path.Combine(AppContext.BaseDirectory, "ide");

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
    public static async Task ServeBananaCakePopAsync(HttpContext context, string graphqlEndpointPath)
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

    /// <summary>
    /// Maps, under <paramref name="graphqlEndpointPath"/> + "/", what the IDE's page loads: its
    /// <c>bcp-config.json</c> (endpoint, title), <c>index.html</c> (its service worker caches it), and the
    /// package's static files (<c>static/js|css|media/…</c>, icons, manifest, <c>service-worker.js</c>).
    /// The endpoint itself (<c>/graphql</c> and <c>/graphql/</c>) stays the caller's: it calls
    /// <see cref="ServeBananaCakePopAsync"/> when <see cref="IsBrowserRequest"/> says so.
    /// </summary>
    public static IEndpointRouteBuilder MapBananaCakePopAssets(
        this IEndpointRouteBuilder endpoints, string graphqlEndpointPath)
    {
        var endpoint = NormalizePath(graphqlEndpointPath);
        var contentTypes = new FileExtensionContentTypeProvider();
        string[] getOrHead = [HttpMethods.Get, HttpMethods.Head];

        endpoints.MapMethods($"{endpoint}/{ConfigFile}", getOrHead, (HttpContext context) => WriteConfig(context, endpoint))
            .ExcludeFromDescription();
        endpoints.MapMethods($"{endpoint}/{IndexFile}", getOrHead, (HttpContext context) => ServeBananaCakePopAsync(context, endpoint))
            .ExcludeFromDescription();
        endpoints.MapMethods($"{endpoint}/{{**asset}}", getOrHead, (HttpContext context, string? asset) => ServeAsset(context, asset, contentTypes))
            .ExcludeFromDescription();
        return endpoints;
    }

    // The IDE fetches bcp-config.json from its page URL (trailing slash trimmed) + "/bcp-config.json"; with
    // useBrowserUrlAsEndpoint it resolves "endpoint" against the page URL, so a path keeps it same-origin.
    private static IResult WriteConfig(HttpContext context, string endpoint)
    {
        var config = new BananaCakePopConfig(
            Title: Title,
            UseBrowserUrlAsEndpoint: true,
            Endpoint: context.Request.PathBase.Add(endpoint).Value!,
            DisableTelemetry: true);
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Content(JsonSerializer.Serialize(config, JsonSerializerOptions.Web), "application/json; charset=utf-8");
    }

    private static IResult ServeAsset(HttpContext context, string? asset, FileExtensionContentTypeProvider contentTypes)
    {
        var root = Path.GetFullPath(IdeDirectory);
        if (!File.Exists(Path.Combine(root, IndexFile)))
        {
            return Results.Text(string.Format(NotInstalledMessage, Path.Combine(root, IndexFile)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var file = string.IsNullOrEmpty(asset) ? null : Path.GetFullPath(Path.Combine(root, asset));
        if (file is null ||
            !file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
            !File.Exists(file) ||
            !contentTypes.TryGetContentType(file, out var contentType))
        {
            return Results.NotFound();
        }

        // Files under static/ carry a content hash in their names; the rest keep their names across versions.
        context.Response.Headers.CacheControl = asset!.StartsWith("static/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        return TypedResults.PhysicalFile(file, contentType, lastModified: File.GetLastWriteTimeUtc(file));
    }

    private static async Task WriteNotInstalledAsync(HttpContext context, string missing)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(string.Format(NotInstalledMessage, missing), context.RequestAborted);
    }

    private static string NormalizePath(string path) => "/" + path.Trim('/');

    private sealed record BananaCakePopConfig(string Title, bool UseBrowserUrlAsEndpoint, string Endpoint, bool DisableTelemetry);
}
