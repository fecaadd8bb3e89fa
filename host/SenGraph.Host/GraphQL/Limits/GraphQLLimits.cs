using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace SenGraph.Host.GraphQL.Limits;

/// <summary>
/// The abuse limits of the <c>GraphQL</c> section, resolved for this environment: the one place both
/// transports get them from. Registered with GraphQL.NET (see <see cref="GraphQLLimitsExtensions"/>), so
/// every <see cref="ExecutionOptions"/> that reaches <see cref="IDocumentExecuter"/>, over HTTP or over a
/// WebSocket, carries the same validation rules, timeout, allow-list check and error hygiene.
/// </summary>
public sealed partial class GraphQLLimits
{
    public GraphQLLimits(IOptions<GraphQLOptions> options, IHostEnvironment environment)
    {
        Options = options.Value;
        FieldSuggestions = Options.FieldSuggestions ?? environment.IsDevelopment();
        AnonymousIntrospection = Options.AnonymousIntrospection ?? !environment.IsProduction();
        ExposeExceptionMessages = Options.ExposeExceptionMessages;
        if (Options.PersistedOperations.Mode == PersistedOperationsMode.AllowListOnly)
            AllowList = PersistedOperationList.Load(GraphQLOptionsValidator.AllowListPath(environment, Options.PersistedOperations));
        Complexity = ComplexityLimits.CreateRule(Options);
        OperationSize = new OperationSizeRule(Options.MaxAliases, Options.MaxDirectives, Options.MaxComplexity);
    }

    public GraphQLOptions Options { get; }

    public bool FieldSuggestions { get; }

    public bool AnonymousIntrospection { get; }

    public bool ExposeExceptionMessages { get; }

    /// <summary>The trusted operations when the allow-list mode is on; null otherwise.</summary>
    public PersistedOperationList? AllowList { get; }

    /// <summary>Depth and cost (GraphQL.NET's complexity analyzer). Runs for cached documents too: the cost depends on variables.</summary>
    public ComplexityValidationRule Complexity { get; }

    /// <summary>Aliases, directives and fields of the operation run. Runs for cached documents too: the same text may name another operation.</summary>
    public OperationSizeRule OperationSize { get; }

    /// <summary>Why <paramref name="query"/> is too long to parse, or null.</summary>
    public string? QueryLengthError(string? query) => query is not null && query.Length > Options.MaxQueryLength
        ? $"The query has {query.Length} characters; at most {Options.MaxQueryLength} are accepted."
        : null;

    /// <summary>
    /// Whether a request without query text still names an operation (a <c>documentId</c> or Apollo's
    /// <c>extensions.persistedQuery</c>): it goes on to execution, where the allow-list answers it.
    /// </summary>
    public static bool NamesPersistedOperation(string? documentId, IReadOnlyDictionary<string, object?>? extensions) =>
        !string.IsNullOrEmpty(documentId) || extensions?.ContainsKey("persistedQuery") == true;

    internal static ExecutionResult Refuse(string code, string message) =>
        new() { Errors = [new ExecutionError(message) { Code = code }] };

    /// <summary>
    /// Runs first, before the document cache: resolves persisted operations and applies the allow-list (so a
    /// cached document cannot skip it), sets the timeout (GraphQL.NET applies it to validation and execution
    /// alike), cancels the operation when the host starts shutting down, and after execution takes suggestions
    /// out of errors where they are off.
    /// </summary>
    internal sealed class Execution(GraphQLLimits limits, IHostApplicationLifetime lifetime) : IConfigureExecution
    {
        public float SortOrder => 150;

        public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
        {
            if (limits.ResolvePersistedOperation(options) is { } refused) return refused;
            if (limits.QueryLengthError(options.Query) is { } tooLong) return Refuse(LimitErrorCodes.QueryTooLarge, tooLong);

            options.Timeout = limits.Options.ExecutionTimeout;
            options.TimeoutAction = TimeoutAction.ReturnTimeoutError;
            // A running request must not hold up shutdown (Kestrel would wait for it): stopping cancels it like a client leaving.
            var caller = options.CancellationToken;
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(caller, lifetime.ApplicationStopping);
            options.CancellationToken = cancellation.Token;
            ExecutionResult result;
            try
            {
                result = await next(options);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !caller.IsCancellationRequested)
            {
                return Refuse(LimitErrorCodes.ShuttingDown, "The server is shutting down; send the request again.");
            }
            finally
            {
                options.CancellationToken = caller;
            }

            if (result.Errors is { Count: > 0 } errors)
            {
                var tidied = new ExecutionErrors();
                foreach (var error in Collapsed(errors))
                {
                    if (error is TimeoutError) error.Code = LimitErrorCodes.Timeout;
                    tidied.Add(limits.FieldSuggestions ? error : WithoutSuggestion(error) ?? error);
                }

                result.Errors = tidied;
            }

            return result;
        }
    }

