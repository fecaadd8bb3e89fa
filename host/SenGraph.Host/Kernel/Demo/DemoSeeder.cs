using System.Security.Claims;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Demo;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Security;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Kernel.Workflow;
using SenGraph.Host.Modules;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Demo;

/// <summary>How many reports to write (per type when <paramref name="OnlyTypesWithoutReports"/>, else in all), and where progress goes.</summary>
public sealed record DemoSeedRequest(int Reports, bool OnlyTypesWithoutReports, IProgress<DemoSeedProgress>? Progress = null);

/// <summary>Workflow steps done out of all planned (drafts, reviews, submissions, queue marks, amendments).</summary>
public sealed record DemoSeedProgress(int StepsDone, int Steps);

/// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> posts to the thread pool, where reports could overtake each other).</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

/// <summary>What <see cref="DemoSeeder.SeedAsync"/> wrote: reports by type, and the types it left alone and why.</summary>
public sealed record DemoSeedResult(IReadOnlyDictionary<string, int> Written, IReadOnlyDictionary<string, string> Skipped, int FailedSteps);

/// <summary>
/// Writes the demo data: for every loaded report type whose module contributes <see cref="IDemoReports"/> and
/// that has no report yet, <see cref="DemoReportPlan.ReportsPerType"/> reports by the directory's users, taken
/// through the real workflow (drafting by the module, review, return, approval, submission with numbering and
/// routing, queue marks, amendments) at the times their plan gives, in time order, with <see cref="DemoClock"/>
/// set to each step's time. Every step is audited as its user under the operation <c>seed demo</c>. A type that
/// already has reports is left alone, so seeding twice changes nothing and a module added later gets its own.
/// </summary>
public sealed class DemoSeeder(SchemaHost schemas, ReportTypes reportTypes, DemoPlanner planner, ReportWorkflow workflow, DemoClock clock, ILogger<DemoSeeder> logger)
{
    public const string Operation = "seed demo";

    private sealed class Progress
    {
        public Guid Id { get; set; }
        public int Version { get; set; }
        public bool Failed { get; set; }
    }

    private sealed record StepResult(Guid? Id, int Version, IReadOnlyList<UserError> Errors);

    private sealed record Step(DemoReportPlan Plan, DateTimeOffset At, string Actor, Func<Progress, CancellationToken, Task<StepResult>> Run);

    public Task<DemoSeedResult> SeedAsync(CancellationToken cancellationToken) =>
        SeedAsync(new DemoSeedRequest(DemoReportPlan.ReportsPerType, OnlyTypesWithoutReports: true), cancellationToken);

    /// <summary>
    /// Writes <see cref="DemoSeedRequest.Reports"/> reports spread evenly over every loaded type with demo data (the
    /// first types get one more when it does not divide), reporting each finished step to <see cref="DemoSeedRequest.Progress"/>.
    /// </summary>
    public async Task<DemoSeedResult> SeedAsync(DemoSeedRequest seed, CancellationToken cancellationToken)
    {
        var schema = schemas.Current.Schema;
        var now = clock.GetUtcNow();
        var planned = await planner.PlanAsync(seed, now, cancellationToken);
        var plans = planned.Types.SelectMany(t => Enumerable.Range(0, t.Count).Select(t.Plan)).ToList();
        var iroc = planned.Iroc;
        var hank = planned.Hank;

        var types = reportTypes.Of(schema);
        var steps = plans.SelectMany(p => StepsOf(p, schema, RoutesToIroc(types, p) ? iroc : null, hank, now)).OrderBy(s => s.At).ToList();
        var progress = plans.ToDictionary(p => p, _ => new Progress());
        var failed = 0;
        var done = 0;
        foreach (var step in steps)
        {
            seed.Progress?.Report(new DemoSeedProgress(done++, steps.Count));
            var state = progress[step.Plan];
            if (state.Failed) continue;
            clock.Travel(step.At);
            using var audit = AuditScope.Begin(new AuditContext(step.Actor) { OperationName = Operation });
            var (id, version, errors) = await step.Run(state, cancellationToken);
            if (id is null || errors.Count > 0)
            {
                state.Failed = true;
                failed++;
                logger.LogWarning("Demo {Type} report {Index} stopped at a step by {User}: {Errors}", step.Plan.Type.TypeCode, step.Plan.Request.Index,
                    step.Actor, string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message}")));
                continue;
            }

            state.Id = id.Value;
            state.Version = version;
        }

        clock.Travel(null);
        seed.Progress?.Report(new DemoSeedProgress(steps.Count, steps.Count));
        return new DemoSeedResult(planned.Written, planned.Skipped, failed);
    }

