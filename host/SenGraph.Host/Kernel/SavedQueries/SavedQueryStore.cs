using System.Security.Claims;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Persistence;
using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Contracts.Security;
using SenGraph.Host.GraphQL.Limits;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Modules;
using SenGraph.Host.Storage;

namespace SenGraph.Host.Kernel.SavedQueries;

public sealed record SaveQueryInput(string? Name, string? Description, string? Document,
    IReadOnlyList<string>? ShareWithRoles, IReadOnlyList<string>? ShareWithOffices, int? ExpectedVersion);

/// <summary>
/// Saved queries: saving (validated against the schema served now), sharing with roles and offices, deleting,
/// finding what a user may see or run, and checking every saved query again whenever the schema changes.
/// </summary>
public sealed partial class SavedQueryStore(
    IDbContextFactory<SenDbContext> databases, SchemaHost schemas, RoleCatalog roles, GraphQLLimits limits, TimeProvider clock, IServiceProvider services)
{
    public const string NameTaken = "NAME_TAKEN";
    public const string InvalidDocument = "INVALID_DOCUMENT";
    public const string InvalidName = "INVALID_NAME";
    public const string UnknownOffice = "UNKNOWN_OFFICE";
    public const string UnknownRole = "UNKNOWN_ROLE";

    /// <summary>How many saved queries one user may own.</summary>
    public const int MaxPerOwner = 200;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();

    /// <summary>The saved queries <paramref name="user"/> may see and run: their own, and those shared with one of their roles or their office.</summary>
    public static IQueryable<SavedQuery> VisibleTo(SenDbContext db, ClaimsPrincipal user)
    {
        var me = DirectoryRules.NormalizeUserName(user.GetUserName() ?? "");
        var myRoles = user.FindAll(SenGraphClaims.Role).Select(r => r.Value).ToList();
        var myOffice = user.GetOffice() ?? "";
        return db.Set<SavedQuery>().Where(q => q.Owner == me || q.Shares.Any(s =>
            (s.Kind == SavedQueryShareKind.Role && myRoles.Contains(s.Value)) || (s.Kind == SavedQueryShareKind.Office && s.Value == myOffice)));
    }

    /// <summary>The document of the saved query <paramref name="name"/> if <paramref name="user"/> may run it; else null.</summary>
    public async Task<string?> FindRunnableAsync(ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var key = name.Trim().ToLowerInvariant();
        return await VisibleTo(db, user).Where(q => q.NameKey == key).Select(q => q.Document).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves a new query, or changes the caller's own query of that name.</summary>
    public async Task<Result<SavedQuery>> SaveAsync(ClaimsPrincipal user, SaveQueryInput input, CancellationToken cancellationToken)
    {
        var me = DirectoryRules.NormalizeUserName(user.GetUserName() ?? "");
        var errors = new List<UserError>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(UserError.ForField("REQUIRED", "A name is required.", "name"));
        else if (!NamePattern().IsMatch(name))
            errors.Add(UserError.ForField(InvalidName, "A name is 1-64 letters, digits, '_' or '-', starting with a letter.", "name"));
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > SavedQueryModel.MaxDescriptionLength)
            errors.Add(UserError.ForField("TOO_LONG", $"The description has at most {SavedQueryModel.MaxDescriptionLength} characters.", "description"));
        var document = input.Document?.Trim();
        if (string.IsNullOrEmpty(document)) errors.Add(UserError.ForField("REQUIRED", "A document is required.", "document"));
        else if (limits.QueryLengthError(document) is { } tooLong) errors.Add(UserError.ForField("TOO_LONG", tooLong, "document"));
        else if (await ProblemsAsync(document) is { Count: > 0 } problems)
            errors.Add(UserError.ForField(InvalidDocument, "The document is not valid against the schema: " + string.Join(" ", problems), "document"));

        var shares = new List<SavedQueryShare>();
        foreach (var (role, i) in (input.ShareWithRoles ?? []).Select((r, i) => (r, i)))
        {
            if (roles.Canonical(role) is { } canonical) shares.Add(new SavedQueryShare { Kind = SavedQueryShareKind.Role, Value = canonical });
            else errors.Add(UserError.ForField(UnknownRole, $"'{Shorten(role)}' is not a role.", "shareWithRoles", i.ToString()));
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var offices = (input.ShareWithOffices ?? []).Select(DirectoryRules.NormalizeCode).ToList();
        var known = await db.Offices.Where(o => offices.Contains(o.Code)).Select(o => o.Code).ToListAsync(cancellationToken);
        foreach (var (office, i) in offices.Select((o, i) => (o, i)))
        {
            if (known.Contains(office)) shares.Add(new SavedQueryShare { Kind = SavedQueryShareKind.Office, Value = office });
            else errors.Add(UserError.ForField(UnknownOffice, $"There is no office '{Shorten(office)}'.", "shareWithOffices", i.ToString()));
        }
        shares = [.. shares.DistinctBy(s => (s.Kind, s.Value))];
        if (shares.Count > SavedQueryModel.MaxShares)
            errors.Add(UserError.ForField("TOO_LONG", $"A query is shared with at most {SavedQueryModel.MaxShares} roles and offices.", "shareWithRoles"));
        if (errors.Count > 0) return Result<SavedQuery>.Failure([.. errors]);

        var key = name!.ToLowerInvariant();
        var now = clock.GetUtcNow();
        var existing = await db.Set<SavedQuery>().Include(q => q.Shares).SingleOrDefaultAsync(q => q.NameKey == key, cancellationToken);
        if (existing is not null && existing.Owner != me)
            return Result<SavedQuery>.Failure(UserError.ForField(NameTaken, $"'{name}' is another user's saved query: choose another name.", "name"));
        if (existing is not null && input.ExpectedVersion is { } expected && expected != existing.Version)
            return Result<SavedQuery>.Failure(UserError.ForField(WorkflowErrorCodes.Conflict, $"The saved query changed (version {existing.Version}, not {expected}): read it again.", "expectedVersion"));
        if (existing is null && await db.Set<SavedQuery>().CountAsync(q => q.Owner == me, cancellationToken) >= MaxPerOwner)
            return Result<SavedQuery>.Failure(UserError.ForField("TOO_MANY", $"You own {MaxPerOwner} saved queries, the most one user may: delete one first.", "name"));

        var query = existing ?? new SavedQuery { Id = RowKeys.New(), Name = name, NameKey = key, Document = document!, Owner = me, CreatedAt = now };
        if (existing is null) db.Add(query);
        else db.RemoveRange(existing.Shares);
        query.Name = name;
        query.Description = description;
        query.Document = document!;
        query.Shares = shares;
        query.Status = SavedQueryStatus.Valid;
        query.Problems = null;
        query.UpdatedAt = query.CheckedAt = now;
        query.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseConflicts.IsConflict(e))
        {
            return Result<SavedQuery>.Failure(UserError.ForField(WorkflowErrorCodes.Conflict, "The saved query was changed or created at the same time: read it again.", "name"));
        }
        return Result<SavedQuery>.Success(query);
    }

    /// <summary>Deletes the caller's own saved query; NOT_FOUND for any other (another's is not revealed).</summary>
    public async Task<Result<string>> DeleteAsync(ClaimsPrincipal user, string? name, CancellationToken cancellationToken)
    {
        var me = DirectoryRules.NormalizeUserName(user.GetUserName() ?? "");
        var key = name?.Trim().ToLowerInvariant() ?? "";
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var query = await db.Set<SavedQuery>().Include(q => q.Shares).SingleOrDefaultAsync(q => q.NameKey == key && q.Owner == me, cancellationToken);
        if (query is null) return Result<string>.Failure(UserError.ForField(WorkflowErrorCodes.NotFound, "You have no saved query of that name.", "name"));
        db.Remove(query);
        await db.SaveChangesAsync(cancellationToken);
        return Result<string>.Success(query.Name);
    }

    /// <summary>Checks every saved query against the schema served now; records which broke or healed. Returns how many changed status.</summary>
    public async Task<int> RecheckAllAsync(CancellationToken cancellationToken)
    {
        using var scope = AuditScope.Begin(AuditContext.System("recheck saved queries"));
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var changed = 0;
        foreach (var query in await db.Set<SavedQuery>().ToListAsync(cancellationToken))
        {
            var problems = await ProblemsAsync(query.Document);
            var status = problems.Count == 0 ? SavedQueryStatus.Valid : SavedQueryStatus.Broken;
            var text = problems.Count == 0 ? null : string.Join("\n", problems);
            query.CheckedAt = clock.GetUtcNow();
            if (status == query.Status && text == query.Problems) continue;
            query.Status = status;
            query.Problems = text;
            changed++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    /// <summary>Why <paramref name="document"/> is not one valid operation against the current schema; empty when it is.</summary>
    private async Task<IReadOnlyList<string>> ProblemsAsync(string document)
    {
        GraphQLDocument parsed;
        try
        {
            parsed = Parser.Parse(document, new ParserOptions { Ignore = IgnoreOptions.All, MaxDepth = 64 });
        }
        catch (GraphQLSyntaxErrorException e)
        {
            return [$"Syntax error: {e.Description} (line {e.Location.Line}, column {e.Location.Column})."];
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return ["The document is nested too deeply."];
        }

        var operations = parsed.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count != 1) return [$"A saved query holds exactly one operation (this document has {operations.Count})."];
        ISchema schema = schemas.Current.Schema;
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = schema,
            Document = parsed,
            Operation = operations[0],
            // The size and cost limits a request meets, so a document that could never run is not saved as VALID.
            Rules = [.. DocumentValidator.CoreRules, limits.OperationSize, limits.Complexity],
            Variables = Inputs.Empty,
            User = new ClaimsPrincipal(),
            RequestServices = services,
            Metrics = global::GraphQL.Instrumentation.Metrics.None, // the complexity rule records its timing here
        });
        // Variables are given when it runs: a missing one is not a fault of the saved document.
        return [.. result.Errors.Where(e => e is not InvalidVariableError).Select(e => e.Message).Distinct()];
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
