using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Agency;

namespace SenGraph.Host.Kernel.Agency;

/// <summary>The host's directory administration mutations. System Administrators only.</summary>
public sealed class DirectoryMutations : ObjectGraphType
{
    public DirectoryMutations(DirectoryAdministration administration)
    {
        Field<NonNullGraphType<CreateOfficePayloadGraphType>>("createOffice")
            .Description("Adds an office. System Administrators only.")
            .Argument<NonNullGraphType<CreateOfficeInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.SystemAdministrator)
            .ResolveAsync(async c =>
            {
                var outcome = await administration.CreateOfficeAsync(c.GetArgument<CreateOfficeInput>("input"), c.CancellationToken);
                return new OfficePayload(outcome.Result, outcome.Errors);
            });

        Field<NonNullGraphType<UpdateOfficePayloadGraphType>>("updateOffice")
            .Description("Changes an office's name, kind, organisation, parent, area or review rule. System Administrators only.")
            .Argument<NonNullGraphType<UpdateOfficeInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.SystemAdministrator)
            .ResolveAsync(async c =>
            {
                var outcome = await administration.UpdateOfficeAsync(c.GetArgument<UpdateOfficeInput>("input"), c.CancellationToken);
                return new OfficePayload(outcome.Result, outcome.Errors);
            });

        Field<NonNullGraphType<CreateUserPayloadGraphType>>("createUser")
            .Description("Adds a user. System Administrators only.")
            .Argument<NonNullGraphType<CreateUserInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.SystemAdministrator)
            .ResolveAsync(async c =>
            {
                var outcome = await administration.CreateUserAsync(c.GetArgument<CreateUserInput>("input"), c.CancellationToken);
                return new UserPayload(outcome.Result, outcome.Errors);
            });

        Field<NonNullGraphType<UpdateUserPayloadGraphType>>("updateUser")
            .Description("Changes a user's display name, office or roles, or disables or re-enables them. System Administrators only.")
            .Argument<NonNullGraphType<UpdateUserInputGraphType>>("input")
            .AuthorizeWithRoles(DirectoryRoles.SystemAdministrator)
            .ResolveAsync(async c =>
            {
                var outcome = await administration.UpdateUserAsync(c.GetArgument<UpdateUserInput>("input"), c.CancellationToken);
                return new UserPayload(outcome.Result, outcome.Errors);
            });
    }
}
