namespace SenGraph.Host.GraphQL.Limits;

/// <summary>The <c>extensions.code</c> of every refusal by a limit.</summary>
public static class LimitErrorCodes
{
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";
    public const string MaxAliasesExceeded = "MAX_ALIASES_EXCEEDED";
    public const string MaxDirectivesExceeded = "MAX_DIRECTIVES_EXCEEDED";
    public const string MaxIntrospectionDepthExceeded = "MAX_INTROSPECTION_DEPTH_EXCEEDED";
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";
    public const string QueryTooLarge = "QUERY_TOO_LARGE";
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";
    public const string Timeout = "TIMEOUT";
    public const string ShuttingDown = "SERVER_SHUTTING_DOWN";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string OperationNotAllowed = "OPERATION_NOT_ALLOWED";
    public const string DocumentTooDeep = "DOCUMENT_TOO_DEEP";
    public const string InvalidUnicode = "INVALID_UNICODE";
}
