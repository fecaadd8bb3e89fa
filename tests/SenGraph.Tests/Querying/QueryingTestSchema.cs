using System.Data.Common;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Querying;

namespace SenGraph.Tests.Querying;

public enum ReportKind { Arrest, Seizure, Assault }

public sealed class Report
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Narrative { get; set; }
    public int Priority { get; set; }
    public long ViewCount { get; set; }
    public bool Urgent { get; set; }
    public ReportKind Kind { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public Guid ExternalId { get; set; }
    public required string SecretNote { get; set; }
    public List<Person> People { get; set; } = [];
}

public sealed class Person
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public required string Name { get; set; }
    public int Age { get; set; }
}

public sealed class QueryingDbContext(DbContextOptions<QueryingDbContext> options) : DbContext(options)
{
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Person> People => Set<Person>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Report>().Property(r => r.Kind).HasConversion<string>();
        modelBuilder.Entity<Report>().HasMany(r => r.People).WithOne().HasForeignKey(p => p.ReportId);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

/// <summary>Records every SQL command EF Core sends.</summary>
public sealed class SqlRecorder : DbCommandInterceptor
{
    private readonly List<string> _commands = [];

    public IReadOnlyList<string> Commands { get { lock (_commands) return [.. _commands]; } }

    public void Clear() { lock (_commands) _commands.Clear(); }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) { lock (_commands) _commands.Add(command.CommandText); }
}

public sealed class ReportKindGraphType : EnumerationGraphType<ReportKind>
{
    public ReportKindGraphType() { Name = "ReportKind"; Description = "Kind of report."; }
}

/// <summary>A node type that takes a service, as module node types do for their batch-loaded fields.</summary>
public sealed class ReportGraphType : ObjectGraphType<Report>
{
    public ReportGraphType(IDbContextFactory<QueryingDbContext> factory)
    {
        Name = "Report";
        Description = "A report.";
        Field(r => r.Id).Description("Key.");
        Field("externalId", r => r.ExternalId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Identifier shared with other systems.");
        Field(r => r.Title).Description("Title.");
        Field(r => r.Narrative, nullable: true).Description("What happened.");
        Field(r => r.Priority).Description("1 is highest.");
        Field("views", r => r.ViewCount).Description("Times read (renamed field).");
        Field(r => r.Urgent).Description("Needs attention now.");
        Field(r => r.OccurredAt, nullable: true).Description("When it happened.");
        Field<NonNullGraphType<ReportKindGraphType>>("kind").Description("Kind.").Resolve(c => c.Source.Kind).MapsTo(r => r.Kind);
        Field(r => r.SecretNote).Description("Personal data: neither filterable nor sortable.").NotFilterable().NotSortable();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonGraphType>>>>("people")
            .Description("People involved, batch loaded.")
            .Resolve(c => c.LoadBatchCollection("report.people", c.Source.Id, async (ids, ct) =>
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var people = await db.People.Where(p => ids.Contains(p.ReportId)).OrderBy(p => p.Id).ToListAsync(ct);
                return people.ToLookup(p => p.ReportId);
            }));
        Field<StringGraphType>("firstPersonName")
            .Description("Name of the first person involved, batch loaded one-to-one.")
            .Resolve(c => c.LoadBatch("report.firstPerson", c.Source.Id, async (ids, ct) =>
            {
                await using var db = await factory.CreateDbContextAsync(ct);
                var people = await db.People.Where(p => ids.Contains(p.ReportId)).ToListAsync(ct);
                return (IDictionary<int, string>)people.GroupBy(p => p.ReportId).ToDictionary(g => g.Key, g => g.MinBy(p => p.Id)!.Name);
            }));
    }
}

public sealed class PersonGraphType : ObjectGraphType<Person>
{
    public PersonGraphType()
    {
        Name = "Person";
        Description = "A person involved in a report.";
        Field(p => p.Id).Description("Key.");
        Field(p => p.Name).Description("Name.");
        Field(p => p.Age).Description("Age in years.");
    }
}

