using Microsoft.Extensions.Options;

namespace SenGraph.Host.GraphQL.Limits;

/// <summary>Checks the <c>GraphQL</c> section at start; a bad value stops the host naming the key and what it must be.</summary>
public sealed class GraphQLOptionsValidator(IHostEnvironment environment) : IValidateOptions<GraphQLOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphQLOptions options)
    {
        List<string> failures = [];
        void AtLeast(string key, long value, long minimum)
        {
            if (value < minimum) failures.Add($"{GraphQLOptions.Section}:{key} must be at least {minimum} (it is {value}).");
        }

        AtLeast(nameof(options.DocumentCacheCharacters), options.DocumentCacheCharacters, 0);
        AtLeast(nameof(options.MaxQueryLength), options.MaxQueryLength, 1);
        AtLeast(nameof(options.MaxTokens), options.MaxTokens, 1);
        AtLeast(nameof(options.MaxDepth), options.MaxDepth, 1);
        AtLeast(nameof(options.MaxComplexity), options.MaxComplexity, 1);
        AtLeast(nameof(options.DefaultListMultiplier), options.DefaultListMultiplier, 1);
        AtLeast(nameof(options.MaxAliases), options.MaxAliases, 0);
        AtLeast(nameof(options.MaxDirectives), options.MaxDirectives, 0);
        if (options.ExecutionTimeout <= TimeSpan.Zero || options.ExecutionTimeout > TimeSpan.FromDays(1))
            failures.Add($"{GraphQLOptions.Section}:{nameof(options.ExecutionTimeout)} must be more than 00:00:00 and at most 1.00:00:00 (it is {options.ExecutionTimeout}).");

        var persisted = options.PersistedOperations;
        const string persistedKey = $"{GraphQLOptions.Section}:{nameof(options.PersistedOperations)}";
        if (!Enum.IsDefined(persisted.Mode))
            failures.Add($"{persistedKey}:Mode must be Off or AllowListOnly.");
        else if (persisted.Mode == PersistedOperationsMode.AllowListOnly)
        {
            if (string.IsNullOrWhiteSpace(persisted.File))
                failures.Add($"{persistedKey}:File is required when {persistedKey}:Mode is AllowListOnly.");
            else
            {
                try
                {
                    PersistedOperationList.Load(AllowListPath(environment, persisted));
                }
                catch (InvalidDataException e)
                {
                    failures.Add($"{persistedKey}:File: {e.Message}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The allow-list file, relative paths taken from the host's folder.</summary>
    public static string AllowListPath(IHostEnvironment environment, PersistedOperationsOptions options) =>
        Path.GetFullPath(options.File!, environment.ContentRootPath);
}
