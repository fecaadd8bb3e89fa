using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Security;
using SenGraph.Host.GraphQL;

namespace SenGraph.Host.Kernel.Sharing;

/// <summary><c>reportSharing</c>: a report's never-shared codes and their history, for whoever may read the report.</summary>
public sealed class SharingQueries : ObjectGraphType
{
    public SharingQueries(ReportSharingService sharing)
    {
        Field<ReportSharingGraphType>("reportSharing")
            .Description("A report's never-shared codes (the 2009 information-sharing memo) and every coding of it; null when there is no such "
                + "report you may read.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The report.")
            .Authorize()
            .ResolveAsync(async c => IdArgument.ToGuidOrNull(c.GetArgument<string>("id")) is { } id
                ? await sharing.ReadAsync(c.Schema, c.User!, id, c.CancellationToken)
                : null);
    }
}

/// <summary><c>setReportSharingCodes</c>.</summary>
public sealed class SharingMutations : ObjectGraphType
{
    public SharingMutations(ReportSharingService sharing)
    {
        Field<NonNullGraphType<SetReportSharingCodesPayloadGraphType>>("setReportSharingCodes")
            .Description("A supervisor who reviews reports of the type (of the report's office, or named on it) sets the never-shared codes the "
                + "report carries, replacing the ones before, with a reason; kept as a new coding revision and audited. A report carrying any "
                + "code is never shared outside ICE.")
            .Argument<NonNullGraphType<SetReportSharingCodesInputGraphType>>("input")
            .Authorize()
            .RequiresReportPolicy(ReportOperation.Review)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var id = IdArgument.ToGuid(input, "id");
                var codes = (input.GetValueOrDefault("codes") as IEnumerable<object?>)?.OfType<NeverSharedCategory>().ToList();
                return await sharing.SetAsync(c.Schema, c.User!, id, Convert.ToInt32(input.GetValueOrDefault("expectedVersion"), System.Globalization.CultureInfo.InvariantCulture),
                    codes, input.GetValueOrDefault("reason") as string, c.CancellationToken);
            });
    }
}

public sealed class NeverSharedCategoryGraphType : EnumerationGraphType<NeverSharedCategory>
{
    public NeverSharedCategoryGraphType()
    {
        Name = "NeverSharedCategory";
        Description = "The eight categories of information never shared outside ICE (the 2009 information-sharing memo).";
    }
}

public sealed class SetReportSharingCodesInputGraphType : InputObjectGraphType
{
    public SetReportSharingCodesInputGraphType()
    {
        Name = "SetReportSharingCodesInput";
        Description = "The report, the version you saw, the codes it carries from now on, and why.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The report.");
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Description("The report's version as you saw it; a stale version is a CONFLICT.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeverSharedCategoryGraphType>>>>("codes")
            .Description("Every never-shared category the report falls in (empty: none); replaces the codes before.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description($"Why the report is coded this way, at most {ReportSharingCoding.MaxReasonLength:N0} characters.");
    }
}

public sealed class SetReportSharingCodesErrorGraphType() : UserErrorGraphType("SetReportSharingCodesError");

public sealed class SetReportSharingCodesPayloadGraphType : ObjectGraphType<ReportSharingService.Outcome>
{
    public SetReportSharingCodesPayloadGraphType()
    {
        Name = "SetReportSharingCodesPayload";
        Description = "The report's sharing after the coding, or why nothing changed.";
        Field<ReportSharingGraphType>("sharing").Description("The report's sharing after the coding; null when there are errors.").Resolve(c => c.Source.Sharing);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SetReportSharingCodesErrorGraphType>>>>("errors")
            .Description("Empty on success: NOT_FOUND, NOT_AUTHORIZED, CONFLICT, REQUIRED, TOO_LONG.").Resolve(c => c.Source.Errors);
    }
}

public sealed class ReportSharingGraphType : ObjectGraphType<ReportSharing>
{
    public ReportSharingGraphType()
    {
        Name = "ReportSharing";
        Description = "A report's access-control coding for sharing outside ICE.";
        Field<NonNullGraphType<IdGraphType>>("reportId").Description("The report.").Resolve(c => c.Source.ReportId);
        Field<NonNullGraphType<IntGraphType>>("reportVersion").Description("The report's version now (a coding increments it).").Resolve(c => c.Source.ReportVersion);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeverSharedCategoryGraphType>>>>("codes")
            .Description("The never-shared categories the report carries now.").Resolve(c => c.Source.Codes);
        Field<NonNullGraphType<BooleanGraphType>>("shareable")
            .Description("Whether neither a code nor its age (created before 2000-01-01) keeps the report inside ICE; a partner also needs an MOU "
                + "covering its type, and its type's module to allow external sharing.").Resolve(c => c.Source.Shareable);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReportSharingCodingGraphType>>>>("history")
            .Description("Every coding of the report, oldest first.").Resolve(c => c.Source.History);
    }
}

public sealed class ReportSharingCodingGraphType : ObjectGraphType<ReportSharingCoding>
{
    public ReportSharingCodingGraphType()
    {
        Name = "ReportSharingCoding";
        Description = "One coding of a report: the codes it set, by whom, when and why.";
        Field<NonNullGraphType<IntGraphType>>("revision").Description("1 for the first coding, +1 for each after.").Resolve(c => c.Source.Revision);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeverSharedCategoryGraphType>>>>("codes").Description("The codes it set.")
            .Resolve(c => c.Source.CodeList);
        Field<NonNullGraphType<StringGraphType>>("codedBy").Description("User name of the supervisor who set them.").Resolve(c => c.Source.CodedBy);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("codedAt").Description("When.").Resolve(c => c.Source.CodedAt);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why.").Resolve(c => c.Source.Reason);
    }
}

public static class SharingServiceCollectionExtensions
{
    /// <summary>Sharing codes on reports (who a report may be shared with, and never with): the service and its root fields.</summary>
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddSingleton<ReportSharingService>();
        services.AddRootFields<SharingQueries>(RootOperation.Query);
        services.AddRootFields<SharingMutations>(RootOperation.Mutation);
        return services;
    }
}