/// <summary>Plays a module's query extension.</summary>
public sealed class ReportQueries : ObjectGraphType
{
    public ReportQueries(IDbContextFactory<QueryingDbContext> factory)
    {
        Name = "Query";
        this.ConnectionField<ReportGraphType, Report>("reports")
            .Description("Reports, pages of 10 up to 50.")
            .ResolveAsync(async c =>
            {
                await using var db = await factory.CreateDbContextAsync(c.CancellationToken);
                return await db.Reports.AsNoTracking().ToConnectionAsync(c);
            });
        this.ConnectionField<ReportGraphType, Report>("allReports", o => { o.MaxPageSize = 100; o.MaxFilterDepth = 3; o.MaxFilterListLength = 5; })
            .Description("A second connection on the same node type: pages up to 100, shallow filters, short lists.")
            .ResolveAsync(async c =>
            {
                await using var db = await factory.CreateDbContextAsync(c.CancellationToken);
                return await db.Reports.AsNoTracking().ToConnectionAsync(c);
            });
        this.ConnectionField<ReportGraphType, Report>("latestReports")
            .Description("Ordered by the resolver unless order is given.")
            .ResolveAsync(async c =>
            {
                await using var db = await factory.CreateDbContextAsync(c.CancellationToken);
                return await db.Reports.AsNoTracking().OrderByDescending(r => r.OccurredAt).ToConnectionAsync(c);
            });
    }
}

/// <summary>Plays a second module's query extension, on another node type.</summary>
public sealed class PeopleQueries : ObjectGraphType
{
    public PeopleQueries(IDbContextFactory<QueryingDbContext> factory)
    {
        this.ConnectionField<PersonGraphType, Person>("people", o => o.DefaultPageSize = 3)
            .Description("People.")
            .ResolveAsync(async c =>
            {
                await using var db = await factory.CreateDbContextAsync(c.CancellationToken);
                return await db.People.AsNoTracking().ToConnectionAsync(c);
            });
    }
}

