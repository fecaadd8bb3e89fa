namespace SenGraph.Host.Modules;

/// <summary>
/// Serves the HTTP paths loaded modules declare (<see cref="SenGraph.Contracts.Modules.ISenGraphModule.ConfigureEndpoints"/>):
/// a GET or HEAD for a declared path runs the module's handler under a lease of the current snapshot, so the module
/// stays loaded to the end of the response; any other request goes on down the pipeline.
/// </summary>
public static class ModuleEndpoints
{
    public static IApplicationBuilder UseModuleEndpoints(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var host = http.RequestServices.GetRequiredService<SchemaHost>();
            if (!(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) || !host.IsReady || !http.Request.Path.HasValue)
            {
                await next(http);
                return;
            }

            using var lease = host.Acquire();
            var path = http.Request.Path.Value!.TrimEnd('/');
            var endpoint = lease.Snapshot.LoadedModules.SelectMany(m => m.Endpoints)
                .FirstOrDefault(e => string.Equals(e.Path, path, StringComparison.OrdinalIgnoreCase));
            if (endpoint is null)
            {
                await next(http);
                return;
            }

            await endpoint.Handler(http);
        });
}
