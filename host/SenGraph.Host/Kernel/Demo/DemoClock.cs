namespace SenGraph.Host.Kernel.Demo;

/// <summary>
/// The clock of the application <c>seed demo</c> builds for itself (never the serving host's): the system time,
/// until the seeder travels to the time of the step it writes, so every timestamp, fiscal-year report number and
/// audit record of demo data agrees with the history it tells.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private DateTimeOffset? _at;

    public override DateTimeOffset GetUtcNow() => _at ?? System.GetUtcNow();

    /// <summary>Sets the time (null: the system time again).</summary>
    public void Travel(DateTimeOffset? at) => _at = at;
}