/// <summary>
/// A SQLite in-memory database of 60 reports with 0–3 people each, and a schema composed like the
/// host composes modules: graph types come from a container, unregistered ones are created with
/// <see cref="ActivatorUtilities"/>, and the two query extensions' fields move onto one Query type.
/// </summary>
public sealed class QueryingFixture : IDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Resolvers run concurrently (people and first person of one page are batched in parallel), so each
    // context opens its own connection to a shared in-memory database; this one keeps the database alive.
    private readonly string _connectionString = $"Data Source=querying-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
    private readonly SqliteConnection _connection;
    private readonly ServiceProvider _services;

    public SqlRecorder Sql { get; } = new();
    public ISchema Schema { get; }
    public IReadOnlyList<Report> Reports { get; }
    public IReadOnlyList<Person> People { get; }

    public QueryingFixture()
    {
        _connection = new SqliteConnection(_connectionString);
        _connection.Open();
        var services = new ServiceCollection();
        services.AddDbContextFactory<QueryingDbContext>(o => o.UseSqlite(_connectionString).AddInterceptors(Sql));
        services.AddTransient<ReportGraphType>().AddTransient<PersonGraphType>().AddTransient<ReportKindGraphType>()
            .AddTransient<ReportQueries>().AddTransient<PeopleQueries>()
            .AddSingleton(CursorSigner.WithRandomKey());
        _services = services.BuildServiceProvider();

        Reports = [.. Enumerable.Range(1, 60).Select(NewReport)];
        People = [.. Reports.SelectMany(r => Enumerable.Range(1, r.Id % 4).Select(n => new Person { ReportId = r.Id, Name = $"Person {r.Id}-{n}", Age = 20 + (r.Id + n) % 40 }))];
        using (var db = _services.GetRequiredService<IDbContextFactory<QueryingDbContext>>().CreateDbContext())
        {
            db.Database.EnsureCreated();
            db.Reports.AddRange(Reports.Select(Clone));
            db.People.AddRange(People.Select(p => new Person { ReportId = p.ReportId, Name = p.Name, Age = p.Age }));
            db.SaveChanges();
            People = [.. db.People.AsNoTracking().OrderBy(p => p.Id)];
        }

        Schema = BuildSchema();
    }

    /// <summary>A fresh schema from the same container, as the host builds one per composition.</summary>
    public ISchema BuildSchema()
    {
        var query = new ObjectGraphType { Name = "Query" };
        foreach (var extension in new IComplexGraphType[] { _services.GetRequiredService<ReportQueries>(), _services.GetRequiredService<PeopleQueries>() })
            foreach (var field in extension.Fields.ToList()) query.AddField(field);
        var schema = new GraphQL.Types.Schema(new GraphTypeProvider(_services)) { Query = query };
        schema.Initialize();
        return schema;
    }

    /// <summary>Stores a new report (for tests that change the list between page fetches).</summary>
    public async Task InsertAsync(Report report)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<QueryingDbContext>>().CreateDbContextAsync();
        db.Reports.Add(report);
        await db.SaveChangesAsync();
    }

    /// <summary>Deletes a stored report.</summary>
    public async Task DeleteAsync(int id)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<QueryingDbContext>>().CreateDbContextAsync();
        await db.Reports.Where(r => r.Id == id).ExecuteDeleteAsync();
    }

    public static Report NewReport(int i) => new()
    {
        Id = i,
        Title = i % 10 == 0 ? $"Seizure at port {i:00}" : $"Report {i:00}",
        Narrative = i % 4 == 0 ? null : $"Narrative of report {i:00}",
        Priority = i % 5 + 1,
        ViewCount = 1000L * (i % 7),
        Urgent = i % 3 == 0,
        Kind = (ReportKind)(i % 3),
        OccurredAt = i % 6 == 0 ? null : Epoch.AddHours(i * 7 % 60),
        ExternalId = new Guid(i, 0, 0, new byte[8]),
        SecretNote = $"secret {i}",
    };

    private static Report Clone(Report r) => new()
    {
        Id = r.Id, Title = r.Title, Narrative = r.Narrative, Priority = r.Priority, ViewCount = r.ViewCount, Urgent = r.Urgent,
        Kind = r.Kind, OccurredAt = r.OccurredAt, ExternalId = r.ExternalId, SecretNote = r.SecretNote,
    };

    public async Task<JsonObject> ExecuteAsync(string query, string? variablesJson = null, ISchema? schema = null)
    {
        var serializer = new GraphQLSerializer();
        var result = await new DocumentExecuter().ExecuteAsync(o =>
        {
            o.Schema = schema ?? Schema;
            o.RequestServices = _services;
            o.Query = query;
            o.Variables = variablesJson is null ? null : serializer.Deserialize<Inputs>(variablesJson);
        });
        return JsonNode.Parse(serializer.Serialize(result))!.AsObject();
    }

    public void Dispose()
    {
        _services.Dispose();
        _connection.Dispose();
    }

    /// <summary>The host's rule: a registered graph type from the container, any other created on demand.</summary>
    private sealed class GraphTypeProvider(IServiceProvider services) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            services.GetService(serviceType)
            ?? (typeof(IGraphType).IsAssignableFrom(serviceType) && serviceType is { IsAbstract: false, IsGenericTypeDefinition: false }
                ? ActivatorUtilities.CreateInstance(services, serviceType)
                : null);
    }
}

public static class QueryingResults
{
    public static JsonNode ShouldHaveData(this JsonObject result)
    {
        Assert.True(result["errors"] is null, result.ToJsonString());
        return result["data"]!;
    }

    public static string ShouldFailWith(this JsonObject result)
    {
        var error = Assert.Single(result["errors"]!.AsArray())!;
        return error["extensions"]?["code"]?.GetValue<string>() ?? error["message"]!.GetValue<string>();
    }

    public static int[] Ids(this JsonNode connection) =>
        [.. connection["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<int>())];
}
