using System.Collections.Concurrent;

namespace SenGraph.Tests.Infrastructure;

/// <summary>
/// State a test class keeps for the life of its fixture (the reports its tests seed once and then read), held by the
/// fixture instance rather than in static fields: another fixture of the same class, or another run in the same
/// process, starts from nothing.
/// </summary>
public sealed class FixtureState
{
    private readonly ConcurrentDictionary<Type, object> _states = new();

    /// <summary>This fixture's one <typeparamref name="T"/>, created on first use.</summary>
    public T Of<T>() where T : class, new() => (T)_states.GetOrAdd(typeof(T), _ => new T());
}
