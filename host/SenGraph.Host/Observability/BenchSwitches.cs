namespace SenGraph.Host.Observability;

/// <summary>
/// Development only, for the load harness (<c>bench/run.sh</c>; issue 20: "separately what the audit of views and the
/// authorization rule cost"): with <c>Bench:Switches</c> true, a GraphQL request over HTTP may carry the header
/// <c>X-SenGraph-Bench</c> with <c>no-view-audit</c> (its views are not recorded in the audit trail) and/or
/// <c>no-authorization-rule</c> (the authorization rule's validation walk is skipped; the resolvers' own scoping still
/// applies). The host refuses to start with the setting in any other environment, and without the setting the header
/// changes nothing, so a production host always audits every view and always runs the rule.
/// </summary>
public sealed class BenchSwitches
{
    public const string Section = "Bench";
    public const string Header = "X-SenGraph-Bench";
    public const string NoViewAudit = "no-view-audit";
    public const string NoAuthorizationRule = "no-authorization-rule";

    /// <summary>The key, in the execution's user context, that tells the authorization rule to skip its walk.</summary>
    internal const string SkipAuthorizationRuleKey = "SenGraph.Bench.SkipAuthorizationRule";

    /// <summary>Configuration <c>Bench:Switches</c>: whether the header is honoured (Development only).</summary>
    public bool Switches { get; set; }

    private bool _enabled;

    /// <summary>The settings of <paramref name="configuration"/>; throws when the switches are asked for outside Development.</summary>
    public static BenchSwitches From(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(Section).Get<BenchSwitches>() ?? new BenchSwitches();
        if (settings.Switches && !environment.IsDevelopment())
            throw new InvalidOperationException(
                $"Bench:Switches (turning off the audit of views or the authorization rule for benchmarks) is refused in the {environment.EnvironmentName} environment: remove it.");
        settings._enabled = settings.Switches && environment.IsDevelopment();
        return settings;
    }

    /// <summary>What <paramref name="request"/> asks to skip; nothing unless the switches are on (Development only).</summary>
    public (bool SkipViewAudit, bool SkipAuthorizationRule) For(HttpRequest request)
    {
        if (!_enabled || !request.Headers.TryGetValue(Header, out var values)) return (false, false);
        var asked = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        return (asked.Contains(NoViewAudit), asked.Contains(NoAuthorizationRule));
    }
}
