using GraphQL;
using GraphQL.Types;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Querying;
using SenGraph.Contracts.Schema;
using SenGraph.Host.Security;

namespace SenGraph.Host.Kernel.Agency;

public sealed class OrganisationGraphType : ObjectGraphType<Organisation>
{
    public OrganisationGraphType()
    {
        Name = "Organisation";
        Description = "An organisation of the agency (HSI, ERO, IROC); every office belongs to one.";
        Field(o => o.Code).Description("Upper-case code, e.g. HSI.");
        Field(o => o.Name).Description("Display name.");
    }
}

/// <summary>
/// GraphQL <c>OfficeKind</c>: the host's kinds (<see cref="OfficeKind.BuiltIn"/>) and those the loaded modules declare
/// (<see cref="OfficeKindDeclaration"/>), composed with the schema; values are the kind codes.
/// </summary>
public sealed class OfficeKindGraphType : EnumerationGraphType
{
    public OfficeKindGraphType(IEnumerable<OfficeKindDeclaration> moduleKinds)
    {
        Name = "OfficeKind";
        Description = "What an office is: SAC (Special Agent in Charge), RAC (Resident Agent in Charge, under a SAC), " +
            "FOD (Field Office Director), FIG (Field Intelligence Group), IROC (Reporting and Operations Center), HQ (headquarters).";
        foreach (var kind in OfficeKind.BuiltIn) Add(kind.Code, kind.Code);
        foreach (var kind in moduleKinds.DistinctBy(k => k.Code).Where(k => !OfficeKind.IsBuiltIn(k.Code)))
            Add(new EnumValueDefinition(kind.Code, kind.Code) { Description = kind.Description });
    }
}

/// <summary>Builds <see cref="OfficeKindGraphType"/> for every schema from the kinds the loaded modules declare.</summary>
public sealed class OfficeKindSchemaContribution : GraphQL.ISchemaContribution
{
    public IEnumerable<IGraphType> ComposedTypes(IReadOnlyList<Modules.LoadedModule> modules) =>
        [new OfficeKindGraphType(modules.SelectMany(m => m.Services.GetServices<OfficeKindDeclaration>()))];
}

public sealed class OfficeGraphType : ObjectGraphType<Office>
{
    public OfficeGraphType()
    {
        Name = "Office";
        Description = "An office. Offices of one city or region share an area code; routing finds the SAC, FOD and FIG of a report's area by it.";
        Field(o => o.Code).Description("Upper-case code, e.g. SAC-NYC; never changes.");
        Field(o => o.Name).Description("Display name.");
        Field<NonNullGraphType<OfficeKindGraphType>>("kind").Description("What the office is.").Resolve(c => c.Source.Kind).MapsTo(o => o.Kind);
        Field<NonNullGraphType<StringGraphType>>("organisation").Description("Code of the organisation the office belongs to.")
            .Resolve(c => c.Source.OrganisationCode).MapsTo(o => o.OrganisationCode);
        Field<StringGraphType>("parent").Description("Code of the office above this one (a RAC's SAC); null for none.")
            .Resolve(c => c.Source.ParentCode).MapsTo(o => o.ParentCode);
        Field(o => o.Area, nullable: true).Description("Code of the city or region the office serves, e.g. NYC; null for national offices.");
        Field(o => o.ReviewMandatory).Description("Whether reports from this office need a supervisor's review before submission.");
    }
}

public sealed class UserGraphType : ObjectGraphType<DirectoryUser>
{
    public UserGraphType()
    {
        Name = "User";
        Description = "A user of the system, as the directory knows them.";
        Field(u => u.UserName).Description("User name (lower case), the subject of the user's tokens.");
        Field(u => u.DisplayName).Description("Name to show.");
        Field<NonNullGraphType<StringGraphType>>("office").Description("Code of the user's office.").Resolve(c => c.Source.OfficeCode).MapsTo(u => u.OfficeCode);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles")
            .Description("The user's roles, e.g. Agent, Supervisor, System Administrator.").Resolve(c => OrderedRoles(c.Source));
        Field(u => u.Disabled).Description("Whether the account is switched off.");
    }

    internal static IReadOnlyList<string> OrderedRoles(DirectoryUser user) =>
        user.Roles.Select(r => r.Role).OrderBy(r => DirectoryRoles.All.ToList().IndexOf(r) is var i and >= 0 ? i : int.MaxValue).ThenBy(r => r, StringComparer.Ordinal).ToList();
}

