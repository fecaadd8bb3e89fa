using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Auditing;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Kernel.Database;
using SenGraph.Host.Kernel.Workflow;
using SenGraph.Host.Security;
using static SenGraph.Host.Kernel.Agency.DirectoryFieldChecks;
using static SenGraph.Host.Kernel.Agency.OfficeHierarchy;

namespace SenGraph.Host.Kernel.Agency;

/// <summary>
/// Validates and writes directory changes for the administration mutations: every input field is
/// checked (formats, lengths, references, duplicates, consistency with other offices) and all
/// errors are returned together; a change is written in one <c>SaveChanges</c> or not at all.
/// </summary>
public sealed class DirectoryAdministration(
    IDbContextFactory<SenDbContext> databases, DirectoryAccounts accounts, SenGraph.Host.Modules.RoleCatalog roleCatalog, AuditCommits commits)
{
    public sealed record Outcome<T>(T? Result, IReadOnlyList<UserError> Errors)
        where T : class
    {
        public static Outcome<T> Failed(IReadOnlyList<UserError> errors) => new(null, errors);
    }

    public async Task<Outcome<Office>> CreateOfficeAsync(CreateOfficeInput input, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var code = OfficeCode(input.Code, "code", errors);
        if (code is not null && await db.Offices.AnyAsync(o => o.Code == code, cancellationToken))
            errors.Add(UserError.ForField("DUPLICATE", $"An office with the code '{code}' already exists.", "code"));

        var office = new Office
        {
            Code = code ?? "",
            Name = Name(input.Name, "name", errors) ?? "",
            Kind = input.Kind,
            OrganisationCode = await OrganisationAsync(db, input.Organisation, errors, cancellationToken) ?? "",
            ParentCode = await ParentAsync(db, input.Parent, errors, cancellationToken),
            Area = Area(input.Area, errors),
            ReviewMandatory = input.ReviewMandatory,
        };
        await CheckOfficeAsync(db, office, null, errors, cancellationToken);
        if (errors.Count > 0) return Outcome<Office>.Failed(errors);

        db.Offices.Add(office);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) // another administrator created the same code meanwhile
        {
            if (!await ExistsAsync(o => o.Code == office.Code, cancellationToken)) throw;
            return Outcome<Office>.Failed([UserError.ForField("DUPLICATE", $"An office with the code '{office.Code}' already exists.", "code")]);
        }

        return new Outcome<Office>(office, []);
    }

    public async Task<Outcome<Office>> UpdateOfficeAsync(UpdateOfficeInput input, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var code = OfficeCode(input.Code, "code", errors);
        if (code is null) return Outcome<Office>.Failed(errors);
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Code == code, cancellationToken);
        if (office is null) return Outcome<Office>.Failed([UserError.ForField(WorkflowErrorCodes.NotFound, $"No office has the code '{code}'.", "code")]);

        if (input.Name.IsSet) office.Name = Name(input.Name.Value, "name", errors) ?? office.Name;
        if (input.Kind.IsSet)
        {
            if (input.Kind.Value is { } kind) office.Kind = kind;
            else errors.Add(UserError.ForField("REQUIRED", "An office must have a kind.", "kind"));
        }

        if (input.Organisation.IsSet) office.OrganisationCode = await OrganisationAsync(db, input.Organisation.Value, errors, cancellationToken) ?? office.OrganisationCode;
        if (input.Parent.IsSet) office.ParentCode = await ParentAsync(db, input.Parent.Value, errors, cancellationToken);
        if (input.Area.IsSet) office.Area = Area(input.Area.Value, errors);
        if (input.ReviewMandatory.IsSet)
        {
            if (input.ReviewMandatory.Value is { } review) office.ReviewMandatory = review;
            else errors.Add(UserError.ForField("REQUIRED", "reviewMandatory cannot be null.", "reviewMandatory"));
        }

        var children = await db.Offices.AsNoTracking().Where(o => o.ParentCode == code).ToListAsync(cancellationToken);
        await CheckOfficeAsync(db, office, children, errors, cancellationToken);
        if (errors.Count > 0) return Outcome<Office>.Failed(errors);

        await db.SaveChangesAsync(cancellationToken);
        return new Outcome<Office>(office, []);
    }

    public async Task<Outcome<DirectoryUser>> CreateUserAsync(CreateUserInput input, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var userName = UserName(input.UserName, errors);
        if (userName is not null && await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
            errors.Add(UserError.ForField("DUPLICATE", $"A user named '{userName}' already exists.", "userName"));

        var displayName = Name(input.DisplayName, "displayName", errors);
        var office = await OfficeAsync(db, input.Office, errors, cancellationToken);
        var roles = Roles(input.Roles, errors);
        if (roles is not null) SeparationOfDuties.CheckRoles(roles, errors);
        if (errors.Count > 0) return Outcome<DirectoryUser>.Failed(errors);

        var user = new DirectoryUser
        {
            UserName = userName!,
            DisplayName = displayName!,
            OfficeCode = office!,
            Disabled = input.Disabled,
            Roles = roles!.Select(r => new DirectoryUserRole { UserName = userName!, Role = r }).ToList(),
        };
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) // another administrator created the same user meanwhile
        {
            if (!await UserExistsAsync(user.UserName, cancellationToken)) throw;
            return Outcome<DirectoryUser>.Failed([UserError.ForField("DUPLICATE", $"A user named '{user.UserName}' already exists.", "userName")]);
        }

        accounts.Invalidate(user.UserName); // an unknown user name the logon check remembered
        return new Outcome<DirectoryUser>(user, []);
    }

    public async Task<Outcome<DirectoryUser>> UpdateUserAsync(UpdateUserInput input, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var userName = UserName(input.UserName, errors);
        if (userName is null) return Outcome<DirectoryUser>.Failed(errors);
        var user = await db.Users.Include(u => u.Roles).SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null) return Outcome<DirectoryUser>.Failed([UserError.ForField(WorkflowErrorCodes.NotFound, $"No user is named '{userName}'.", "userName")]);

        var wasAdministrator = IsActiveAdministrator(user);
        var before = SeparationOfDuties.AccessProfile(user);
        if (input.DisplayName.IsSet) user.DisplayName = Name(input.DisplayName.Value, "displayName", errors) ?? user.DisplayName;
        if (input.Office.IsSet) user.OfficeCode = await OfficeAsync(db, input.Office.Value, errors, cancellationToken) ?? user.OfficeCode;
        if (input.Disabled.IsSet)
        {
            if (input.Disabled.Value is { } disabled) user.Disabled = disabled;
            else errors.Add(UserError.ForField("REQUIRED", "disabled cannot be null.", "disabled"));
        }

        if (input.Roles.IsSet && Roles(input.Roles.Value, errors) is { } roles)
        {
            user.Roles.RemoveAll(r => !roles.Contains(r.Role));
            foreach (var role in roles.Where(role => user.Roles.All(r => r.Role != role)))
                user.Roles.Add(new DirectoryUserRole { UserName = user.UserName, Role = role });
        }

        if (errors.Count == 0 && wasAdministrator && !IsActiveAdministrator(user))
        {
            var others = await db.UserRoles.AnyAsync(r => r.Role == DirectoryRoles.SystemAdministrator && r.UserName != userName &&
                db.Users.Any(u => u.UserName == r.UserName && !u.Disabled), cancellationToken);
            if (!others)
            {
                errors.Add(UserError.ForField("LAST_ADMINISTRATOR",
                    "This is the last active System Administrator; make another user one first.", input.Disabled.IsSet && user.Disabled ? "disabled" : "roles"));
            }
        }

        var after = SeparationOfDuties.AccessProfile(user);
        if (errors.Count == 0 && before != after)
        {
            SeparationOfDuties.CheckRoles(user.Roles.Select(r => r.Role).ToList(), errors);
            SeparationOfDuties.CheckNotSelf(AuditScope.Current?.UserName, userName, input, errors);
        }

        if (errors.Count > 0) return Outcome<DirectoryUser>.Failed(errors);
        if (before == after || AuditScope.Current is not { } scope) await db.SaveChangesAsync(cancellationToken);
        else
        {
            // Who may do what changed: one record with the access profile before and after, beside the rows' own records.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var last = await AuditChain.AppendAsync(db.Database, [new AuditEntry(scope.UserName, AuditActions.Update, SeparationOfDuties.AccessEntity,
                userName, scope.OperationName, scope.RequestId, null, $"before: {before}; after: {after}")], DateTimeOffset.UtcNow, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            commits.Note(db.Database.GetDbConnection(), last);
        }

        accounts.Invalidate(userName);
        return new Outcome<DirectoryUser>(user, []);
    }

    private static bool IsActiveAdministrator(DirectoryUser user) =>
        !user.Disabled && user.Roles.Any(r => r.Role == DirectoryRoles.SystemAdministrator);

    /// <summary>The roles, spelled canonically, without duplicates; null (with errors) when any is unknown or none is given.</summary>
    private List<string>? Roles(IReadOnlyList<string>? values, List<UserError> errors)
    {
        if (values is null || values.Count == 0)
        {
            errors.Add(UserError.ForField("REQUIRED", "A user has at least one role (disable the user instead of removing every role).", "roles"));
            return null;
        }

        var roles = new List<string>();
        var valid = true;
        for (var i = 0; i < values.Count; i++)
        {
            if (roleCatalog.Canonical(values[i] ?? "") is { } role)
            {
                if (!roles.Contains(role)) roles.Add(role);
            }
            else
            {
                valid = false;
                errors.Add(UserError.ForField("UNKNOWN_ROLE",
                    $"'{values[i]}' is not a role; roles are: {string.Join(", ", roleCatalog.All.Select(r => r.Name))}.", "roles", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return valid ? roles : null;
    }

    private async Task<bool> ExistsAsync(System.Linq.Expressions.Expression<Func<Office, bool>> predicate, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Offices.AnyAsync(predicate, cancellationToken);
    }

    private async Task<bool> UserExistsAsync(string userName, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken);
    }
}
