using GraphQL.Types;
using SenGraph.Host.Modules;

namespace SenGraph.Host.Kernel.Agency;

public sealed class DirectoryRoleGraphType : ObjectGraphType<DirectoryRole>
{
    public DirectoryRoleGraphType()
    {
        Name = "DirectoryRole";
        Description = "A role administrators can give users (createUser, updateUser).";
        Field(r => r.Name).Description("The role, as users' roles and tokens spell it.");
        Field(r => r.Description).Description("Who holds it and what it is for.");
        Field(r => r.Module, nullable: true).Description("The id of the module that adds the role; null for the host's own roles.");
    }
}
