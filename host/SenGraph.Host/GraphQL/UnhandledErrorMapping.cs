using GraphQL;

namespace SenGraph.Host.GraphQL;

/// <summary>
/// A feature's meaning for an exception no resolver handled (registered by the feature's own <c>AddX</c>): the error
/// clients see instead of "Internal server error.", or null when the exception is not the feature's. The exception
/// is logged first either way (<see cref="Limits.GraphQLLimitsExtensions"/>).
/// </summary>
public sealed record UnhandledErrorMapping(Func<Exception, ExecutionError?> Map);