    private IEnumerable<Step> StepsOf(DemoReportPlan plan, ISchema schema, DirectoryUser? iroc, DirectoryUser? hank, DateTimeOffset now)
    {
        var author = Principal(plan.Author);
        var request = plan.Request;
        var t = plan.DraftedAt;
        var reviewer = plan.Reviewer;
        yield return new Step(plan, t, plan.Author.UserName, async (_, ct) => Unpack(await plan.Type.DraftAsync(request, ct)));
        if (plan.State == DemoState.Draft) yield break;

        var reviewed = reviewer is not null && plan.State != DemoState.PendingReview;
        if (reviewer is not null || plan.State == DemoState.PendingReview)
            yield return new Step(plan, t + TimeSpan.FromHours(1), plan.Author.UserName, async (p, ct) => Unpack(await workflow.RequestReviewAsync(schema, author, p.Id, p.Version, ct)));
        if (plan.State == DemoState.PendingReview || !reviewed && !plan.IsSubmitted) yield break;

        if (reviewed)
        {
            var by = Principal(reviewer!);
            yield return plan.State == DemoState.Returned
                ? new Step(plan, t + TimeSpan.FromHours(3), reviewer!.UserName, async (p, ct) => Unpack(await workflow.ReturnAsync(schema, by, p.Id, p.Version,
                    "Add the suspect's date of birth and the case reference before this goes out.", ct)))
                : new Step(plan, t + TimeSpan.FromHours(3), reviewer!.UserName, async (p, ct) => Unpack(await workflow.ApproveAsync(schema, by, p.Id, p.Version, ct)));
        }

        if (!plan.IsSubmitted) yield break;
        IReadOnlyList<RecipientInput> named = hank is not null && request.Index % 4 == 0 ? [new RecipientInput(RecipientKind.User, hank.UserName)] : [];
        yield return new Step(plan, t + TimeSpan.FromHours(4), plan.Author.UserName, async (p, ct) => Unpack(await workflow.SubmitAsync(schema, author, p.Id, p.Version, named, ct)));

        if (iroc is not null && plan.State is DemoState.SubmittedAndRead or DemoState.SubmittedAndAcknowledged)
        {
            var reader = Principal(iroc);
            var acknowledge = plan.State == DemoState.SubmittedAndAcknowledged;
            yield return new Step(plan, t + TimeSpan.FromHours(20), iroc.UserName, async (p, ct) =>
            {
                var marked = acknowledge ? await workflow.AcknowledgeAsync(schema, reader, p.Id, ct) : await workflow.MarkReadAsync(schema, reader, p.Id, ct);
                return new StepResult(p.Id, p.Version, marked.Errors);
            });
        }

        if (plan.State == DemoState.Amended)
        {
            var at = Min(t + TimeSpan.FromDays(6), now - TimeSpan.FromHours(1));
            yield return new Step(plan, at, plan.Author.UserName, async (p, ct) => Unpack(await plan.Type.AmendAsync(request, p.Id, p.Version, ct)));
        }
    }

    /// <summary>The IROC marks only what reaches its queue: types routed elsewhere (LEARA, SPOT, ERO LEAD) stay unread there.</summary>
    private static bool RoutesToIroc(IReadOnlyDictionary<string, IReportType> types, DemoReportPlan plan) =>
        types.TryGetValue(plan.Type.TypeCode, out var type) && type.Routes.HasFlag(ReportRoutes.Iroc);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static StepResult Unpack(ReportOutcome<Report> outcome) => new(outcome.Report?.Id, outcome.Report?.Version ?? 0, outcome.Errors);

    private static StepResult Unpack(ReportWorkflow.Outcome outcome) => new(outcome.Report?.Id, outcome.Report?.Version ?? 0, outcome.Errors);

    private static ClaimsPrincipal Principal(DirectoryUser user) => DemoPlanner.Principal(user);
}
