using System.Globalization;
using System.Security.Claims;
using System.Text;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Reports;

namespace SenGraph.Host.Kernel.Sharing;

/// <summary>
/// One report as a partner receives it: only the fields the MOU covers (others null), with its sensitivity label; or, for a type
/// shared only as a product (<see cref="IReportType.ExternallySharedAsProduct"/>), only its <see cref="Product"/> (under the
/// product's id, every report field null).
/// </summary>
public sealed record ExternalReport(Guid Id, string SensitivityLabel, string Agency, IReadOnlySet<ExternalReportField> Fields, Report Report,
    ExternalProduct? Product = null)
{
    public T? Covered<T>(ExternalReportField field, Func<Report, T?> value) =>
        Product is null && Fields.Contains(field) ? value(Report) : default;

    /// <summary>The report's type code, which the product shows too (the MOU names it).</summary>
    public string? TypeCode => Fields.Contains(ExternalReportField.Type) ? Report.Type : null;
}

public sealed record ExternalReportPage(IReadOnlyList<ExternalReport> Nodes, bool HasNextPage, string? EndCursor);

/// <summary>
/// The external sharing feed (issue 17 item 4, the 2009 memo): MOUs as data, each partner-agency user bound to one, and
/// <c>externalReports</c>, which gives a partner only submitted reports created on or after 2000-01-01 that carry no never-shared
/// code, of a type whose module allows external sharing and which the caller's MOU (in force now) covers; only the MOU's fields,
/// none PII-marked. Every report given is logged in <c>ExternalShares</c> in the same transaction as it is read.
/// </summary>
public sealed class ExternalSharingService(IDbContextFactory<SenDbContext> databases, ReportTypes reportTypes, TimeProvider clock)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;

    public sealed record AgreementOutcome(SharingAgreement? Agreement, IReadOnlyList<UserError> Errors);

    public sealed record PartnerOutcome(SharingPartner? Partner, IReadOnlyList<UserError> Errors);

    public static string SensitivityLabel(string agency) =>
        $"LAW ENFORCEMENT SENSITIVE // FOR OFFICIAL USE ONLY: shared by ICE with {agency} under MOU; no further dissemination without ICE's consent.";

    public async Task<AgreementOutcome> RecordAgreementAsync(ISchema schema, ClaimsPrincipal user, string? agency, IReadOnlyList<string>? types,
        IReadOnlyList<ExternalReportField>? fields, DateTimeOffset? validFrom, DateTimeOffset? validTo, CancellationToken cancellationToken)
    {
        var name = agency?.Trim() ?? "";
        List<UserError> errors = [];
        if (name.Length == 0) errors.Add(UserError.ForField("REQUIRED", "Name the partner agency.", "agency"));
        else if (name.Length > SharingAgreement.MaxAgencyLength)
            errors.Add(UserError.ForField("TOO_LONG", $"The agency may have at most {SharingAgreement.MaxAgencyLength} characters.", "agency"));
        var known = reportTypes.Of(schema);
        var codes = (types ?? []).Select(t => t.Trim().ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) errors.Add(UserError.ForField("REQUIRED", "Name at least one report type the MOU covers.", "reportTypes"));
        foreach (var code in codes)
        {
            if (!known.TryGetValue(code, out var type))
                errors.Add(UserError.ForField("UNKNOWN_REPORT_TYPE", $"There is no report type '{code}'.", "reportTypes"));
            else if (!type.ExternallyShared)
                errors.Add(UserError.ForField("NOT_SHAREABLE", $"{code} reports are never shared outside ICE (their module does not allow it).", "reportTypes"));
        }
        var covered = (fields ?? []).Distinct().Order().ToList();
        if (covered.Count == 0) errors.Add(UserError.ForField("REQUIRED", "Name at least one field the MOU covers.", "fields"));
        if (validFrom is null) errors.Add(UserError.ForField("REQUIRED", "Say from when the MOU is in force.", "validFrom"));
        if (validFrom is { } from && validTo is { } to && to <= from)
            errors.Add(UserError.ForField("INVALID_PERIOD", "The MOU must end after it starts.", "validTo"));
        if (errors.Count > 0) return new(null, errors);

        var agreement = new SharingAgreement
        {
            Id = RowKeys.New(), Agency = name, ReportTypes = string.Join(',', codes), Fields = string.Join(',', covered),
            ValidFrom = validFrom!.Value, ValidTo = validTo, RecordedBy = ReportViewer.From(user).UserName ?? "", RecordedAt = clock.GetUtcNow(),
        };
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return new(agreement, []);
    }

    /// <summary>Binds a Partner Agency Consumer to one MOU, replacing any binding before.</summary>
    public async Task<PartnerOutcome> BindPartnerAsync(ClaimsPrincipal user, string? userName, Guid agreementId, CancellationToken cancellationToken)
    {
        var name = userName?.Trim() ?? "";
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var directoryUser = name.Length == 0 ? null : await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.UserName == name, cancellationToken);
        if (directoryUser is null) return new(null, [UserError.ForField(WorkflowErrorCodes.NotFound, "There is no user with this name.", "userName")]);
        if (!directoryUser.Roles.Any(r => r.Role == DirectoryRoles.PartnerAgencyConsumer))
            return new(null, [UserError.ForField("NOT_A_PARTNER", $"Only a {DirectoryRoles.PartnerAgencyConsumer} is bound to an MOU.", "userName")]);
        if (!await db.Set<SharingAgreement>().AnyAsync(a => a.Id == agreementId, cancellationToken))
            return new(null, [UserError.ForField(WorkflowErrorCodes.NotFound, "There is no MOU with this id.", "agreementId")]);
        var partner = await db.Set<SharingPartner>().SingleOrDefaultAsync(p => p.UserName == name, cancellationToken);
        if (partner is null) db.Add(partner = new SharingPartner { UserName = name, BoundBy = "", });
        partner.AgreementId = agreementId;
        partner.BoundBy = ReportViewer.From(user).UserName ?? "";
        partner.BoundAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new(partner, []);
    }

    /// <summary>The partner's page of shareable reports, each share logged; empty when the caller is bound to no MOU in force.</summary>
    public async Task<ExternalReportPage> FeedAsync(ISchema schema, ClaimsPrincipal user, int? first, string? after, CancellationToken cancellationToken)
    {
        var take = PageSize(first, DefaultPageSize, MaxPageSize);
        var position = Position(after);
        var viewer = ReportViewer.From(user);
        if (viewer.UserName is not { } userName || !viewer.Roles.Contains(DirectoryRoles.PartnerAgencyConsumer)) return new([], false, null);

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var binding = await db.Set<SharingPartner>().AsNoTracking().SingleOrDefaultAsync(p => p.UserName == userName, cancellationToken);
        var agreement = binding is null ? null
            : await db.Set<SharingAgreement>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == binding.AgreementId, cancellationToken);
        if (agreement is null || !agreement.InForceAt(now)) return new([], false, null);

        var known = reportTypes.Of(schema);
        var types = agreement.TypeList.Where(t => known.TryGetValue(t, out var type) && type.ExternallyShared).ToList();
        if (types.Count == 0) return new([], false, null);

        // Types shared only as products (ERO LEAD): a report goes only when its module has a product of it addressed to the partner's
        // office, and then only the product; without a source, or an office, none of them goes.
        var productTypes = types.Where(t => known[t].ExternallySharedAsProduct).ToList();
        var sources = productTypes.Count == 0 ? new Dictionary<string, IExternalProductSource>() : reportTypes.ProductSourcesOf(schema);
        List<Guid> disseminated = [];
        foreach (var type in productTypes)
        {
            if (viewer.Office is { } office && sources.TryGetValue(type, out var source))
                disseminated.AddRange(await source.ReportsWithProductsForAsync(office, cancellationToken));
        }

        var from = SharingModel.SharedFrom;
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Submitted && types.Contains(r.Type) && r.CreatedAt >= from)
            .Where(r => !db.Set<ReportSharingCode>().Any(c => c.ReportId == r.Id))
            .Where(r => !productTypes.Contains(r.Type) || disseminated.Contains(r.Id))
            .Where(r => position == null || r.SubmittedAt > position.SubmittedAt || (r.SubmittedAt == position.SubmittedAt && r.Id > position.Id))
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Take(take + 1)
            .ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        Dictionary<Guid, ExternalProduct> products = [];
        foreach (var group in page.Where(r => productTypes.Contains(r.Type)).GroupBy(r => r.Type))
        {
            foreach (var (id, product) in await sources[group.Key].ProductsForAsync(viewer.Office!, group.Select(r => r.Id).ToList(), cancellationToken))
                products[id] = product;
        }
        // A product removed since (its lead destroyed) leaves its report out of this page rather than sending the report.
        var given = page.Where(r => !productTypes.Contains(r.Type) || products.ContainsKey(r.Id)).ToList();
        var fields = agreement.FieldList.ToHashSet();
        var label = SensitivityLabel(agreement.Agency);
        db.Set<ExternalShare>().AddRange(given.Select(r => new ExternalShare
        {
            ReportId = r.Id, ReportNumber = r.Number, ReportType = r.Type, SharedWith = userName, Agency = agreement.Agency,
            AgreementId = agreement.Id, Fields = products.TryGetValue(r.Id, out var product) ? $"Product:{product.Id}" : agreement.Fields, SharedAt = now,
        }));
        if (given.Count > 0) await db.SaveChangesAsync(cancellationToken);
        return new([.. given.Select(r => products.TryGetValue(r.Id, out var product)
                ? new ExternalReport(product.Id, label, agreement.Agency, fields, r, product)
                : new ExternalReport(r.Id, label, agreement.Agency, fields, r))],
            rows.Count > take, page.Count == 0 ? after : Cursor(page[^1]));
    }

    /// <summary>The share log, newest first.</summary>
    public async Task<IReadOnlyList<ExternalShare>> LogAsync(Guid? reportId, int? first, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var shares = db.Set<ExternalShare>().AsNoTracking();
        if (reportId is { } id) shares = shares.Where(s => s.ReportId == id);
        return await shares.OrderByDescending(s => s.Id).Take(PageSize(first, 100, 1000)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SharingAgreement>> AgreementsAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<SharingAgreement>().AsNoTracking().OrderBy(a => a.Agency).ToListAsync(cancellationToken);
    }

    /// <summary>Where a page ends: the last report's submission time and id (the feed's order), so a page is the same whatever is shared or withdrawn before it.</summary>
    private sealed record FeedPosition(DateTimeOffset SubmittedAt, Guid Id);

    private static int PageSize(int? first, int byDefault, int max) => first switch
    {
        null => byDefault,
        < 0 => throw new QueryingException(QueryingErrorCodes.PagingInvalidArgument, "first must not be negative."),
        _ when first > max => throw new QueryingException(QueryingErrorCodes.PagingMaxExceeded, $"first may be at most {max}."),
        _ => first.Value,
    };

    private static string Cursor(Report last) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $"k:{last.SubmittedAt!.Value.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{last.Id:N}"));

    private static FeedPosition? Position(string? cursor)
    {
        if (cursor is null) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            if (parts is ["k", var ticks, var id]
                && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks) && utcTicks <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(id, "N", out var guid))
                return new FeedPosition(new DateTimeOffset(utcTicks, TimeSpan.Zero), guid);
        }
        catch (FormatException)
        {
        }
        throw new QueryingException(QueryingErrorCodes.PagingInvalidCursor, "The after cursor is not one this feed gave.");
    }
}
