using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SenGraph.Contracts.Reports;

namespace SenGraph.Tests.Reports;

/// <summary>Plays the host's database context (SenDbContext): owns the envelope tables.</summary>
public sealed class EnvelopeOwnerContext(DbContextOptions<EnvelopeOwnerContext> options) : DbContext(options)
{
    private readonly bool _sqlite = ReportEnvelopeModelTests.IsSqlite(options);

    public DbSet<Report> Reports => Set<Report>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyReportEnvelope(excludeFromMigrations: false);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (_sqlite) configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>A module's details row, 1:1 with its report.</summary>
public sealed class ModuleDetails
{
    public Guid ReportId { get; set; }
    public string? Weapon { get; set; }
}

/// <summary>Plays a report module's context: maps the envelope without migrating it, plus its own details table.</summary>
public sealed class EnvelopeModuleContext(DbContextOptions<EnvelopeModuleContext> options) : DbContext(options)
{
    private readonly bool _sqlite = ReportEnvelopeModelTests.IsSqlite(options);

    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ModuleDetails> Details => Set<ModuleDetails>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyReportEnvelope(excludeFromMigrations: true);
        var details = modelBuilder.Entity<ModuleDetails>();
        details.ToTable("ModuleDetails");
        details.HasKey(d => d.ReportId);
        details.HasOne<Report>().WithOne().HasForeignKey<ModuleDetails>(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (_sqlite) configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class ReportEnvelopeModelTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly string[] EnvelopeTables = ["Reports", "ReportPeople", "ReportContacts", "ReportNarratives", "ReportRevisions"];
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public ReportEnvelopeModelTests() => _connection.Open();

    /// <summary>SQLite stores DateTimeOffset as sortable integers, as the SIR module's SQLite context does.</summary>
    internal static bool IsSqlite(DbContextOptions options) => options.Extensions.Any(e => e.GetType().Name.StartsWith("Sqlite", StringComparison.Ordinal));

    public void Dispose() => _connection.Dispose();

    private EnvelopeOwnerContext Owner() => new(new DbContextOptionsBuilder<EnvelopeOwnerContext>().UseSqlite(_connection).Options);

    private EnvelopeModuleContext Module() => new(new DbContextOptionsBuilder<EnvelopeModuleContext>().UseSqlite(_connection).Options);

    private static Report NewReport()
    {
        var report = new Report
        {
            Id = Guid.NewGuid(), Type = "SIR", Number = "SIR-FY2027-000001", Status = ReportStatus.Draft, Title = "Arrest at JFK",
            OriginatingOffice = "SAC-NYC", Author = "alice", CreatedAt = Now, UpdatedAt = Now, Version = 1,
        };
        var input = ReportEnvelopeValidator.Validate(new ReportEnvelopeInput("Arrest at JFK", Now.AddDays(-2), "Queens", "NY",
            People:
            [
                new PersonInput(PersonRole.Suspect, "Juan", null, "Perez", DateOfBirth: new DateOnly(1990, 5, 17), Sex: Sex.Male,
                    CountryOfBirth: "MEX", Address: new AddressInput("1 Main St", "Queens", "NY", "11430"), ANumber: "A12345678"),
                new PersonInput(PersonRole.Victim, NameUnknown: true, Age: 40),
            ],
            Contacts: [new ContactInput(ContactKind.ReportingPersonnel, "SA Jane Roe", "HSI", "212-555-0100", "jane@example.gov")],
            Narratives: [new NarrativeInput("First", "Incident"), new NarrativeInput("Second")]), Now);
        Assert.True(input.IsValid);
        input.Input.ApplyTo(report);
        return report;
    }

    [Fact]
    public void The_envelope_tables_are_created_and_a_report_round_trips()
    {
        using (var db = Owner()) Assert.True(db.Database.EnsureCreated());
        var report = NewReport();
        using (var db = Owner())
        {
            db.Reports.Add(report);
            db.SaveChanges();
        }

        using (var db = Owner())
        {
            var read = db.Reports.AsNoTracking().Include(r => r.People).Include(r => r.Contacts).Include(r => r.Narratives)
                .Single(r => r.Type == "SIR" && r.Status == ReportStatus.Draft && r.EventAt < Now);
            Assert.Equal(("SIR-FY2027-000001", "Arrest at JFK", "NY", 1), (read.Number, read.Title, read.EventState, read.Version));
            Assert.Equal(Now.AddDays(-2), read.EventAt);
            var people = read.People.OrderBy(p => p.Position).ToList();
            Assert.Equal(("Perez", new DateOnly(1990, 5, 17), Sex.Male, "A012345678", "11430"),
                (people[0].LastName, people[0].DateOfBirth, people[0].Sex, people[0].ANumber, people[0].AddressPostalCode));
            Assert.Equal((true, 40, PersonRole.Victim), (people[1].NameUnknown, people[1].Age, people[1].Role));
            Assert.Equal("jane@example.gov", Assert.Single(read.Contacts).Email);
            Assert.Equal(["First", "Second"], read.Narratives.OrderBy(n => n.Position).Select(n => n.Text));
        }

        // Enums are stored as their names.
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT Status || '/' || (SELECT group_concat(Role) FROM (SELECT Role FROM ReportPeople ORDER BY Position)) FROM Reports";
        Assert.Equal("Draft/Suspect,Victim", command.ExecuteScalar() as string ?? "");
    }

    [Fact]
    public void A_stale_version_does_not_overwrite_a_newer_one()
    {
        using (var db = Owner())
        {
            db.Database.EnsureCreated();
            db.Reports.Add(NewReport());
            db.SaveChanges();
        }

        using var first = Owner();
        using var second = Owner();
        var mine = first.Reports.Single();
        var theirs = second.Reports.Single();
        mine.Title = "Mine";
        mine.Touch(Now.AddMinutes(1));
        first.SaveChanges();

        theirs.Title = "Theirs";
        theirs.Touch(Now.AddMinutes(2));
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());

        using var check = Owner();
        Assert.Equal(("Mine", 2), check.Reports.Select(r => new ValueTuple<string, int>(r.Title, r.Version)).Single());
    }

