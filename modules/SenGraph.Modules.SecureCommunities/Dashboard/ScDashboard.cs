using Microsoft.AspNetCore.Http;
using SenGraph.Contracts.Modules;

namespace SenGraph.Modules.SecureCommunities.Dashboard;

/// <summary>
/// <c>/dashboards/secure-communities</c>: a page that draws the monthly transmissions and the monthly matches by IAR level
/// (Chart.js, embedded from npm at build time) and the outcome table beneath, fetched from the GraphQL API in the browser
/// with the viewer's token. The page holds no data: what it shows is what the API lets the token's roles read.
/// </summary>
public static class ScDashboard
{
    public const string PagePath = "/dashboards/secure-communities";

    public static void Map(ModuleEndpointBuilder endpoints)
    {
        endpoints.MapGet(PagePath, Serve("SecureCommunities.dashboard.html", "text/html; charset=utf-8"));
        endpoints.MapGet(PagePath + "/dashboard.js", Serve("SecureCommunities.dashboard.js", "text/javascript; charset=utf-8"));
        endpoints.MapGet(PagePath + "/chart.umd.min.js", Serve("SecureCommunities.chart.umd.min.js", "text/javascript; charset=utf-8"));
    }

    private static RequestDelegate Serve(string resource, string contentType)
    {
        var bytes = Read(resource);
        return async http =>
        {
            if (bytes is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                await http.Response.WriteAsync($"{resource} was not embedded in the module: build it with npm on the PATH.");
                return;
            }

            http.Response.ContentType = contentType;
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Content-Type-Options"] = "nosniff";
            http.Response.Headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:";
            http.Response.ContentLength = bytes.Length;
            if (!HttpMethods.IsHead(http.Request.Method)) await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        };
    }

    private static byte[]? Read(string resource)
    {
        using var stream = typeof(ScDashboard).Assembly.GetManifestResourceStream(resource);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
