using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Security;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Kernel.Agency;

/// <summary>The host's directory query fields: organisations, offices, users (administrators only) and <c>me</c>.</summary>
public sealed class DirectoryQueries : ObjectGraphType
{
    public const int MaxOrganisations = 500;

    public DirectoryQueries(IDbContextFactory<SenDbContext> databases, SenGraph.Host.Modules.RoleCatalog roles)
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DirectoryRoleGraphType>>>>("directoryRoles")
            .Description("The roles users can be given: the host's, then those the loaded modules add. System Administrators only.")
            .AuthorizeWithRoles(DirectoryRoles.SystemAdministrator)
            .Resolve(_ => roles.All);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationGraphType>>>>("organisations")
            .Description($"Every organisation, by code (at most {MaxOrganisations}).")
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await db.Organisations.AsNoTracking().OrderBy(o => o.Code).Take(MaxOrganisations).ToListAsync(c.CancellationToken);
            });

        this.ConnectionField<OfficeGraphType, Office>("offices", o =>
            {
                o.TieBreaker(x => x.Code);
                o.DefaultPageSize = 50;
                o.MaxPageSize = 200;
            })
            .Description("The offices, by code unless ordered otherwise.")
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await db.Offices.AsNoTracking().OrderBy(o => o.Code).ToConnectionAsync(c);
            });

        Field<OfficeGraphType>("office")
            .Description("One office by code; null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The office's code, e.g. SAC-NYC.")
            .ResolveAsync(async c =>
            {
                var code = DirectoryRules.NormalizeCode(c.GetArgument<string>("code"));
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Code == code, c.CancellationToken);
            });

        this.ConnectionField<UserGraphType, DirectoryUser>("users", o => o.TieBreaker(x => x.UserName))
            .Description("The users, by user name unless ordered otherwise. System Administrators only.")
            .AuthorizeWithRoles(DirectoryRoles.SystemAdministrator)
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await db.Users.AsNoTracking().Include(u => u.Roles).AsSplitQuery().OrderBy(u => u.UserName).ToConnectionAsync(c);
            });

        Field<NonNullGraphType<CurrentUserGraphType>>("me")
            .Description("You: user name; office and roles as authorization sees them (the directory's when it knows you, else your token's); display name from the directory.")
            .ForEveryRole()
            .ResolveAsync(async c =>
            {
                var userName = c.User.GetUserName()!;
                var key = DirectoryRules.NormalizeUserName(userName);
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                var displayName = await db.Users.AsNoTracking().Where(u => u.UserName == key).Select(u => u.DisplayName).SingleOrDefaultAsync(c.CancellationToken);
                var roles = c.User!.FindAll(SenGraphClaims.Role).Select(r => r.Value).Distinct(StringComparer.Ordinal).ToList();
                return new CurrentUser(userName, displayName, c.User.GetOffice(), roles);
            });
    }
}