    /// <summary>
    /// Counts the query's tokens before it is parsed. Runs after the document cache, so only for text that
    /// is not cached (a cached text passed it already).
    /// </summary>
    internal sealed class TokenLimit(GraphQLLimits limits) : IConfigureExecution
    {
        public float SortOrder => 250;

        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
        {
            if (options.Document is null && options.Query is { } query && CountTokens(query, limits.Options.MaxTokens) > limits.Options.MaxTokens)
                return Task.FromResult(Refuse(LimitErrorCodes.MaxTokensExceeded,
                    $"The query has more than {limits.Options.MaxTokens} tokens; at most {limits.Options.MaxTokens} are accepted."));
            return next(options);
        }
    }

    /// <summary>Tokens in <paramref name="query"/>, counting stops past <paramref name="max"/>. A lexical error stops counting: the parser reports it.</summary>
    public static int CountTokens(string query, int max)
    {
        var source = new ROM(query.AsMemory());
        var count = 0;
        var position = 0;
        try
        {
            while (count <= max)
            {
                var token = Lexer.Lex(source, position);
                if (token.Kind == TokenKind.EOF) break;
                count++;
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
        }

        return count;
    }

    /// <summary>
    /// <c>AllowListOnly</c>: a request may name a trusted operation by <c>documentId</c> (<c>sha256:&lt;hash&gt;</c>
    /// or the bare hash) or by <c>extensions.persistedQuery.sha256Hash</c>, or send the trusted text itself.
    /// Anything else is refused. <c>Off</c>: text is required; a hash alone is answered as not supported.
    /// </summary>
    private ExecutionResult? ResolvePersistedOperation(ExecutionOptions options)
    {
        var hash = RequestedHash(options);
        if (AllowList is null)
        {
            return string.IsNullOrEmpty(options.Query) && hash is not null
                ? Refuse(LimitErrorCodes.PersistedQueryNotSupported, "Persisted operations are not enabled on this server; send the query text.")
                : null;
        }

        if (string.IsNullOrEmpty(options.Query))
        {
            if (hash is null)
                return Refuse(LimitErrorCodes.OperationNotAllowed, "Only trusted operations are accepted: send a documentId or extensions.persistedQuery.sha256Hash.");
            if (!AllowList.TryGet(hash, out var query))
                return Refuse(LimitErrorCodes.PersistedQueryNotFound, $"No trusted operation has the hash {Shorten(hash)}.");
            options.Query = query;
            return null;
        }

        var actual = PersistedOperationList.Hash(options.Query);
        if (hash is not null && !string.Equals(hash, actual, StringComparison.OrdinalIgnoreCase))
            return Refuse(LimitErrorCodes.PersistedQueryHashMismatch, "The query text does not match the hash sent with it.");
        return AllowList.Contains(actual)
            ? null
            : Refuse(LimitErrorCodes.OperationNotAllowed, "Only trusted operations are accepted, and this one is not on the allow-list.");
    }

    private static string? RequestedHash(ExecutionOptions options)
    {
        if (!string.IsNullOrEmpty(options.DocumentId))
            return options.DocumentId.StartsWith("sha256:", StringComparison.Ordinal) ? options.DocumentId["sha256:".Length..] : options.DocumentId;
        if (options.Extensions?.TryGetValue("persistedQuery", out var persisted) == true && persisted is IReadOnlyDictionary<string, object?> apq)
            return apq.TryGetValue("sha256Hash", out var value) && value is string sha ? sha : "";
        return null;
    }

    private static string Shorten(string hash) => hash.Length > 80 ? hash[..80] + "…" : hash;

    /// <summary>
    /// Errors without a path (the document's, not a field's) that say the same thing once, with how many times it
    /// was found in <c>extensions.occurrences</c>: a thousand copies of one unknown directive are one error, not
    /// an answer 60 times the size of the question.
    /// </summary>
    internal static IEnumerable<ExecutionError> Collapsed(IEnumerable<ExecutionError> errors)
    {
        var seen = new Dictionary<(string?, string), (ExecutionError First, int Count)>();
        var order = new List<ExecutionError>();
        foreach (var error in errors)
        {
            if (error.Path is not null)
            {
                order.Add(error);
                continue;
            }

            var key = (error.Code, error.Message);
            if (seen.TryGetValue(key, out var known))
            {
                seen[key] = (known.First, known.Count + 1);
                continue;
            }

            seen[key] = (error, 1);
            order.Add(error);
        }

        foreach (var (first, count) in seen.Values)
        {
            if (count == 1) continue;
            first.Extensions ??= new Dictionary<string, object?>();
            first.Extensions["occurrences"] = count;
        }

        return order;
    }

    /// <summary>A copy of a validation error without its "Did you mean …?" sentence, or null when it has none.</summary>
    private static ExecutionError? WithoutSuggestion(ExecutionError error)
    {
        if (error is not ValidationError validation || !Suggestion().IsMatch(error.Message)) return null;
        var tidy = new ValidationError(Suggestion().Replace(error.Message, "")) { Code = validation.Code, Number = validation.Number, Path = validation.Path, Extensions = validation.Extensions };
        foreach (var location in validation.Locations ?? []) tidy.AddLocation(location);
        return tidy;
    }

    [GeneratedRegex(@"\s*Did you mean\b.*$", RegexOptions.Singleline)]
    private static partial Regex Suggestion();
}
