using GraphQL;

namespace SenGraph.Contracts.Querying;

/// <summary>The codes (<c>extensions.code</c>) of the errors paging, filtering and sorting report.</summary>
public static class QueryingErrorCodes
{
    /// <summary><c>first</c> and <c>last</c> together, or a negative page size.</summary>
    public const string PagingInvalidArgument = "PAGING_INVALID_ARGUMENT";

    /// <summary><c>first</c> or <c>last</c> above the field's maximum page size.</summary>
    public const string PagingMaxExceeded = "PAGING_MAX_EXCEEDED";

    /// <summary>An <c>after</c> or <c>before</c> cursor this server did not issue.</summary>
    public const string PagingInvalidCursor = "PAGING_INVALID_CURSOR";

    /// <summary>A filter value that does not fit the field (for instance <c>gt: null</c>, or an id that is not one).</summary>
    public const string FilterInvalidValue = "FILTER_INVALID_VALUE";

    /// <summary>An <c>order</c> entry naming more or less than one field.</summary>
    public const string SortInvalidArgument = "SORT_INVALID_ARGUMENT";

    /// <summary><c>and</c>/<c>or</c> nested deeper than the field allows.</summary>
    public const string FilterTooDeep = "FILTER_TOO_DEEP";

    /// <summary>An <c>in</c>, <c>nin</c>, <c>and</c> or <c>or</c> list longer than the field allows.</summary>
    public const string FilterListTooLong = "FILTER_LIST_TOO_LONG";
}

/// <summary>A GraphQL error in the caller's paging, filtering or sorting arguments.</summary>
public sealed class QueryingException : ExecutionError
{
    public QueryingException(string code, string message) : base(message) => Code = code;
}
