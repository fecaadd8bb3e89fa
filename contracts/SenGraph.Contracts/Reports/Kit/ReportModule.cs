using Microsoft.Extensions.DependencyInjection;
using SenGraph.Contracts.Modules;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports.Workflow;

namespace SenGraph.Contracts.Reports.Kit;

/// <summary>
/// A module of one declared report type (<see cref="IDeclaredReport{TSelf}"/>): registers its database, its
/// type for the host's workflow, its policies (<c>code.author</c>, <c>code.reviewer</c>, <c>code.reader</c>,
/// <c>code.count</c>) and its generated schema (<c>x</c>, <c>xs</c>, <c>createX</c>, <c>updateX</c>, <c>amendX</c>).
/// Override a method and call the base to add hand-written services, policies or fields. Derive one of the
/// versions that name the provider contexts, never this class itself.
/// </summary>
public abstract class ReportModule<TReport> : ISenGraphModule
    where TReport : Report, IDeclaredReport<TReport>
{
    private ReportTypeDefinition<TReport>? _type;

    private protected ReportModule()
    {
    }

    public abstract ModuleManifest Manifest { get; }

    /// <summary>The type's declaration.</summary>
    protected ReportTypeDefinition<TReport> Type => _type ??= ReportTypeDefinition<TReport>.Declare();

    public virtual void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton(Type);
        AddDatabase(services, context);
        services.AddReportType<ReportDbContext<TReport>, TReport>(Type.ToOptions());
    }

    /// <summary>Registers <see cref="ReportDbContext{TReport}"/> on the configured provider's context.</summary>
    private protected abstract void AddDatabase(IServiceCollection services, ModuleContext context);

    public virtual void ConfigureAuthorization(ModuleAuthorizationBuilder authorization)
    {
        authorization.AddPolicy(Type.AuthorPolicy, p => p.RequireAuthenticatedUser().RequireRole(Type.AuthorRoles));
        if (Type.ReviewerRoles.Count > 0)
            authorization.AddPolicy(Type.ReviewPolicy, p => p.RequireAuthenticatedUser().RequireRole(Type.ReviewerRoles));
        else
            authorization.AddPolicy(Type.ReviewPolicy, p => p.RequireAssertion(_ => false));
        authorization.AddPolicy(Type.ReadPolicy, p => p.RequireAuthenticatedUser().RequireRole(Type.ReaderRoles));
        authorization.AddPolicy(Type.CountPolicy, p => p.RequireAuthenticatedUser().RequireRole(Type.CounterRoles));
    }

    public virtual void ConfigureSchema(ModuleSchemaBuilder schema) => schema
        .ExtendQuery<ReportQueries<TReport>>()
        .ExtendMutation<ReportMutations<TReport>>()
        .AddType<ReportObjectGraphType<TReport>>();
}

/// <summary>
/// <see cref="ReportModule{TReport}"/> with one context per provider: SQLite, SQL Server and PostgreSQL, each with its
/// own migrations.
/// </summary>
public abstract class ReportModule<TReport, TSqliteContext, TSqlServerContext, TPostgreSqlContext> : ReportModule<TReport>
    where TReport : Report, IDeclaredReport<TReport>
    where TSqliteContext : SqliteReportDbContext<TReport>
    where TSqlServerContext : SqlServerReportDbContext<TReport>
    where TPostgreSqlContext : PostgreSqlReportDbContext<TReport>
{
    private protected sealed override void AddDatabase(IServiceCollection services, ModuleContext context) =>
        services.AddPooledModuleDatabase<ReportDbContext<TReport>, TSqliteContext, TSqlServerContext, TPostgreSqlContext>(context);
}

/// <summary>
/// <see cref="ReportModule{TReport}"/> with SQLite and SQL Server contexts only. Kept for modules built before PostgreSQL
/// (contracts 1.5): they load on SQLite and SQL Server, and on PostgreSQL fail to load with a module error. New modules
/// derive <see cref="ReportModule{TReport, TSqliteContext, TSqlServerContext, TPostgreSqlContext}"/>.
/// </summary>
public abstract class ReportModule<TReport, TSqliteContext, TSqlServerContext> : ReportModule<TReport>
    where TReport : Report, IDeclaredReport<TReport>
    where TSqliteContext : SqliteReportDbContext<TReport>
    where TSqlServerContext : SqlServerReportDbContext<TReport>
{
    private protected sealed override void AddDatabase(IServiceCollection services, ModuleContext context) =>
        services.AddPooledModuleDatabase<ReportDbContext<TReport>, TSqliteContext, TSqlServerContext>(context);
}
