using GraphQL;
using GraphQL.Types;

namespace SenGraph.Contracts.Security;

/// <summary>
/// What kind of root field a field is, for the roles whose access depends on it. A Statistics Analyst
/// "may run statistical queries only" (PIA 8.1): the host refuses such a caller every root field that is
/// not marked <see cref="Statistical{T}"/> or <see cref="ForEveryRole{T}"/> (or <c>AllowAnonymous</c>).
/// The marks only widen who may reach a field in that respect; the field's own policies still apply.
/// </summary>
public static class AccessMetadata
{
    /// <summary>Metadata key: the field answers with PII-free aggregates only (counts, sums), never records.</summary>
    public const string StatisticalKey = "sengraph:statistical";

    /// <summary>Metadata key: the field is about the caller's own account (<c>me</c>), open to every role.</summary>
    public const string EveryRoleKey = "sengraph:every-role";

    /// <summary>
    /// Marks a root field as a statistical query: PII-free aggregates only. Statistics-only roles may use it
    /// (if they satisfy its policies). Mark nothing that returns or reveals an individual record.
    /// </summary>
    public static T Statistical<T>(this T field) where T : IMetadataWriter => field.WithMetadata(StatisticalKey, true);

    /// <summary>Marks a root field about the caller's own account (who am I, acknowledging terms), which every role may use.</summary>
    public static T ForEveryRole<T>(this T field) where T : IMetadataWriter => field.WithMetadata(EveryRoleKey, true);

    /// <summary>Whether the field is marked <see cref="Statistical{T}"/>.</summary>
    public static bool IsStatistical(this IMetadataReader field) => field.GetMetadata(StatisticalKey, false);

    /// <summary>Whether the field is marked <see cref="ForEveryRole{T}"/>.</summary>
    public static bool IsForEveryRole(this IMetadataReader field) => field.GetMetadata(EveryRoleKey, false);
}
