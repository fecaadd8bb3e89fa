namespace SenGraph.Host.Modules;

/// <summary>
/// The background services (<see cref="IHostedService"/>) one loaded module version registered in its container:
/// started once, after the version is published; stopped once, in reverse order, each given what is left of
/// <see cref="PluginOptions.ServiceStopTimeout"/> and abandoned (logged) past it, so a stuck service never holds up
/// an upgrade, a removal or the host's shutdown.
/// </summary>
public sealed class ModuleServices(IServiceProvider services, string moduleId, string version, TimeSpan stopTimeout, ILogger logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private List<IHostedService> _running = [];
    private bool _stopped;

    /// <summary>How many services are running now.</summary>
    public int RunningCount => Volatile.Read(ref _running).Count;

    /// <summary>Starts every registered service; one that fails to start is logged, and the ones started before it keep running.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_stopped || _running.Count > 0) return;
            var running = new List<IHostedService>();
            foreach (var service in services.GetServices<IHostedService>())
            {
                try
                {
                    await service.StartAsync(cancellationToken);
                    running.Add(service);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Module {ModuleId} {ModuleVersion}: background service {Service} failed to start.", moduleId, version, service.GetType().Name);
                }
            }

            Volatile.Write(ref _running, running);
            if (running.Count > 0)
                logger.LogInformation("Module {ModuleId} {ModuleVersion}: started {Count} background service(s).", moduleId, version, running.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the running services within the deadline; never starts them again.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_stopped) return;
            _stopped = true;
            var running = _running;
            Volatile.Write(ref _running, []);
            using var deadline = new CancellationTokenSource(stopTimeout);
            foreach (var service in Enumerable.Reverse(running))
            {
                try
                {
                    await service.StopAsync(deadline.Token).WaitAsync(deadline.Token);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    logger.LogWarning("Module {ModuleId} {ModuleVersion}: background service {Service} did not stop within {Timeout}; abandoned.",
                        moduleId, version, service.GetType().Name, stopTimeout);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Module {ModuleId} {ModuleVersion}: background service {Service} failed while stopping.", moduleId, version, service.GetType().Name);
                }
            }

            if (running.Count > 0)
                logger.LogInformation("Module {ModuleId} {ModuleVersion}: stopped its background services.", moduleId, version);
        }
        finally
        {
            _gate.Release();
        }
    }
}
