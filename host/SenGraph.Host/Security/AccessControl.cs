using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Host.Kernel.Reports;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Security;

/// <summary>What a caller wants to do with reports of a type, and so which of the type's policies decides.</summary>
public enum ReportOperation
{
    /// <summary>See reports of the type at all (<see cref="IReportType.ReadPolicy"/>).</summary>
    Read,

    /// <summary>Draft, edit, ask for review, submit, amend (<see cref="IReportType.AuthorPolicy"/>).</summary>
    Author,

    /// <summary>Return or approve (<see cref="IReportType.ReviewPolicy"/>).</summary>
    Review,
}

/// <summary>
/// Every authorization decision the host makes, in one place: a named policy, a report type's read, author or
/// review policy, PII need-to-know. Policies are looked up in the snapshot a schema belongs to (the modules'
/// and <see cref="HostPolicies"/>), so a request keeps the rules it started with across a module swap; a policy
/// nobody declared, or a report type whose module is not loaded, fails closed. The validation rule asks it
/// what a document may select; the workflow and the host's report fields ask it which rows a caller may touch.
/// </summary>
public sealed class AccessControl(SchemaHost schemas, ReportTypes reportTypes, IAuthorizationService authorization)
{
    /// <summary>Whether <paramref name="user"/> satisfies the policy named <paramref name="policyName"/> (false for an undeclared policy).</summary>
    public async ValueTask<bool> SatisfiesAsync(ISchema schema, ClaimsPrincipal? user, string policyName)
    {
        if (user is null || !schemas.SnapshotOf(schema).Policies.TryGetValue(policyName, out var policy)) return false;
        return (await authorization.AuthorizeAsync(user, null, policy)).Succeeded;
    }

    /// <summary>Whether <paramref name="user"/> may do <paramref name="operation"/> with reports of <paramref name="type"/>.</summary>
    public ValueTask<bool> CanAsync(ISchema schema, ClaimsPrincipal? user, IReportType type, ReportOperation operation) =>
        SatisfiesAsync(schema, user, PolicyOf(type, operation));

    /// <summary>Whether <paramref name="user"/> may do <paramref name="operation"/> with reports of the type coded <paramref name="typeCode"/> (false when its module is not loaded).</summary>
    public async ValueTask<bool> CanAsync(ISchema schema, ClaimsPrincipal? user, string typeCode, ReportOperation operation) =>
        reportTypes.Of(schema).TryGetValue(typeCode, out var type) && await CanAsync(schema, user, type, operation);

    /// <summary>Whether <paramref name="user"/> may do <paramref name="operation"/> with reports of at least one loaded type.</summary>
    public async ValueTask<bool> CanForAnyTypeAsync(ISchema schema, ClaimsPrincipal? user, ReportOperation operation)
    {
        foreach (var type in reportTypes.Of(schema).Values)
        {
            if (await CanAsync(schema, user, type, operation)) return true;
        }
        return false;
    }

    /// <summary>The codes of the loaded report types whose read policy <paramref name="user"/> satisfies; reports of any other type are, to them, reports that do not exist.</summary>
    public async Task<IReadOnlySet<string>> ReadableTypesAsync(ISchema schema, ClaimsPrincipal? user)
    {
        var readable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, type) in reportTypes.Of(schema))
        {
            if (await CanAsync(schema, user, type, ReportOperation.Read)) readable.Add(code);
        }
        return readable;
    }

    /// <summary>
    /// The loaded report types <paramref name="user"/> may count in statistics: those whose count policy they satisfy (the
    /// type's readers and the roles it names, <see cref="SenGraph.Contracts.Reports.Workflow.ReportStatisticsDeclaration.CountedBy"/>),
    /// or, for a type without one, whose read policy they satisfy.
    /// </summary>
    public async Task<IReadOnlyList<IReportType>> CountableTypesAsync(ISchema schema, ClaimsPrincipal? user)
    {
        var countable = new List<IReportType>();
        foreach (var type in reportTypes.Of(schema).Values)
        {
            if (await SatisfiesAsync(schema, user, type.CountPolicy ?? type.ReadPolicy)) countable.Add(type);
        }
        return countable;
    }

    /// <summary>Whether <paramref name="user"/> may see fields marked PII.</summary>
    public ValueTask<bool> HasPiiNeedToKnowAsync(ISchema schema, ClaimsPrincipal? user) => SatisfiesAsync(schema, user, HostPolicies.PiiNeedToKnow);

    private static string PolicyOf(IReportType type, ReportOperation operation) => operation switch
    {
        ReportOperation.Read => type.ReadPolicy,
        ReportOperation.Author => type.AuthorPolicy,
        ReportOperation.Review => type.ReviewPolicy,
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}

/// <summary>Marks a host field that acts on reports of whatever type its input names (the shared workflow mutations).</summary>
public static class ReportOperationMetadata
{
    public const string Key = "sengraph:report-operation";

    /// <summary>
    /// Refuses the field, at validation, to callers who may do <paramref name="operation"/> with no report type at
    /// all (a read-only role asking to submit); which report it is then decides the rest, in the resolver.
    /// </summary>
    public static T RequiresReportPolicy<T>(this T field, ReportOperation operation) where T : IMetadataWriter =>
        field.WithMetadata(Key, operation);

    public static ReportOperation? RequiredReportOperation(this IMetadataReader field) =>
        field.GetMetadata<ReportOperation?>(Key, default(ReportOperation?));
}
