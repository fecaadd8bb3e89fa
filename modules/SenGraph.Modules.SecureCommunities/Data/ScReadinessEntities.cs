namespace SenGraph.Modules.SecureCommunities.Data;

/// <summary>A deployment site: a jurisdiction (a county, a city) of a state where Interoperability is to be activated.</summary>
public sealed class ScSite
{
    /// <summary>The jurisdiction's code, as the transmissions file's <c>site</c> column names it.</summary>
    public string Code { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    public string State { get; set; } = "";

    /// <summary>When the site was activated; null until every Go and every required task is in.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    public string? ActivatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }

    public List<ScSiteOri> Oris { get; set; } = [];
    public List<ScSiteTask> Tasks { get; set; } = [];
    public List<ScGoDecision> GoDecisions { get; set; } = [];
}

/// <summary>A booking location of a site and its ORI, with how far the ORI evaluation has come.</summary>
public sealed class ScSiteOri
{
    public string Ori { get; set; } = "";
    public string SiteCode { get; set; } = "";
    public string BookingLocation { get; set; } = "";

    /// <summary>One of <see cref="ScReadiness.OriSteps"/>.</summary>
    public string EvaluationStep { get; set; } = ScReadiness.OriSteps[0];

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A prerequisite task of a site (the SIB's or the DRO's checklist) and its status.</summary>
public sealed class ScSiteTask
{
    public string SiteCode { get; set; } = "";

    /// <summary><c>SIB_1</c> ... <c>SIB_4</c>, <c>DRO_1</c> ... <c>DRO_6</c>.</summary>
    public string TaskCode { get; set; } = "";

    /// <summary><c>NOT_STARTED</c>, <c>IN_PROGRESS</c> or <c>DONE</c>.</summary>
    public string Status { get; set; } = ScReadiness.NotStarted;

    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>A party's Go decision for a site, with the two points of contact who may give it.</summary>
public sealed class ScGoDecision
{
    public string SiteCode { get; set; } = "";

    /// <summary>One of <see cref="ScReadiness.Parties"/>.</summary>
    public string Party { get; set; } = "";

    /// <summary><c>PENDING</c>, <c>GO</c> or <c>NO_GO</c>.</summary>
    public string Decision { get; set; } = ScReadiness.Pending;

    public string? PrimaryContact { get; set; }
    public string? SecondaryContact { get; set; }

    /// <summary>When the party was asked (the email the week before deployment).</summary>
    public DateTimeOffset? AskedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>The briefings' readiness checklist: ORI evaluation steps, the SIB's and the DRO's prerequisite tasks, the six Go parties.</summary>
public static class ScReadiness
{
    public const string NotStarted = "NOT_STARTED", InProgress = "IN_PROGRESS", Done = "DONE";
    public const string Pending = "PENDING", Go = "GO", NoGo = "NO_GO";

    /// <summary>ORI evaluation: CJIS lists possible ORIs, the POCs review, CJIS consolidates, the final list is shared.</summary>
    public static readonly IReadOnlyList<string> OriSteps = ["CJIS_LIST", "POC_REVIEW", "CONSOLIDATED_LIST", "FINAL_LIST"];

    /// <summary>A prerequisite task: its code, whose checklist, its text and whether deployment waits for it.</summary>
    public sealed record TaskDefinition(string Code, string Owner, int Number, string Description, bool Required);

    public static readonly IReadOnlyList<TaskDefinition> Tasks =
    [
        new("SIB_1", "SIB", 1, "State survey is completed and submitted to the SC PMO.", true),
        new("SIB_2", "SIB", 2, "A state executive reads and signs the MOA and submits it to the SC PMO.", true),
        new("SIB_3", "SIB", 3, "State and CJIS confirm technical capabilities; the state ensures the LEA can receive an additional response (not necessary for deployment).", false),
        new("SIB_4", "SIB", 4, "CJIS forwards the ORIs applicable to SC; the state and/or LEA evaluate the ORIs with CJIS and SC before deployment.", true),
        new("DRO_1", "DRO", 1, "ORIs are collected from DRO FODs and submitted to the LESC.", true),
        new("DRO_2", "DRO", 2, "LESC and DRO configure and test ORIs to ensure routing works.", true),
        new("DRO_3", "DRO", 3, "DRO confirms sufficient transportation resources for the new location.", true),
        new("DRO_4", "DRO", 4, "DRO confirms sufficient bed space for the new location.", true),
        new("DRO_5", "DRO", 5, "DRO confirms 24/7 coverage for the new location.", true),
        new("DRO_6", "DRO", 6, "DRO confirms POCs for the Interoperability locations.", true),
    ];

    /// <summary>The six parties whose Go activates a site.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Parties =
    [
        ("FBI_CJIS", "FBI / CJIS"),
        ("US_VISIT", "US-VISIT"),
        ("ICE_LESC", "ICE Law Enforcement Support Center"),
        ("ICE_FIELD_OFFICE", "ICE field office (OI, DRO field liaison covering the locations)"),
        ("SIB", "State Identification Bureau"),
        ("LOCAL_LEA", "Local law enforcement agency"),
    ];
}
