using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;

namespace SenGraph.TestModules.Ticker;

/// <summary>
/// A test module with a subscription, so the WebSocket transport has a stream to carry:
/// <c>ticks(count)</c> emits 1..count, one every <see cref="TickInterval"/>, then completes;
/// <c>failingTicks(count)</c> does the same, then its stream fails.
/// </summary>
public sealed class TickerModule : ISenGraphModule
{
    /// <summary>Time between two ticks: long enough that a test can complete a subscription mid-stream.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(10);

    public ModuleManifest Manifest { get; } = new("ticker", "Test: ticker", "1.0.0");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
    }

    public void ConfigureSchema(ModuleSchemaBuilder schema) => schema.ExtendSubscription<TickerSubscriptions>().ExtendQuery<TickerQueries>();
}

/// <summary>Root query fields of the ticker test module: what tests wait on instead of sleeping.</summary>
public sealed class TickerQueries : ObjectGraphType
{
    public TickerQueries()
    {
        Name = "TickerQueries";
        Description = "Root query fields of the ticker test module.";

        Field<NonNullGraphType<IntGraphType>, int>("tickerStreams")
            .Description("How many ticks streams created with this count are still producing (stopped ones are not counted).")
            .Argument<NonNullGraphType<IntGraphType>>("count", "The count the streams were created with.")
            .AllowAnonymous()
            .Resolve(ctx => Ticks.Running(ctx.GetArgument<int>("count")));
    }
}

/// <summary>Root subscription fields of the ticker test module.</summary>
public sealed class TickerSubscriptions : ObjectGraphType
{
    public TickerSubscriptions()
    {
        Name = "TickerSubscriptions";
        Description = "Root subscription fields of the ticker test module.";

        Field<NonNullGraphType<IntGraphType>, int>("ticks")
            .Description("Emits 1, 2, … count, then completes; open to anyone.")
            .Argument<NonNullGraphType<IntGraphType>>("count", "How many ticks to emit.")
            .AllowAnonymous()
            .ResolveStream(ctx => new Ticks(ctx.GetArgument<int>("count"), fail: false));

        Field<NonNullGraphType<IntGraphType>, int>("failingTicks")
            .Description("Emits 1, 2, … count, then the stream fails (OnError) instead of completing; open to anyone.")
            .Argument<NonNullGraphType<IntGraphType>>("count", "How many ticks to emit before failing.")
            .AllowAnonymous()
            .ResolveStream(ctx => new Ticks(ctx.GetArgument<int>("count"), fail: true));
    }
}

/// <summary>1..count on a background task, then completion (or failure); disposing the subscription stops it.</summary>
internal sealed class Ticks(int count, bool fail) : IObservable<int>
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> RunningByCount = new();

    public static int Running(int count) => RunningByCount.GetValueOrDefault(count);

    public IDisposable Subscribe(IObserver<int> observer)
    {
        var stop = new CancellationTokenSource();
        RunningByCount.AddOrUpdate(count, 1, (_, n) => n + 1);
        _ = Task.Run(async () =>
        {
            try
            {
                for (var tick = 1; tick <= count; tick++)
                {
                    await Task.Delay(TickerModule.TickInterval, stop.Token);
                    observer.OnNext(tick);
                }

                if (fail) observer.OnError(new InvalidOperationException("The ticker failed (deliberately)."));
                else observer.OnCompleted();
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                RunningByCount.AddOrUpdate(count, 0, (_, n) => n - 1);
            }
        });
        return new Unsubscriber(stop);
    }

    private sealed class Unsubscriber(CancellationTokenSource stop) : IDisposable
    {
        public void Dispose() => stop.Cancel();
    }
}