/// <summary>The caller: who the token says they are, and their name in the directory.</summary>
public sealed record CurrentUser(string UserName, string? DisplayName, string? Office, IReadOnlyList<string> Roles);

public sealed class CurrentUserGraphType : ObjectGraphType<CurrentUser>
{
    public CurrentUserGraphType()
    {
        Name = "CurrentUser";
        Description = "The caller: user name, office and roles as authorization uses them (from the directory for the users it knows, else from the token), display name from the directory.";
        Field(u => u.UserName).Description("User name, the token's subject.");
        Field(u => u.DisplayName, nullable: true).Description("Display name from the directory; null when the directory does not know the user.");
        Field(u => u.Office, nullable: true).Description("Code of your office: the directory's, else the one the token names; null when neither does.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Description("Your roles: the directory's, else the token's.").Resolve(c => c.Source.Roles);
        Field<NonNullGraphType<RulesOfBehaviorStatusGraphType>>("rulesOfBehavior")
            .Description("The Rules of Behavior to acknowledge, and your acknowledgement of them.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<RulesOfBehavior>().StatusAsync(c.Source.UserName, c.CancellationToken));
    }
}

internal static class InputValues
{
    public static Change<T> Read<T>(IDictionary<string, object?> input, string name, Func<object?, T> convert) =>
        input.TryGetValue(name, out var value) ? Change<T>.To(convert(value)) : Change<T>.Unset;

    public static string? String(IDictionary<string, object?> input, string name) => input.TryGetValue(name, out var v) ? v as string : null;

    public static IReadOnlyList<string>? Strings(object? value) => (value as IEnumerable<object?>)?.Select(v => v as string ?? "").ToList();
}

public sealed class CreateOfficeInputGraphType : InputObjectGraphType<CreateOfficeInput>
{
    public CreateOfficeInputGraphType()
    {
        Name = "CreateOfficeInput";
        Description = "A new office.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("Upper-case letters and digits in parts joined by '-', at most 32 characters, e.g. SAC-NYC; unique.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("Display name, at most 200 characters.");
        Field<NonNullGraphType<OfficeKindGraphType>>("kind").Description("What the office is.");
        Field<NonNullGraphType<StringGraphType>>("organisation").Description("Code of an existing organisation.");
        Field<StringGraphType>("parent").Description("Code of the office above: required for a RAC, which belongs to a SAC.");
        Field<StringGraphType>("area").Description("Area code, e.g. NYC: required for SAC, FOD and FIG offices; a RAC takes its SAC's area when omitted.");
        Field<BooleanGraphType>("reviewMandatory").Description("Whether reports from the office need a supervisor's review (default false).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new CreateOfficeInput(
        InputValues.String(value, "code"), InputValues.String(value, "name"), value.TryGetValue("kind", out var kind) && kind is string k ? k : "",
        InputValues.String(value, "organisation"), InputValues.String(value, "parent"), InputValues.String(value, "area"),
        value.TryGetValue("reviewMandatory", out var review) && review is true);
}

public sealed class UpdateOfficeInputGraphType : InputObjectGraphType<UpdateOfficeInput>
{
    public UpdateOfficeInputGraphType()
    {
        Name = "UpdateOfficeInput";
        Description = "Changes an office: fields left out stay as they are; parent and area can be cleared with null.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The office to change (codes never change).");
        Field<StringGraphType>("name").Description("New display name.");
        Field<OfficeKindGraphType>("kind").Description("New kind; an office with RACs below it stays a SAC.");
        Field<StringGraphType>("organisation").Description("Code of an existing organisation.");
        Field<StringGraphType>("parent").Description("Code of the office above; null removes it (not for a RAC).");
        Field<StringGraphType>("area").Description("Area code; null removes it (only for IROC and HQ offices).");
        Field<BooleanGraphType>("reviewMandatory").Description("Whether reports from the office need a supervisor's review.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new UpdateOfficeInput(
        InputValues.String(value, "code"),
        InputValues.Read(value, "name", v => v as string),
        InputValues.Read(value, "kind", v => v as string),
        InputValues.Read(value, "organisation", v => v as string),
        InputValues.Read(value, "parent", v => v as string),
        InputValues.Read(value, "area", v => v as string),
        InputValues.Read(value, "reviewMandatory", v => v as bool?));
}

public sealed class CreateUserInputGraphType : InputObjectGraphType<CreateUserInput>
{
    public CreateUserInputGraphType()
    {
        Name = "CreateUserInput";
        Description = "A new user.";
        Field<NonNullGraphType<StringGraphType>>("userName").Description("1-64 letters, digits, '.', '_', '@' or '-', stored in lower case; unique; the subject of the user's tokens.");
        Field<NonNullGraphType<StringGraphType>>("displayName").Description("Name to show, at most 200 characters.");
        Field<NonNullGraphType<StringGraphType>>("office").Description("Code of an existing office.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Description(
            "At least one of: " + string.Join(", ", DirectoryRoles.All) + ".");
        Field<BooleanGraphType>("disabled").Description("Create the account switched off (default false).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new CreateUserInput(
        InputValues.String(value, "userName"), InputValues.String(value, "displayName"), InputValues.String(value, "office"),
        value.TryGetValue("roles", out var roles) ? InputValues.Strings(roles) : null,
        value.TryGetValue("disabled", out var disabled) && disabled is true);
}

public sealed class UpdateUserInputGraphType : InputObjectGraphType<UpdateUserInput>
{
    public UpdateUserInputGraphType()
    {
        Name = "UpdateUserInput";
        Description = "Changes a user: fields left out stay as they are.";
        Field<NonNullGraphType<StringGraphType>>("userName").Description("The user to change (user names never change).");
        Field<StringGraphType>("displayName").Description("New display name.");
        Field<StringGraphType>("office").Description("Code of the user's new office.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("roles").Description("The user's roles from now on (replaces them all); at least one.");
        Field<BooleanGraphType>("disabled").Description("Switch the account off (true) or on again (false).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new UpdateUserInput(
        InputValues.String(value, "userName"),
        InputValues.Read(value, "displayName", v => v as string),
        InputValues.Read(value, "office", v => v as string),
        InputValues.Read(value, "roles", InputValues.Strings),
        InputValues.Read(value, "disabled", v => v as bool?));
}

public sealed record OfficePayload(Office? Office, IReadOnlyList<UserError> Errors);

public sealed record UserPayload(DirectoryUser? User, IReadOnlyList<UserError> Errors);

public sealed class CreateOfficeErrorGraphType() : UserErrorGraphType("CreateOfficeError");

public sealed class UpdateOfficeErrorGraphType() : UserErrorGraphType("UpdateOfficeError");

public sealed class CreateUserErrorGraphType() : UserErrorGraphType("CreateUserError");

public sealed class UpdateUserErrorGraphType() : UserErrorGraphType("UpdateUserError");

public sealed class CreateOfficePayloadGraphType : ObjectGraphType<OfficePayload>
{
    public CreateOfficePayloadGraphType()
    {
        Name = "CreateOfficePayload";
        Description = "The created office, or why it was not created.";
        Field<OfficeGraphType>("office").Description("The new office; null when there are errors.").Resolve(c => c.Source.Office);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreateOfficeErrorGraphType>>>>("errors").Description("Empty on success.").Resolve(c => c.Source.Errors);
    }
}

public sealed class UpdateOfficePayloadGraphType : ObjectGraphType<OfficePayload>
{
    public UpdateOfficePayloadGraphType()
    {
        Name = "UpdateOfficePayload";
        Description = "The changed office, or why nothing changed.";
        Field<OfficeGraphType>("office").Description("The office after the change; null when there are errors.").Resolve(c => c.Source.Office);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UpdateOfficeErrorGraphType>>>>("errors").Description("Empty on success.").Resolve(c => c.Source.Errors);
    }
}

public sealed class CreateUserPayloadGraphType : ObjectGraphType<UserPayload>
{
    public CreateUserPayloadGraphType()
    {
        Name = "CreateUserPayload";
        Description = "The created user, or why they were not created.";
        Field<UserGraphType>("user").Description("The new user; null when there are errors.").Resolve(c => c.Source.User);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreateUserErrorGraphType>>>>("errors").Description("Empty on success.").Resolve(c => c.Source.Errors);
    }
}

public sealed class UpdateUserPayloadGraphType : ObjectGraphType<UserPayload>
{
    public UpdateUserPayloadGraphType()
    {
        Name = "UpdateUserPayload";
        Description = "The changed user, or why nothing changed.";
        Field<UserGraphType>("user").Description("The user after the change; null when there are errors.").Resolve(c => c.Source.User);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UpdateUserErrorGraphType>>>>("errors").Description("Empty on success.").Resolve(c => c.Source.Errors);
    }
}
