using System.Text.Json;
using Microsoft.AspNetCore.StaticFiles;

namespace SenGraph.Host.Ide;

/// <summary>
/// Serves what Banana Cake Pop's page (<see cref="BananaCakePopEndpoint"/>) loads from under <c>/graphql/</c>: its
/// <c>bcp-config.json</c> and the static files of the npm package <c>@chillicream/bananacakepop-graphql-ide</c>, which
/// <c>Ide/BananaCakePop.targets</c> installs and copies to the output folder <c>ide/</c>.
/// </summary>
public static class BananaCakePopExtensions
{
    private const string ConfigFile = "bcp-config.json";
    private const string Title = "SenGraph";

    /// <summary>
    /// Maps, under <paramref name="graphqlEndpointPath"/> + "/", what the IDE's page loads: its
    /// <c>bcp-config.json</c> (endpoint, title), <c>index.html</c> (its service worker caches it), and the
    /// package's static files (<c>static/js|css|media/…</c>, icons, manifest, <c>service-worker.js</c>).
    /// The page itself (<c>/graphql</c> and <c>/graphql/</c>) is <see cref="BananaCakePopEndpoint.UseBananaCakePop"/>'s.
    /// </summary>
    public static IEndpointRouteBuilder MapBananaCakePopAssets(
        this IEndpointRouteBuilder endpoints, string graphqlEndpointPath)
    {
        var endpoint = BananaCakePopEndpoint.NormalizePath(graphqlEndpointPath);
        var contentTypes = new FileExtensionContentTypeProvider();
        string[] getOrHead = [HttpMethods.Get, HttpMethods.Head];

        endpoints.MapMethods($"{endpoint}/{ConfigFile}", getOrHead, (HttpContext context) => WriteConfig(context, endpoint))
            .ExcludeFromDescription();
        endpoints.MapMethods($"{endpoint}/{BananaCakePopEndpoint.IndexFile}", getOrHead, (HttpContext context) => BananaCakePopEndpoint.ServePageAsync(context, endpoint))
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
        var root = Path.GetFullPath(BananaCakePopEndpoint.IdeDirectory);
        if (!File.Exists(Path.Combine(root, BananaCakePopEndpoint.IndexFile)))
        {
            return Results.Text(string.Format(BananaCakePopEndpoint.NotInstalledMessage, Path.Combine(root, BananaCakePopEndpoint.IndexFile)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
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

    private sealed record BananaCakePopConfig(string Title, bool UseBrowserUrlAsEndpoint, string Endpoint, bool DisableTelemetry);
}
