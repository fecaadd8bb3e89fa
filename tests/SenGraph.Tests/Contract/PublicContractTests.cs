using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using SenGraph.Contracts.Agency;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Security;

namespace SenGraph.Tests.Contract;

/// <summary>
/// What clients switch on, written out here as literals and never taken from the code under test: every
/// <c>extensions.code</c> and WebSocket close code the README documents, and the role names tokens carry. Renaming
/// one in the code or in the README fails a test here (and the behaviour tests that assert the same literals).
/// </summary>
public sealed partial class PublicContractTests
{
    /// <summary>Every error code README.md documents, as clients see it in <c>extensions.code</c> or a payload's <c>errors</c>.</summary>
    public static readonly IReadOnlyList<string> DocumentedErrorCodes =
    [
        "ACCESS_CHANGED", "ACCOUNT_DISABLED", "ALREADY_SENT", "ACCOUNT_LOCKED", "ACCOUNT_NOT_APPROVED", "AUDIT_UNAVAILABLE",
        "AUTH_NOT_AUTHENTICATED", "AUTH_NOT_AUTHORIZED", "BATCHING_NOT_SUPPORTED", "CONFLICT", "DOCUMENT_TOO_DEEP",
        "ILLEGAL_TRANSITION", "INTERNAL_SERVER_ERROR", "INVALID_CORRECTION", "INVALID_DOCUMENT", "INVALID_HOLD", "INVALID_REQUEST", "INVALID_SEARCH", "INVALID_UNICODE", "MAX_ALIASES_EXCEEDED",
        "MAX_COMPLEXITY_EXCEEDED", "MAX_DEPTH_EXCEEDED", "MAX_DIRECTIVES_EXCEEDED",
        "MAX_INTROSPECTION_DEPTH_EXCEEDED", "MAX_TOKENS_EXCEEDED", "NAME_TAKEN", "NOT_AUTHORIZED", "NOT_FOUND", "NOT_SUBMITTED", "NOT_SUMMARISABLE",
        "OPERATION_NOT_ALLOWED", "PAGING_INVALID_CURSOR", "PERSISTED_QUERY_HASH_MISMATCH",
        "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED", "QUERY_TOO_LARGE", "RECIPIENT_OUTSIDE_AGENCY", "ROLE_CONFLICT",
        "RULES_OF_BEHAVIOR_NOT_ACKNOWLEDGED", "SAVED_QUERY_NOT_FOUND", "SELF_ADMINISTRATION", "SELF_REVIEW", "SERVER_SHUTTING_DOWN",
        "STATISTICS_SUPPRESSED", "SUBSCRIPTION_FIELD_REMOVED", "SUPERVISOR_NOT_IN_OFFICE", "TIMEOUT",
        "TOO_MANY_FAILED_LOGONS", "UNKNOWN_RECIPIENT", "VERSION_MISMATCH",
        // Secure Communities: the import's row errors, the range check of its queries, readiness.
        "BAD_HEADER", "DUPLICATE", "INVALID_ARGUMENT", "INVALID_VALUE", "NOT_A_MATCH", "NOT_READY", "REQUIRED", "TOO_LONG", "UNKNOWN_TRANSMISSION",
    ];

    /// <summary>Upper-case words in README.md's code spans that are not error codes: audit problems, SQL, SQLite settings, variables, benchmark output.</summary>
    private static readonly IReadOnlyList<string> DocumentedNonCodes =
    [
        "ALTERED", "INSERTED", "REMOVED", "REORDERED", "TRUNCATED", "INSERT", "UPDATE", "DELETE", "SELECT",
        "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "LIMIT", "OFFSET", "FULL", "NORMAL", "MISSED", "MERGE",
    ];

    /// <summary>The graphql-transport-ws close codes README.md documents, with the words it gives each.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> DocumentedCloseCodes =
    [
        (4400, "invalid message"), (4401, "unauthorized"), (4403, "forbidden"), (4406, "wrong subprotocol"),
        (4408, "init timeout"), (4409, "duplicate id"), (4429, "too many inits"),
    ];

    /// <summary>The PIA 8.1 roles, spelled as tokens and the directory carry them.</summary>
    public static readonly IReadOnlyList<string> Roles =
    [
        "Agent", "Supervisor", "Office Manager", "IROC Staff", "Headquarters Agent", "HSI Intelligence",
        "Public Affairs Officer", "Office of Professional Responsibility", "Statistics Analyst", "System Administrator",
        "Records Officer", "Privacy Officer",
        "Partner Agency Consumer",
    ];

    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [GeneratedRegex("`([A-Z][A-Z0-9_]{2,})`")]
    private static partial Regex UpperCaseCodeSpan();

    [Fact]
    public void The_readme_documents_exactly_the_pinned_error_codes()
    {
        var documented = UpperCaseCodeSpan().Matches(Readme).Select(m => m.Groups[1].Value).Except(DocumentedNonCodes).ToHashSet();

        Assert.Equal(DocumentedErrorCodes.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_pinned_error_code_is_still_a_string_the_built_server_contains()
    {
        var strings = ServerStrings();

        Assert.All(DocumentedErrorCodes, code => Assert.Contains(code, strings));
    }

    [Fact]
    public void The_readme_documents_the_pinned_close_codes()
    {
        Assert.All(DocumentedCloseCodes, c => Assert.Contains($"{c.Code} {c.Meaning}", Readme));
        Assert.Contains("then 1009", Readme); // a message over GraphQL:WebSockets:MaxMessageSize
        Assert.Contains("4403 `Forbidden: account disabled`", Readme);
        Assert.Contains("4403 `Forbidden: account locked`", Readme);
    }

    [Fact]
    public void The_role_names_are_the_pinned_ones_in_the_code_the_tests_and_the_readme()
    {
        Assert.Equal(Roles, DirectoryRoles.All);
        Assert.Equal(Roles, AgencyRoles.All.Select(a => a.Role));
        Assert.All(Roles, role => Assert.Matches($@"\n\| {Regex.Escape(role)} \| ", Readme)); // a row of the roles table
    }

    /// <summary>
    /// Every string literal (the #US heap, where each use of a constant is compiled to) and every string constant of
    /// the host, the contracts and the shipped modules.
    /// </summary>
    private static HashSet<string> ServerStrings()
    {
        var assemblies = new[] { Path.Combine(RepoPaths.HostOutput, "SenGraph.Host.dll"), Path.Combine(RepoPaths.HostOutput, "SenGraph.Contracts.dll") }
            .Concat(Directory.GetDirectories(RepoPaths.ShippedPlugins).Select(d => Path.Combine(d, Path.GetFileName(d) + ".dll")))
            .ToList();
        var strings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in assemblies)
        {
            using var pe = new PEReader(File.OpenRead(file));
            var metadata = pe.GetMetadataReader();
            for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
                strings.Add(metadata.GetUserString(handle));
            for (var row = 1; row <= metadata.GetTableRowCount(TableIndex.Constant); row++)
            {
                var constant = metadata.GetConstant(MetadataTokens.ConstantHandle(row));
                if (constant.TypeCode != ConstantTypeCode.String) continue;
                var blob = metadata.GetBlobReader(constant.Value);
                strings.Add(blob.ReadUTF16(blob.Length));
            }
        }

        Assert.True(strings.Count > 100, $"Read only {strings.Count} strings from {string.Join(", ", assemblies)}");
        return strings;
    }
}
