namespace SenGraph.Host.GraphQL.Transports.WebSockets;

/// <summary>Limits of the <c>graphql-transport-ws</c> transport (configuration section <c>GraphQL:WebSockets</c>).</summary>
public sealed class GraphQLWebSocketOptions
{
    public const string Section = "GraphQL:WebSockets";

    /// <summary>How long a new socket may take to send <c>connection_init</c> before it is closed with 4408.</summary>
    public TimeSpan ConnectionInitWaitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How many operations (<c>subscribe</c> messages: subscriptions, and queries or mutations still executing)
    /// one socket may have active at once; one more is answered with an <c>error</c> message.
    /// </summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 100;

    /// <summary>The largest message, in bytes, a client may send; a larger one closes the socket with 1009.</summary>
    public int MaxMessageSize { get; set; } = 64 * 1024;

    /// <summary>How long a socket may stay open without any operation (pings do not count); then it is closed with 1000.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sockets one user may have open at once; one more is closed at <c>connection_init</c> with 1008.</summary>
    public int MaxConnectionsPerUser { get; set; } = 10;

    /// <summary>Sockets one client address may have open at once; one more upgrade request is answered 429.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 100;

    /// <summary>
    /// Whether a socket without a token may stay open. Unset: everywhere but Production. Where it may not, a socket
    /// acknowledged without a token is closed with 4401 once <see cref="ConnectionInitWaitTimeout"/> has passed since it opened.
    /// </summary>
    public bool? AllowAnonymous { get; set; }
}
