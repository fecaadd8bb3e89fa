namespace SenGraph.Modules.SecureCommunities.Data;

/// <summary>
/// One IDENT/IAFIS interoperability transmission (a booking's fingerprints checked against IDENT), as the import file
/// delivered it. No PII: an id, times, the agency's ORI, state and site, and the result.
/// </summary>
public sealed class ScTransmission
{
    public string TransmissionId { get; set; } = "";

    /// <summary>When the fingerprints were submitted, in UTC.</summary>
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The calendar month of <see cref="SubmittedAt"/> in Eastern time, as yyyymm: what the tables group by, in SQL.</summary>
    public int SubmittedMonth { get; set; }

    public string Ori { get; set; } = "";
    public string State { get; set; } = "";
    public string Site { get; set; } = "";

    /// <summary><c>MATCH</c>, <c>NO_MATCH</c> or <c>ERROR</c>.</summary>
    public string Result { get; set; } = "";

    /// <summary><c>LEVEL_1</c>, <c>LEVEL_2</c>, <c>LEVEL_3</c> or <c>USC</c> for a match; null otherwise.</summary>
    public string? IarLevel { get; set; }

    public DateTimeOffset? IdrReturnedAt { get; set; }
    public DateTimeOffset? IarReturnedAt { get; set; }

    /// <summary>Seconds from submission to the IDR's return (null when not returned): the response-time buckets in SQL.</summary>
    public long? IdrSeconds { get; set; }

    /// <summary>Seconds from submission to the IAR's return.</summary>
    public long? IarSeconds { get; set; }

    /// <summary>When an import last wrote the row (a re-import of the same values leaves it alone).</summary>
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>A case event of a match: a detainer, a booking, a removal, a case status.</summary>
public sealed class ScCaseEvent
{
    public string EventId { get; set; } = "";
    public string TransmissionId { get; set; } = "";

    /// <summary>One of <see cref="ScKinds"/>.</summary>
    public string Kind { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The Eastern calendar month of <see cref="OccurredAt"/>, yyyymm.</summary>
    public int OccurredMonth { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>The codes the import files use.</summary>
public static class ScKinds
{
    public const string Match = "MATCH", NoMatch = "NO_MATCH", Error = "ERROR";

    public static readonly IReadOnlyList<string> Results = [Match, NoMatch, Error];

    public const string Level1 = "LEVEL_1", Level2 = "LEVEL_2", Level3 = "LEVEL_3", Usc = "USC";

    public static readonly IReadOnlyList<string> IarLevels = [Level1, Level2, Level3, Usc];

    public const string DetainerIssued = "DETAINER_ISSUED", BookedIntoIceCustody = "BOOKED_INTO_ICE_CUSTODY", RemovedVoluntary = "REMOVED_VOLUNTARY",
        RemovedOther = "REMOVED_OTHER", InProceedings = "IN_PROCEEDINGS", Died = "DIED", ProceedingsTerminated = "PROCEEDINGS_TERMINATED",
        ReliefGranted = "RELIEF_GRANTED", ChargingDocumentCanceled = "CHARGING_DOCUMENT_CANCELED", PermanentResidenceGranted = "PERMANENT_RESIDENCE_GRANTED",
        OtherCaseStatus = "OTHER_CASE_STATUS";

    public static readonly IReadOnlyList<string> EventKinds =
    [
        DetainerIssued, BookedIntoIceCustody, RemovedVoluntary, RemovedOther, InProceedings, Died, ProceedingsTerminated, ReliefGranted,
        ChargingDocumentCanceled, PermanentResidenceGranted, OtherCaseStatus,
    ];

    /// <summary>USPS codes of the states, DC and the territories.</summary>
    public static readonly IReadOnlySet<string> States = new HashSet<string>(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN",
        "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
        "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
    };
}

/// <summary>Calendar months in Eastern time, as the briefings count them.</summary>
public static class EasternTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>yyyymm of the Eastern calendar month <paramref name="at"/> falls in.</summary>
    public static int MonthOf(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return local.Year * 100 + local.Month;
    }

    /// <summary>The instant an Eastern calendar day starts.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
