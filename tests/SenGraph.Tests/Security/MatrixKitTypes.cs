namespace SenGraph.Tests.Security;

/// <summary>
/// A report type of a kit module under the role matrix: the SIR's envelope with every PII field (<see cref="PiiSir"/>, its
/// SIR fields left out) plus the type's own <paramref name="fields"/>; its own PII fields are checked per role.
/// </summary>
public sealed class KitTypeUnderTest(string code, string graphQLName, IReadOnlyDictionary<string, object?> fields, IReadOnlyList<MatrixPiiField> piiFields)
    : IMatrixReportType
{
    private string FieldName => char.ToLowerInvariant(graphQLName[0]) + graphQLName[1..];

    public string Code => code;
    public string ReadField => FieldName;
    public string CreateField => "create" + graphQLName;
    public string PayloadField => FieldName;
    public string CreateMutation => Mutation("create");
    public string UpdateMutation => Mutation("update");
    public string AmendMutation => Mutation("amend");

    private string Mutation(string verb) =>
        $"mutation($input: {char.ToUpperInvariant(verb[0])}{verb[1..]}{graphQLName}Input!) {{ {verb}{graphQLName}(input: $input) {{ {FieldName} {{ id version }} errors {{ code message }} }} }}";

    public Dictionary<string, object?> Input(string title)
    {
        var input = PiiSir.Input(title);
        foreach (var sirField in new[] { "category", "injuries", "hospital" }) input.Remove(sirField);
        foreach (var (key, value) in fields) input[key] = value;
        return input;
    }

    public IReadOnlyList<MatrixPiiField> PiiFields => piiFields;

    public const string LearaRequest = "Sgt. Pat Request asks ICE to interview Hector Sentinel-Requested at the county jail.";
    public const string LearaDisposition = "Interviewed Hector Sentinel-Disposed; detainer lodged.";
    public const string MothersMaidenName = "Sentinel-Maidenname";
    public const string PriorRecord = "Sentinel prior: armed robbery 2011.";

    public static KitTypeUnderTest Leara { get; } = new("LEARA", "Leara", new Dictionary<string, object?>
    {
        ["requestingAgency"] = "Suffolk County Sheriff", ["agencyLevel"] = "COUNTY", ["agencyState"] = "MA", ["receivedOn"] = "2026-11-02",
        ["program"] = "ERO", ["request"] = LearaRequest, ["outcome"] = "ASSISTANCE_PROVIDED", ["disposition"] = LearaDisposition,
    },
    [
        new("Leara.request", "... on Leara { request }", n => n["request"], $"\"{LearaRequest}\""),
        new("Leara.disposition", "... on Leara { disposition }", n => n["disposition"], $"\"{LearaDisposition}\""),
        .. MatrixPiiField.Envelope("Leara"),
    ]);

    public static KitTypeUnderTest EroTav { get; } = new("EROTAV", "EroTav", new Dictionary<string, object?>
    {
        ["requestingAgency"] = "Policia Federal", ["agencyType"] = "FOREIGN", ["visitDate"] = "2026-11-18",
    }, MatrixPiiField.Envelope("EroTav"));

    public static KitTypeUnderTest EroLead { get; } = new("EROLEAD", "EroLead", new Dictionary<string, object?>
    {
        ["subject"] = "GANGS", ["source"] = "INTERVIEW",
        ["personDetails"] = new object[] { new { personPosition = 0, mothersMaidenName = MothersMaidenName, fugitive = true, priorArrestsAndConvictions = PriorRecord } },
    },
    [
        new("EroLeadPersonDetails.mothersMaidenName", "... on EroLead { personDetails { mothersMaidenName } }", n => n["personDetails"]![0]!["mothersMaidenName"], $"\"{MothersMaidenName}\""),
        new("EroLeadPersonDetails.fugitive", "... on EroLead { personDetails { fugitive } }", n => n["personDetails"]![0]!["fugitive"], "true"),
        new("EroLeadPersonDetails.priorArrestsAndConvictions", "... on EroLead { personDetails { priorArrestsAndConvictions } }",
            n => n["personDetails"]![0]!["priorArrestsAndConvictions"], $"\"{PriorRecord}\""),
        .. MatrixPiiField.Envelope("EroLead"),
    ]);
}
