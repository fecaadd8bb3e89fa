namespace SenGraph.Host.Kernel.Agency;

/// <summary>A field of an update input: whether the caller sent it, and its value (null clears where allowed).</summary>
public readonly record struct Change<T>(bool IsSet, T Value)
{
    public static Change<T> Unset => default;

    public static Change<T> To(T value) => new(true, value);
}

/// <summary>What <c>createOffice</c> sends.</summary>
public sealed record CreateOfficeInput(string? Code, string? Name, string Kind, string? Organisation, string? Parent, string? Area, bool ReviewMandatory);

/// <summary>What <c>updateOffice</c> sends: the office's code, and the fields to change.</summary>
public sealed record UpdateOfficeInput(
    string? Code, Change<string?> Name, Change<string?> Kind, Change<string?> Organisation, Change<string?> Parent, Change<string?> Area,
    Change<bool?> ReviewMandatory);

/// <summary>What <c>createUser</c> sends.</summary>
public sealed record CreateUserInput(string? UserName, string? DisplayName, string? Office, IReadOnlyList<string>? Roles, bool Disabled);

/// <summary>What <c>updateUser</c> sends: the user's name, and the fields to change.</summary>
public sealed record UpdateUserInput(
    string? UserName, Change<string?> DisplayName, Change<string?> Office, Change<IReadOnlyList<string>?> Roles, Change<bool?> Disabled);
