using GraphQL;
using GraphQL.DI;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using SenGraph.Contracts.Security;
using SenGraph.Host.GraphQL;
using SenGraph.Host.GraphQL.Authorization;
using SenGraph.Host.GraphQL.Limits;
using SenGraph.Host.Hosting;

namespace SenGraph.Host.Security;

/// <summary>Who is asking (authentication and the logon check), what they may do (authorization), and the Rules of Behavior gate.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>Bearer tokens signed with the configured key, checked against the directory on every request (<see cref="LogonGuard"/>).</summary>
    public static IServiceCollection AddSenGraphAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = services.AddSettings<AuthenticationSettings>(configuration, AuthenticationSettings.Section, s => s.Problems(environment));
        var key = settings.Validate(environment);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKey = key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = SenGraphClaims.UserName,
                RoleClaimType = SenGraphClaims.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            // The GraphQL endpoint audits the rejection (LogonGuard) and refuses the request.
            o.Events = new JwtBearerEvents
            {
                OnAuthenticationFailed = context =>
                {
                    context.HttpContext.Items[LogonGuard.FailureItem] = LogonGuard.TokenFailureReason(context.Exception);
                    return Task.CompletedTask;
                },
            };
        });

        services.AddSettings<LockoutSettings>(configuration, LockoutSettings.Section, s => s.Problems());
        services.AddSettings<AccountSettings>(configuration, AccountSettings.Section, s => s.Problems());
        services.AddSingleton<DirectoryAccounts>();
        services.AddSingleton<TokenEvidence>();
        services.AddSingleton<UnverifiedLogonFailures>();
        services.AddHostedService<UnverifiedLogonFailuresFlusher>();
        services.AddSingleton<LogonGuard>();
        return services;
    }

    /// <summary>ASP.NET Core's policies, fed the directory's roles (<see cref="DirectoryClaims"/>), and the schema's <c>@pii</c> directive.</summary>
    public static IServiceCollection AddSenGraphAuthorization(this IServiceCollection services)
    {
        services.AddAuthorization();
        services.AddSingleton<Microsoft.AspNetCore.Authentication.IClaimsTransformation, DirectoryClaims>();
        services.AddSchemaContribution<PiiSchemaContribution>();
        return services;
    }

    /// <summary>The one enforcement point of the fields' policies (which also decides anonymous introspection), for every execution.</summary>
    public static IGraphQLBuilder AddSenGraphAuthorization(this IGraphQLBuilder graphQL) =>
        graphQL.AddValidationRule(sp => new AuthorizationValidationRule(sp.GetRequiredService<GraphQLLimits>().AnonymousIntrospection), useForCachedDocuments: true);

    /// <summary>The Rules of Behavior (PIA 8.3): settings checked now, the acknowledgements, and the acknowledging mutation.</summary>
    public static IServiceCollection AddRulesOfBehavior(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RulesOfBehaviorOptions>(configuration, RulesOfBehaviorOptions.Section, s => s.Problems(), "Rules of Behavior");
        services.AddSingleton<RulesOfBehavior>();
        services.AddRootFields<RulesOfBehaviorMutations>(RootOperation.Mutation);
        return services;
    }

    /// <summary>Refuses the operations of a user who has not acknowledged the current rules (<see cref="RulesOfBehaviorRule"/>).</summary>
    public static IGraphQLBuilder AddRulesOfBehavior(this IGraphQLBuilder graphQL) =>
        graphQL.AddValidationRule<RulesOfBehaviorRule>(useForCachedDocuments: true);
}
