namespace SenGraph.Contracts.Schema;

/// <summary>
/// An error a mutation returns in its payload's <c>errors</c> list: something the caller can fix
/// (bad input, a stale edit, a forbidden transition), as opposed to a GraphQL request error.
/// </summary>
/// <param name="Code">Stable machine-readable code, upper snake case (<c>VALIDATION_FAILED</c>).</param>
/// <param name="Message">Human-readable explanation.</param>
/// <param name="Path">Path of the input field at fault, from the mutation's <c>input</c> argument.</param>
public sealed record UserError(string Code, string Message, IReadOnlyList<string> Path)
{
    /// <summary>An error on one input field.</summary>
    public static UserError ForField(string code, string message, params string[] path) => new(code, message, ["input", .. path]);
}
