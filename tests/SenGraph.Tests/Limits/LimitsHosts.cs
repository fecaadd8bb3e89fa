using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SenGraph.Contracts.Security;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Limits;

/// <summary>
/// The shipped modules, the abuse test module (a resolver that waits for cancellation, one that throws) and
/// the ticker (a subscription), in <paramref name="environment"/>, with the limits in <paramref name="settings"/>.
/// Outside Development it signs with <see cref="ProductionKey"/> and <see cref="Token"/> mints tokens with it.
/// Everything the host logs at Error is kept in <see cref="Errors"/>.
/// </summary>
public class LimitsHost(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null)
    : TestHost(CreatePlugins(), environment, WithKey(environment, settings))
{
    public const string ProductionKey = "a-production-key-of-more-than-thirty-two-bytes-0123456789";

    /// <summary>The message of the exception <c>abuseFailure</c> throws (SenGraph.TestModules.Abuse's AbuseModule.FailureMessage).</summary>
    public const string FailureMessage = "SQLite Error 1: 'no such column: secret_4711'. SELECT password FROM users WHERE name = 'root'";

    private readonly string _environment = environment;

    public CapturingLoggerProvider Errors { get; } = new();

    public static PluginsFolder CreatePlugins() => new PluginsFolder()
        .WithShippedModules()
        .WithTestModule("SenGraph.TestModules.Abuse")
        .WithTestModule("SenGraph.TestModules.Ticker");

    /// <summary>A token this host accepts: the development token in Development, one signed with <see cref="ProductionKey"/> elsewhere.</summary>
    public new string Token(string user = "alice", string roles = "Agent", string office = "SAC-NYC", bool acknowledgeRules = true)
    {
        if (_environment == "Development") return base.Token(user, roles, office, acknowledgeRules);
        if (acknowledgeRules) AcknowledgeRulesOfBehavior(user);
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new(SenGraphClaims.UserName, user), new(SenGraphClaims.Office, office) };
        claims.AddRange(roles.Split(',').Select(r => new Claim(SenGraphClaims.Role, r)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "sengraph",
            Audience = "sengraph",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ProductionKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Errors)));
    }

    private static IReadOnlyDictionary<string, string?> WithKey(string environment, IReadOnlyDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (environment != "Development") all.TryAdd("Authentication:SigningKey", ProductionKey);
        all.TryAdd("Security:Accounts:AcceptUnknownUsers", "true"); // outside Development the directory is empty

        return all;
    }
}

/// <summary>Keeps what is logged at Error or above, with its exception.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<(string Category, string Message, Exception? Exception)> _entries = [];

    public IReadOnlyList<(string Category, string Message, Exception? Exception)> Entries
    {
        get
        {
            lock (_entries) return [.. _entries];
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            lock (provider._entries) provider._entries.Add((category, formatter(state, exception), exception));
        }
    }
}

/// <summary>
/// Development, with small limits so that each attack is short, and exception messages shown. The execution timeout is
/// short enough for the timeout tests to wait for it, and long enough (five seconds) that the tests expecting success
/// do not meet it on a loaded machine.
/// </summary>
public sealed class SmallLimitsHost() : LimitsHost("Development", Settings)
{
    public const int MaxAliases = 5;
    public const int MaxDirectives = 5;
    public const int MaxTokens = 200;
    public const int MaxComplexity = 500;
    public static readonly TimeSpan ExecutionTimeout = TimeSpan.FromSeconds(5);

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["GraphQL:MaxAliases"] = MaxAliases.ToString(),
        ["GraphQL:MaxDirectives"] = MaxDirectives.ToString(),
        ["GraphQL:MaxTokens"] = MaxTokens.ToString(),
        ["GraphQL:MaxComplexity"] = MaxComplexity.ToString(),
        ["GraphQL:ExecutionTimeout"] = ExecutionTimeout.ToString(),
        ["GraphQL:ExposeExceptionMessages"] = "true",
    };
}

/// <summary>Production with the default limits.</summary>
public sealed class ProductionLimitsHost() : LimitsHost("Production");

/// <summary>Development with the default limits.</summary>
public sealed class DefaultLimitsHost() : LimitsHost("Development");
