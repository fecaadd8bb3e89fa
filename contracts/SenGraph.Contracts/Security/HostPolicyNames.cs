namespace SenGraph.Contracts.Security;

/// <summary>
/// The names of the host's cross-cutting authorization policies, for a module's fields to require
/// (<c>.AuthorizeWithPolicy(HostPolicyNames.Statistics)</c>) and its own policies to refer to. The host declares them;
/// which roles pass each is the host's decision (PIA 8.1, 2.1-2.2), listed in the main README's role matrix.
/// </summary>
public static class HostPolicyNames
{
    /// <summary>May select (or send) fields marked PII: the roles with a need to know the people a report names.</summary>
    public const string PiiNeedToKnow = "sengraph.pii";

    /// <summary>May run PII-free statistical queries (<c>reportStatistics</c>, a module's own statistics).</summary>
    public const string Statistics = "sengraph.statistics";

    /// <summary>May use root fields that are not statistical (records, the directory, queues, mutations).</summary>
    public const string Records = "sengraph.records";

    /// <summary>May read the external sharing feed (<c>externalReports</c>): partner-agency consumers under an MOU.</summary>
    public const string ExternalSharing = "sengraph.external-sharing";

    /// <summary>May read the log of what was shared outside ICE, and manage MOUs (see the README's role matrix).</summary>
    public const string ShareLog = "sengraph.share-log";
}
