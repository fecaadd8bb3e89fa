using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace SenGraph.Contracts.Reports.Kit;

/// <summary>Which shared list a module adds a value to.</summary>
public enum ReportVocabulary
{
    /// <summary>The part a person plays (<see cref="ReportPerson.Role"/>, GraphQL <c>PersonRole</c>).</summary>
    PersonRole,

    /// <summary>Why a contact is named (<see cref="ReportContact.Kind"/>, GraphQL <c>ContactKind</c>).</summary>
    ContactKind,
}

/// <summary>A value a module adds to a shared list for its types, e.g. the contact kind <c>RequestingParty</c> of a LEARA.</summary>
/// <param name="Vocabulary">The list.</param>
/// <param name="Name">Stored name, PascalCase (<c>RequestingParty</c>); the GraphQL value is its CONSTANT_CASE (<c>REQUESTING_PARTY</c>).</param>
/// <param name="Description">The GraphQL value's description.</param>
public sealed record ReportVocabularyValue(ReportVocabulary Vocabulary, string Name, string Description);

/// <summary>Adding person roles and contact kinds.</summary>
public static partial class ReportVocabularyServiceCollectionExtensions
{
    /// <summary>Adds a person role (e.g. <c>Organisation</c> for a business named on a report) to the GraphQL enum <c>PersonRole</c> while the module is loaded.</summary>
    public static IServiceCollection AddPersonRole(this IServiceCollection services, string name, string description) =>
        services.Add(ReportVocabulary.PersonRole, name, description, PersonRole.BuiltIn);

    /// <summary>Adds a contact kind (e.g. <c>RequestingParty</c>, <c>DutyOfficer</c>) to the GraphQL enum <c>ContactKind</c> while the module is loaded.</summary>
    public static IServiceCollection AddContactKind(this IServiceCollection services, string name, string description) =>
        services.Add(ReportVocabulary.ContactKind, name, description, ContactKind.BuiltIn);

    private static IServiceCollection Add(this IServiceCollection services, ReportVocabulary vocabulary, string name, string description, IReadOnlyList<string> builtIn)
    {
        if (!NameRegex().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a {vocabulary} name (PascalCase letters and digits, at most {ReportLimits.StatusMaxLength}).", nameof(name));
        if (builtIn.Contains(name))
            throw new ArgumentException($"'{name}' is one of the host's {vocabulary} values already.", nameof(name));
        if (string.IsNullOrWhiteSpace(description))
            throw new ArgumentException($"{vocabulary} '{name}' needs a description.", nameof(description));
        return services.AddSingleton(new ReportVocabularyValue(vocabulary, name, description));
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]{1,31}$")]
    private static partial Regex NameRegex();
}
