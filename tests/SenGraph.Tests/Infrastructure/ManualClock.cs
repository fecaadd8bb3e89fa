namespace SenGraph.Tests.Infrastructure;

/// <summary>A clock a test moves by hand (<see cref="Advance"/>), so time-bound behaviour is observed without waiting.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
