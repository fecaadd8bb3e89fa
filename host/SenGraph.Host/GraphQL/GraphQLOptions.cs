namespace SenGraph.Host.GraphQL;

/// <summary>
/// The configuration section <c>GraphQL</c>: the document cache and every abuse limit, shared by the
/// HTTP and the WebSocket transport. Checked at start by <see cref="Limits.GraphQLOptionsValidator"/>.
/// </summary>
public sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>
    /// Total length, in characters, of the queries whose parsed and validated documents are kept. Sized by
    /// length, not count: a parsed document takes many times its text's size.
    /// </summary>
    public int DocumentCacheCharacters { get; set; } = 2_000_000;

    /// <summary>Longest query accepted, in characters; longer ones are refused before parsing (413).</summary>
    public int MaxQueryLength { get; set; } = 32_768;

    /// <summary>Most lexical tokens (names, punctuators, values) a query may have; counted before parsing.</summary>
    public int MaxTokens { get; set; } = 5_000;

    /// <summary>Deepest nesting of fields in the executed operation (fragments expanded; the root fields are level 1).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Highest estimated cost of the executed operation: every field costs 1, times the multipliers of the
    /// fields above it. A connection field multiplies what is under it by its <c>first</c>/<c>last</c> (or its
    /// default page size); another list field by <see cref="DefaultListMultiplier"/>.
    /// </summary>
    public int MaxComplexity { get; set; } = 25_000;

    /// <summary>What a list field that is not a connection multiplies the cost of its selection by.</summary>
    public int DefaultListMultiplier { get; set; } = 5;

    /// <summary>Most aliased fields in the executed operation (fragments counted each time they are spread).</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most directives (<c>@skip</c>, <c>@include</c>, …) in the executed operation (fragments counted each time they are spread).</summary>
    public int MaxDirectives { get; set; } = 30;

    /// <summary>How long one operation may execute; then it is cancelled and answered with <c>TIMEOUT</c>. Subscriptions are timed until their stream starts.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>"Did you mean …?" in validation errors. Unset: in Development only.</summary>
    public bool? FieldSuggestions { get; set; }

    /// <summary>Introspection (<c>__schema</c>, <c>__type</c>) for callers without a token. Unset: everywhere but Production.</summary>
    public bool? AnonymousIntrospection { get; set; }

    /// <summary>
    /// Exception messages of failed resolvers in errors (never stack traces), for debugging. Off by default, in
    /// every environment: the client gets "Internal server error." with code <c>INTERNAL_SERVER_ERROR</c> and
    /// the exception is logged.
    /// </summary>
    public bool ExposeExceptionMessages { get; set; }

    /// <summary>The allow-list of trusted operations.</summary>
    public PersistedOperationsOptions PersistedOperations { get; set; } = new();
}

/// <summary>The configuration section <c>GraphQL:PersistedOperations</c>.</summary>
public sealed class PersistedOperationsOptions
{
    /// <summary><see cref="PersistedOperationsMode.Off"/> (any operation) or <see cref="PersistedOperationsMode.AllowListOnly"/>.</summary>
    public PersistedOperationsMode Mode { get; set; } = PersistedOperationsMode.Off;

    /// <summary>
    /// The JSON file of trusted operations: an object mapping the lower-case hex SHA-256 of each operation's
    /// exact text to that text. Relative to the host's folder. Required with <see cref="PersistedOperationsMode.AllowListOnly"/>.
    /// </summary>
    public string? File { get; set; }
}

public enum PersistedOperationsMode
{
    /// <summary>Any operation is accepted (the other limits still apply).</summary>
    Off,

    /// <summary>Only operations in the allow-list file are executed.</summary>
    AllowListOnly,
}
