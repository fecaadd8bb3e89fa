using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace SenGraph.Host.GraphQL.Authorization;

/// <summary>A request selected something the caller may not see.</summary>
public sealed class AuthorizationError : ValidationError
{
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    public AuthorizationError(ROM source, ASTNode node, bool authenticated, string message)
        : base(source, null, message, node)
    {
        Code = authenticated ? NotAuthorized : NotAuthenticated;
    }

    public bool IsAuthenticationFailure => Code == NotAuthenticated;
}
