namespace SenGraph.Contracts.Reports.Workflow;

/// <summary>
/// What a partner agency receives in place of a report of a type that leaves ICE only as a product its module derives
/// (<see cref="IReportType.ExternallySharedAsProduct"/>; ERO LEAD, PIA 2.4 and 5.1): nothing of the report's own fields, only the
/// product, which the module built without PII and an authorised person addressed to the partner's office.
/// </summary>
/// <param name="Id">The product's id (never the report's).</param>
/// <param name="ReportId">The report it was derived from: for the host's share log, never sent to the partner.</param>
/// <param name="Title">A title made without PII.</param>
/// <param name="Text">The product's text (redacted by an analyst, or a notice that it was withheld).</param>
/// <param name="City">The city the product names, if any.</param>
/// <param name="State">The USPS state code the product names, if any.</param>
/// <param name="AuthorisedAt">When its dissemination was authorised.</param>
public sealed record ExternalProduct(Guid Id, Guid ReportId, string Title, string Text, string? City, string? State, DateTimeOffset AuthorisedAt);

/// <summary>
/// A module's dissemination products for the external sharing feed: registered with
/// <see cref="ReportTypeServiceCollectionExtensions.AddExternalProductSource{TSource}"/> by a module whose type declares
/// <c>SharedExternallyAsProduct()</c>. The host gives a partner a report of that type only when this source has a product of it
/// addressed to the partner's office, and then only the product.
/// </summary>
public interface IExternalProductSource
{
    /// <summary>The report type code whose products this source gives.</summary>
    string ReportType { get; }

    /// <summary>The reports that have at least one product addressed to the office <paramref name="office"/>.</summary>
    Task<IReadOnlyList<Guid>> ReportsWithProductsForAsync(string office, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="reportIds"/>, the newest product of each addressed to <paramref name="office"/> (none for a report without one).</summary>
    Task<IReadOnlyDictionary<Guid, ExternalProduct>> ProductsForAsync(string office, IReadOnlyCollection<Guid> reportIds, CancellationToken cancellationToken);
}
