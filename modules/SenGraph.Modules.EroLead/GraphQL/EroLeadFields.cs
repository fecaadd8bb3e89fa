using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Kit;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Security;
using SenGraph.Modules.EroLead.Data;

namespace SenGraph.Modules.EroLead.GraphQL;

/// <summary><c>eroLeadProducts</c>: IOU analysts read every product; a partner agency's liaison only those addressed to their office.</summary>
public sealed class EroLeadQueries : ObjectGraphType
{
    public EroLeadQueries(IDbContextFactory<ReportDbContext<EroLeadReport>> databases)
    {
        this.ConnectionField<EroLeadProductGraphType, EroLeadProduct>("eroLeadProducts")
            .Description("ERO LEAD dissemination products, newest first: every product for IOU analysts, those addressed to your office for a "
                + "partner agency's liaison. The only form of a lead readable outside ICE roles; they hold no PII.")
            .AuthorizeWithPolicy(EroLeadRoles.ProductsPolicy)
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                var products = db.Set<EroLeadProduct>().AsNoTracking();
                if (!EroLeadAccess.HasRole(c.User, EroLeadRoles.IouAnalyst))
                {
                    var office = ReportViewer.From(c.User).Office;
                    products = products.Where(p => p.Agency == office);
                }
                return await products.OrderByDescending(p => p.AuthorisedAt).ThenBy(p => p.Id).ToConnectionAsync(c);
            });
    }
}

/// <summary><c>disseminateEroLead</c> and <c>flagEroLeadForHsi</c>: the Intelligence Operations Unit's decisions on a submitted lead.</summary>
public sealed class EroLeadMutations : ObjectGraphType
{
    private const int ReasonMaxLength = 2_000;

