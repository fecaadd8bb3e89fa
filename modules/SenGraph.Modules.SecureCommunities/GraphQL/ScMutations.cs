using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Schema;
using SenGraph.Modules.SecureCommunities.Import;

namespace SenGraph.Modules.SecureCommunities.GraphQL;

/// <summary>The module's root mutation fields: the upload of small import batches, deployment readiness.</summary>
public sealed class ScMutations : ObjectGraphType
{
    /// <summary>The largest file text the upload takes (larger files go through <c>sc import</c>).</summary>
    public const int MaxUploadCharacters = 2_000_000;

    public ScMutations(ScImporter importer, Data.ScDeployments deployments)
    {
        Name = "ScMutations";
        Description = "Root mutation fields of the Secure Communities module.";

        Field<NonNullGraphType<ImportSecureCommunitiesDataPayloadGraphType>>("importSecureCommunitiesData")
            .Description("Imports a small batch of the interface files (CSV text, header row required): idempotent per id, every row checked; "
                + "with any invalid row nothing is imported unless skipInvalid. Large files: the sc import command.")
            .Argument<NonNullGraphType<ImportSecureCommunitiesDataInputGraphType>>("input", "The files' text.")
            .AuthorizeWithPolicy(SecureCommunitiesModule.ImportPolicy)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var transmissions = input.GetValueOrDefault("transmissionsCsv") as string;
                var events = input.GetValueOrDefault("eventsCsv") as string;
                var skip = input.GetValueOrDefault("skipInvalid") as bool? ?? false;
                var problems = new List<UserError>();
                if (transmissions is null && events is null)
                    problems.Add(UserError.ForField("REQUIRED", "Give transmissionsCsv, eventsCsv or both.", "transmissionsCsv"));
                foreach (var (name, text) in new[] { ("transmissionsCsv", transmissions), ("eventsCsv", events) })
                {
                    if (text?.Length > MaxUploadCharacters)
                        problems.Add(UserError.ForField("TOO_LONG", $"{name} is at most {MaxUploadCharacters} characters; import larger files with the sc import command.", name));
                }

                if (problems.Count > 0) return new ImportPayload(null, problems);
                var result = await importer.ImportAsync(transmissions is null ? null : new StringReader(transmissions),
                    events is null ? null : new StringReader(events), skip, null, c.CancellationToken);
                var errors = result.Errors.Select(e => new UserError(e.Code, e.ToString(),
                    ["input", e.File == "transmissions" ? "transmissionsCsv" : "eventsCsv", e.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), .. e.Column is null ? Array.Empty<string>() : [e.Column]])).ToList();
                return new ImportPayload(result, errors);
            });

        ScReadinessFields.AddMutations(this, deployments);
    }
}

/// <summary>What the upload returns: the import's summary, and its row errors (skipped rows when skipInvalid, else the reasons nothing was imported).</summary>
public sealed record ImportPayload(ScImportResult? Result, IReadOnlyList<UserError> Errors);

public sealed class ImportSecureCommunitiesDataInputGraphType : InputObjectGraphType
{
    public ImportSecureCommunitiesDataInputGraphType()
    {
        Name = "ImportSecureCommunitiesDataInput";
        Description = "The interface files' text, UTF-8, comma-separated, RFC 4180 quoting, header row required.";
        Field<StringGraphType>("transmissionsCsv").Description("transmission_id,submitted_at,ori,state,site,result,iar_level,idr_returned_at,iar_returned_at");
        Field<StringGraphType>("eventsCsv").Description("event_id,transmission_id,kind,occurred_at; each transmission a match, in this batch or already imported.");
        Field<BooleanGraphType>("skipInvalid").Description("Import the valid rows and report the invalid ones as skipped (default false: any invalid row imports nothing).");
    }
}

public sealed class ImportSecureCommunitiesDataErrorGraphType() : UserErrorGraphType("ImportSecureCommunitiesDataError",
    "A row that is not valid; path is input, the file's field, the line number, then the column.");

public sealed class ScImportResultGraphType : ObjectGraphType<ScImportResult>
{
    public ScImportResultGraphType()
    {
        Name = "ScImportResult";
        Description = "What an import did.";
        Field(r => r.Applied).Description("Whether anything was committed (false when a row was invalid and skipInvalid was not set).");
        Field(r => r.TransmissionsRead).Description("Rows read from the transmissions file.");
        Field(r => r.TransmissionsWritten).Description("Transmissions new or changed (a row stored with the same values is left alone).");
        Field(r => r.EventsRead).Description("Rows read from the events file.");
        Field(r => r.EventsWritten).Description("Case events new or changed.");
        Field(r => r.Skipped).Description("Invalid rows skipped (skipInvalid).");
        Field(r => r.ErrorCount).Description("Invalid rows found.");
    }
}

public sealed class ImportSecureCommunitiesDataPayloadGraphType : ObjectGraphType<ImportPayload>
{
    public ImportSecureCommunitiesDataPayloadGraphType()
    {
        Name = "ImportSecureCommunitiesDataPayload";
        Description = "The result of importSecureCommunitiesData.";
        Field<ScImportResultGraphType>("result").Description("The import's counts; null when the input was refused before reading.").Resolve(c => c.Source.Result);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportSecureCommunitiesDataErrorGraphType>>>>("errors")
            .Description("The invalid rows (at most 1,000 listed); empty when every row was valid.").Resolve(c => c.Source.Errors);
    }
}
