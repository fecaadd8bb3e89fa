namespace SenGraph.Contracts.Modules;

/// <summary>
/// What a module command is given when the host's command line runs it
/// (<c>dotnet run --project host/SenGraph.Host -- &lt;verb&gt; args...</c>): the arguments after the verb, the module's
/// own container (its database, its services; migrations applied) and where to write.
/// </summary>
/// <param name="Arguments">The arguments after the verb, as typed.</param>
/// <param name="Services">The module's container.</param>
/// <param name="Out">Standard output: the command's result.</param>
/// <param name="Error">Standard error: progress, warnings and errors.</param>
public sealed record ModuleCommandContext(IReadOnlyList<string> Arguments, IServiceProvider Services, TextWriter Out, TextWriter Error);

/// <summary>A command line verb a module adds to the host (e.g. <c>sc</c>); returns the process exit code.</summary>
/// <param name="Verb">The first word on the command line: lower-case letters, digits and dashes.</param>
/// <param name="Description">One line for the host's help.</param>
/// <param name="Run">Runs the command; 0 on success.</param>
public sealed record ModuleCommand(string Verb, string Description, Func<ModuleCommandContext, CancellationToken, Task<int>> Run);

/// <summary>Collects the command line verbs a module adds. The host dispatches to them after loading its modules.</summary>
public sealed class ModuleCommandBuilder
{
    private readonly List<ModuleCommand> _commands = [];

    public IReadOnlyList<ModuleCommand> Commands => _commands;

    /// <summary>Adds a verb; a verb the host or another loaded module already uses is refused when the command line runs.</summary>
    public ModuleCommandBuilder Add(string verb, string description, Func<ModuleCommandContext, CancellationToken, Task<int>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(run);
        if (string.IsNullOrEmpty(verb) || verb.Length > 32 || !verb.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') || verb[0] == '-')
            throw new ArgumentException($"Command verb '{verb}' must be 1-32 lower-case letters, digits or dashes, not starting with a dash.", nameof(verb));
        if (_commands.Any(c => c.Verb == verb)) throw new InvalidOperationException($"Command '{verb}' is declared twice.");
        _commands.Add(new ModuleCommand(verb, description, run));
        return this;
    }
}
