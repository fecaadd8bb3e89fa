using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using L = SenGraph.Contracts.Reports.ReportLimits;

namespace SenGraph.Contracts.Reports;

/// <summary>The one EF Core mapping of the report envelope, used by the host and by every report module.</summary>
public static class ReportEnvelopeModel
{
    /// <summary>
    /// Maps <see cref="Report"/> and its children to the tables <c>Reports</c>, <c>ReportPeople</c>,
    /// <c>ReportContacts</c>, <c>ReportNarratives</c> and <c>ReportRevisions</c>: keys, lengths, indexes
    /// (Type+Number unique, Status, OriginatingOffice, Author, SubmittedAt), enums as strings, <c>Version</c>
    /// as concurrency token, children deleted with their report.
    /// </summary>
    /// <param name="modelBuilder">The context's model builder.</param>
    /// <param name="excludeFromMigrations">
    /// <c>false</c> for the host's database context (SenDbContext), which owns the tables and their migrations; <c>true</c> for
    /// a report module's context, which reads and writes the same tables (and its own details table, in one
    /// <c>SaveChanges</c>) but never creates or alters them.
    /// </param>
    /// <remarks>
    /// Works with SQLite and SQL Server. A SQLite context should store <see cref="DateTimeOffset"/> as
    /// sortable integers (<c>ConfigureConventions</c> with <c>DateTimeOffsetToBinaryConverter</c>, like
    /// the SIR module's <c>SqliteSirDbContext</c>) so dates can be compared and ordered in SQL.
    /// </remarks>
    public static ModelBuilder ApplyReportEnvelope(this ModelBuilder modelBuilder, bool excludeFromMigrations)
    {
        var report = modelBuilder.Entity<Report>();
        Table(report, "Reports", excludeFromMigrations);
        report.HasKey(r => r.Id);
        report.Property(r => r.Type).HasMaxLength(L.TypeMaxLength);
        report.Property(r => r.Number).HasMaxLength(L.NumberMaxLength);
        report.Property(r => r.Status).HasConversion<string>().HasMaxLength(L.StatusMaxLength);
        report.Property(r => r.Title).HasMaxLength(L.TitleMaxLength);
        report.Property(r => r.EventCity).HasMaxLength(L.CityMaxLength);
        report.Property(r => r.EventState).HasMaxLength(L.StateCodeLength);
        report.Property(r => r.OriginatingOffice).HasMaxLength(L.OfficeCodeMaxLength);
        report.Property(r => r.Author).HasMaxLength(L.UserNameMaxLength);
        report.Property(r => r.Supervisor).HasMaxLength(L.UserNameMaxLength);
        report.Property(r => r.ActionOfficer).HasMaxLength(L.UserNameMaxLength);
        report.Property(r => r.ReturnReason).HasMaxLength(L.ReasonMaxLength);
        report.Property(r => r.CaseReference).HasMaxLength(L.CaseReferenceMaxLength);
        report.Property(r => r.Version).IsConcurrencyToken();
        report.Ignore(r => r.IsRevisionSnapshot);
        report.Property(r => r.RetentionKey).HasMaxLength(L.RetentionKeyMaxLength);
        // Records work finds what is due for transfer or destruction, and what a changed schedule must recompute.
        report.HasIndex(r => r.RetentionDestroyOn);
        report.HasIndex(r => new { r.RetentionTransferOn, r.TransferredAt });
        report.HasIndex(r => new { r.Type, r.RetentionKey });
        // Nullable Number: SQL Server gets a filtered unique index (Number IS NOT NULL), SQLite allows many NULLs.
        report.HasIndex(r => new { r.Type, r.Number }).IsUnique();
        report.HasIndex(r => r.Status);
        report.HasIndex(r => r.OriginatingOffice);
        report.HasIndex(r => r.Author);
        report.HasIndex(r => r.SubmittedAt);
        // The default orderings' keyset pages (reports and a type's list: newest change first; irocFeed: newest submission first).
        report.HasIndex(r => new { r.UpdatedAt, r.Id });
        report.HasIndex(r => new { r.Status, r.SubmittedAt, r.Id });
        // A type's submitted reports by submission date (an analyst's xs(where: { status, submittedAt }, order: submittedAt),
        // and its totalCount): one range of this index, where (Status, SubmittedAt, Id) walks every type's.
        report.HasIndex(r => new { r.Type, r.Status, r.SubmittedAt, r.Id });

        report.HasMany(r => r.People).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        report.HasMany(r => r.Contacts).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        report.HasMany(r => r.Narratives).WithOne().HasForeignKey(n => n.ReportId).OnDelete(DeleteBehavior.Cascade);
        report.HasMany(r => r.Revisions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);

        var person = modelBuilder.Entity<ReportPerson>();
        Table(person, "ReportPeople", excludeFromMigrations);
        person.HasKey(p => p.Id);
        person.Property(p => p.Role).HasMaxLength(L.StatusMaxLength);
        person.Property(p => p.FirstName).HasMaxLength(L.NameMaxLength);
        person.Property(p => p.MiddleName).HasMaxLength(L.NameMaxLength);
        person.Property(p => p.LastName).HasMaxLength(L.NameMaxLength);
        person.Property(p => p.Sex).HasConversion<string>().HasMaxLength(L.StatusMaxLength);
        person.Property(p => p.CountryOfBirth).HasMaxLength(L.CountryCodeLength);
        person.Property(p => p.CountryOfCitizenship).HasMaxLength(L.CountryCodeLength);
        person.Property(p => p.AddressStreet).HasMaxLength(L.StreetMaxLength);
        person.Property(p => p.AddressCity).HasMaxLength(L.CityMaxLength);
        person.Property(p => p.AddressState).HasMaxLength(L.AddressStateMaxLength);
        person.Property(p => p.AddressPostalCode).HasMaxLength(L.PostalCodeMaxLength);
        person.Property(p => p.AddressCountry).HasMaxLength(L.CountryCodeLength);
        person.Property(p => p.ANumber).HasMaxLength(L.ANumberLength);
        person.Property(p => p.Fin).HasMaxLength(L.FinMaxLength);
        person.Property(p => p.FbiNumber).HasMaxLength(L.FbiNumberMaxLength);
        person.Property(p => p.ImmigrationStatus).HasMaxLength(L.ImmigrationStatusMaxLength);
        person.Ignore(p => p.HasAddress);
        person.HasIndex(p => new { p.ReportId, p.Position });
        // Analysts look people up by identifier across reports.
        person.HasIndex(p => p.ANumber);
        person.HasIndex(p => p.LastName);
        // A privacy officer finds every report naming a person (PIA 7.1) by name, date of birth, A-number or FIN.
        person.Property(p => p.LastNameKey).HasMaxLength(L.NameMaxLength);
        person.HasIndex(p => p.LastNameKey);
        person.HasIndex(p => p.DateOfBirth);
        person.HasIndex(p => p.Fin);

        var contact = modelBuilder.Entity<ReportContact>();
        Table(contact, "ReportContacts", excludeFromMigrations);
        contact.HasKey(c => c.Id);
        contact.Property(c => c.Kind).HasMaxLength(L.StatusMaxLength);
        contact.Property(c => c.Name).HasMaxLength(L.ContactNameMaxLength);
        contact.Property(c => c.Agency).HasMaxLength(L.AgencyMaxLength);
        contact.Property(c => c.Phone).HasMaxLength(L.PhoneMaxLength);
        contact.Property(c => c.Email).HasMaxLength(L.EmailMaxLength);
        contact.HasIndex(c => new { c.ReportId, c.Position });

        var narrative = modelBuilder.Entity<ReportNarrative>();
        Table(narrative, "ReportNarratives", excludeFromMigrations);
        narrative.HasKey(n => n.Id);
        narrative.Property(n => n.Heading).HasMaxLength(L.HeadingMaxLength);
        narrative.Property(n => n.Text).HasMaxLength(L.NarrativeMaxLength);
        narrative.HasIndex(n => new { n.ReportId, n.Position });

        var revision = modelBuilder.Entity<ReportRevision>();
        Table(revision, "ReportRevisions", excludeFromMigrations);
        revision.HasKey(v => v.Id);
        revision.Property(v => v.CreatedBy).HasMaxLength(L.UserNameMaxLength);
        revision.Property(v => v.Reason).HasMaxLength(L.ReasonMaxLength);
        revision.HasIndex(v => new { v.ReportId, v.Revision }).IsUnique();

        return modelBuilder;
    }

    private static void Table<T>(EntityTypeBuilder<T> entity, string name, bool excludeFromMigrations) where T : class
    {
        if (excludeFromMigrations) entity.ToTable(name, t => t.ExcludeFromMigrations());
        else entity.ToTable(name);
    }
}
