using Microsoft.Extensions.Options;

namespace SenGraph.Host.GraphQL.Transports.WebSockets;

/// <summary>Checks the <c>GraphQL:WebSockets</c> section at start; a bad value stops the host naming the key and what it must be.</summary>
public sealed class GraphQLWebSocketOptionsValidator : IValidateOptions<GraphQLWebSocketOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphQLWebSocketOptions options)
    {
        List<string> failures = [];
        void AtLeast(string key, long value, long minimum)
        {
            if (value < minimum) failures.Add($"{GraphQLWebSocketOptions.Section}:{key} must be at least {minimum} (it is {value}).");
        }

        void Duration(string key, TimeSpan value)
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
                failures.Add($"{GraphQLWebSocketOptions.Section}:{key} must be more than 00:00:00 and at most 1.00:00:00 (it is {value}).");
        }

        Duration(nameof(options.ConnectionInitWaitTimeout), options.ConnectionInitWaitTimeout);
        Duration(nameof(options.IdleTimeout), options.IdleTimeout);
        AtLeast(nameof(options.MaxSubscriptionsPerConnection), options.MaxSubscriptionsPerConnection, 1);
        AtLeast(nameof(options.MaxMessageSize), options.MaxMessageSize, 1024);
        AtLeast(nameof(options.MaxConnectionsPerUser), options.MaxConnectionsPerUser, 1);
        AtLeast(nameof(options.MaxConnectionsPerAddress), options.MaxConnectionsPerAddress, 1);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