    [Fact]
    public void The_number_is_unique_per_type_and_deleting_a_report_deletes_its_children()
    {
        using var db = Owner();
        db.Database.EnsureCreated();
        var report = NewReport();
        db.Reports.Add(report);
        db.Reports.Add(new Report { Type = "SPEAR", Number = report.Number, Title = "Same number, other type", OriginatingOffice = "X", Author = "a" });
        db.Reports.Add(new Report { Type = "SIR", Number = null, Title = "Unnumbered 1", OriginatingOffice = "X", Author = "a" });
        db.Reports.Add(new Report { Type = "SIR", Number = null, Title = "Unnumbered 2", OriginatingOffice = "X", Author = "a" });
        db.SaveChanges();

        db.Reports.Add(new Report { Type = "SIR", Number = report.Number, Title = "Duplicate", OriginatingOffice = "X", Author = "a" });
        Assert.Throws<DbUpdateException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();

        db.Reports.Remove(db.Reports.Single(r => r.Id == report.Id));
        db.SaveChanges();
        Assert.Equal(0, db.Set<ReportPerson>().Count() + db.Set<ReportContact>().Count() + db.Set<ReportNarrative>().Count());
    }

    [Fact]
    public void A_module_context_writes_envelope_and_details_in_one_save_without_creating_the_envelope()
    {
        using (var db = Owner()) db.Database.EnsureCreated();
        using var module = Module();
        var script = module.Database.GenerateCreateScript();
        Assert.Contains("CREATE TABLE \"ModuleDetails\"", script);
        Assert.All(EnvelopeTables, table => Assert.DoesNotContain($"CREATE TABLE \"{table}\"", script));
        module.Database.ExecuteSqlRaw(script);

        var report = NewReport();
        module.Reports.Add(report);
        module.Details.Add(new ModuleDetails { ReportId = report.Id, Weapon = "none" });
        module.SaveChanges();

        using var owner = Owner();
        Assert.Equal(2, owner.Reports.Include(r => r.People).Single().People.Count);
    }

    [Fact]
    public void The_owner_creates_all_envelope_tables_and_indexes()
    {
        using var db = Owner();
        var script = db.Database.GenerateCreateScript();
        Assert.All(EnvelopeTables, table => Assert.Contains($"CREATE TABLE \"{table}\"", script));
        Assert.Contains("CREATE UNIQUE INDEX \"IX_Reports_Type_Number\" ON \"Reports\" (\"Type\", \"Number\");", script);
        foreach (var column in new[] { "Status", "OriginatingOffice", "Author", "SubmittedAt" })
            Assert.Contains($"CREATE INDEX \"IX_Reports_{column}\" ON \"Reports\" (\"{column}\");", script);
        Assert.Contains("ON DELETE CASCADE", script);
    }

    [Fact]
    public void On_SQL_Server_lengths_apply_and_the_unique_number_index_ignores_unnumbered_reports()
    {
        using var owner = new EnvelopeOwnerContext(new DbContextOptionsBuilder<EnvelopeOwnerContext>()
            .UseSqlServer("Server=design-time;Database=SenGraph").Options);
        var script = owner.Database.GenerateCreateScript();
        Assert.Contains("CREATE UNIQUE INDEX [IX_Reports_Type_Number] ON [Reports] ([Type], [Number]) WHERE [Number] IS NOT NULL;", script);
        Assert.Contains("[Status] nvarchar(32) NOT NULL", script);
        Assert.Contains("[Title] nvarchar(200) NOT NULL", script);
        Assert.Contains("[EventAt] datetimeoffset NULL", script);
        Assert.Contains("[DateOfBirth] date NULL", script);
        Assert.Contains("[ANumber] nvarchar(10) NULL", script);
        Assert.Contains("[SnapshotJson] nvarchar(max) NOT NULL", script);

        using var module = new EnvelopeModuleContext(new DbContextOptionsBuilder<EnvelopeModuleContext>()
            .UseSqlServer("Server=design-time;Database=SenGraph").Options);
        var moduleScript = module.Database.GenerateCreateScript();
        Assert.Contains("CREATE TABLE [ModuleDetails]", moduleScript);
        Assert.All(EnvelopeTables, table => Assert.DoesNotContain($"CREATE TABLE [{table}]", moduleScript));
    }
}
