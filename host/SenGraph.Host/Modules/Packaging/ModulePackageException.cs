namespace SenGraph.Host.Modules.Packaging;

/// <summary>
/// A module package could not be made or installed; the message says why, for the person at the
/// command line. Derives from <see cref="InvalidOperationException"/> so the host commands report it
/// as <c>error: …</c> with exit code 1.
/// </summary>
public sealed class ModulePackageException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