    public EroLeadMutations(ReportDrafts<ReportDbContext<EroLeadReport>, EroLeadReport> drafts, IDbContextFactory<ReportDbContext<EroLeadReport>> databases,
        TimeProvider clock)
    {
        Field<NonNullGraphType<DisseminateEroLeadPayloadGraphType>>("disseminateEroLead")
            .Description("Authorises the dissemination of a submitted ERO LEAD to a partner agency (an office of kind PARTNER): derives its product "
                + "with every piece of PII removed, recording who authorised it, when and for whom. IOU analysts only.")
            .Argument<NonNullGraphType<DisseminateEroLeadInputGraphType>>("input")
            .AuthorizeWithPolicy(EroLeadRoles.AnalystPolicy)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<IDictionary<string, object?>>("input");
                var text = (Value(input, "text") as string)?.Trim() is { Length: > 0 } t ? t : null;
                var agency = DirectoryRules.NormalizeCode(Value(input, "agency") as string ?? "");
                var errors = new List<UserError>();
                if (text is { Length: > EroLeadProducts.TextMaxLength })
                    errors.Add(UserError.ForField("TOO_LONG", $"The text may have at most {EroLeadProducts.TextMaxLength:N0} characters.", "text"));
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                if (!await db.Set<Office>().AnyAsync(o => o.Code == agency && o.Kind == EroLeadRoles.PartnerAgency, c.CancellationToken))
                    errors.Add(UserError.ForField("UNKNOWN_RECIPIENT", $"'{agency}' is not a partner agency's office (an office of kind PARTNER).", "agency"));
                var viewer = ReportViewer.From(c.User);
                var (lead, leadError) = await SubmittedLeadAsync(drafts, viewer, input, c.CancellationToken);
                if (leadError is not null) errors.Add(leadError);
                if (errors.Count > 0) return new DisseminateEroLeadPayload(null, errors);

                var product = EroLeadProducts.Derive(lead!, agency, viewer.UserName!, clock.GetUtcNow(), text);
                db.Add(product);
                await db.SaveChangesAsync(c.CancellationToken);
                return new DisseminateEroLeadPayload(product, []);
            });

        Field<NonNullGraphType<FlagEroLeadForHsiPayloadGraphType>>("flagEroLeadForHsi")
            .Description("Flags a submitted ERO LEAD for HSI: records who, when and why, and routes the lead to every HSI Field Intelligence Group "
                + "(their queues show it unread). Once per lead. IOU analysts only.")
            .Argument<NonNullGraphType<FlagEroLeadForHsiInputGraphType>>("input")
            .AuthorizeWithPolicy(EroLeadRoles.AnalystPolicy)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<IDictionary<string, object?>>("input");
                var reason = (Value(input, "reason") as string)?.Trim() ?? "";
                var errors = new List<UserError>();
                if (reason.Length == 0) errors.Add(UserError.ForField("REQUIRED", "Say why HSI should see the lead.", "reason"));
                else if (reason.Length > ReasonMaxLength) errors.Add(UserError.ForField("TOO_LONG", $"The reason may have at most {ReasonMaxLength:N0} characters.", "reason"));
                var viewer = ReportViewer.From(c.User);
                var (lead, leadError) = await SubmittedLeadAsync(drafts, viewer, input, c.CancellationToken);
                if (leadError is not null) errors.Add(leadError);
                if (errors.Count > 0) return new FlagEroLeadForHsiPayload(null, errors);

                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                if (await db.Set<EroLeadHsiFlag>().AsNoTracking().SingleOrDefaultAsync(f => f.ReportId == lead!.Id, c.CancellationToken) is { } existing)
                    return new FlagEroLeadForHsiPayload(null, [UserError.ForField("ILLEGAL_TRANSITION",
                        $"The lead was already flagged for HSI by {existing.FlaggedBy} at {existing.FlaggedAt:u}.", "id")]);
                var now = clock.GetUtcNow();
                var flag = new EroLeadHsiFlag { ReportId = lead!.Id, FlaggedBy = viewer.UserName!, FlaggedAt = now, Reason = reason };
                db.Add(flag);
                var already = await db.Set<ReportRecipient>().Where(r => r.ReportId == lead.Id && r.Kind == RecipientKind.Office)
                    .Select(r => r.Code).ToListAsync(c.CancellationToken);
                var groups = await db.Set<Office>().Where(o => o.Kind == OfficeKind.Fig).Select(o => o.Code).ToListAsync(c.CancellationToken);
                foreach (var code in groups.Except(already))
                    db.Add(new ReportRecipient { Id = Guid.NewGuid(), ReportId = lead.Id, Kind = RecipientKind.Office, Code = code, Reason = RecipientReason.Routed, QueuedAt = now });
                try
                {
                    await db.SaveChangesAsync(c.CancellationToken);
                }
                catch (DbUpdateException)
                {
                    return new FlagEroLeadForHsiPayload(null, [UserError.ForField("CONFLICT", "The lead was flagged by someone else at the same time; reload it.", "id")]);
                }
                return new FlagEroLeadForHsiPayload(flag, []);
            });
    }

    private static object? Value(IDictionary<string, object?> input, string name) => input.TryGetValue(name, out var value) ? value : null;

    /// <summary>The submitted lead the viewer may see, or the error saying why not (not found, or not submitted yet).</summary>
    private static async Task<(EroLeadReport? Lead, UserError? Error)> SubmittedLeadAsync(
        ReportDrafts<ReportDbContext<EroLeadReport>, EroLeadReport> drafts, ReportViewer viewer, IDictionary<string, object?> input, CancellationToken cancellationToken)
    {
        var lead = IdArgument.ToGuidOrNull(Value(input, "id")) is { } id ? await drafts.FindAsync(viewer, id, cancellationToken) : null;
        if (lead is null) return (null, UserError.ForField("NOT_FOUND", "There is no ERO LEAD with this id.", "id"));
        return lead.Status == ReportStatus.Submitted
            ? (lead, null)
            : (null, UserError.ForField("ILLEGAL_TRANSITION", "Only a submitted ERO LEAD is analysed by the Intelligence Operations Unit.", "id"));
    }
}

/// <summary>Module roles as a request's user carries them.</summary>
internal static class EroLeadAccess
{
    public static bool HasRole(ClaimsPrincipal? user, string role) =>
        user?.Identities.Where(i => i.IsAuthenticated).Any(i => i.FindAll(i.RoleClaimType).Concat(i.FindAll(SenGraphClaims.Role))
            .Any(c => string.Equals(c.Value.Trim(), role, StringComparison.OrdinalIgnoreCase))) == true;
}
