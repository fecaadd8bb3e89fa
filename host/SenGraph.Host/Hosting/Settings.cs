using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SenGraph.Host.Hosting;

/// <summary>Checks a settings class with its own rule: every problem, each naming the key to fix (empty: usable).</summary>
public sealed class SettingsValidator<T>(Func<T, IReadOnlyList<string>> problems) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        problems(options) is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
}

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/> (<c>AddOptions().BindConfiguration().ValidateOnStart()</c>,
    /// checked by <paramref name="validator"/>) and registers <typeparamref name="T"/> itself for consumers that take the
    /// settings object. The configuration is also checked at once, with the same validator: a bad value stops the host
    /// while it is built, naming every problem, so the host commands, which build the host but never start it, refuse it
    /// too. Returns the settings, for wiring that depends on them.
    /// </summary>
    /// <param name="title">How the message names the settings (default: the section).</param>
    public static T AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section, IValidateOptions<T> validator, string? title = null)
        where T : class, new()
    {
        var settings = configuration.GetSection(section).Get<T>() ?? new T();
        if (validator.Validate(Options.DefaultName, settings) is { Failed: true } check)
            throw new InvalidOperationException($"Invalid {title ?? section} settings: " + string.Join(" ", check.Failures ?? []));

        services.AddSingleton(validator);
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return settings;
    }

    /// <inheritdoc cref="AddSettings{T}(IServiceCollection, IConfiguration, string, IValidateOptions{T}, string?)"/>
    public static T AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section, Func<T, IReadOnlyList<string>> problems, string? title = null)
        where T : class, new() =>
        services.AddSettings(configuration, section, new SettingsValidator<T>(problems), title);

    /// <summary>Settings without rules: bound the same way.</summary>
    public static T AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class, new() =>
        services.AddSettings<T>(configuration, section, _ => []);
}
