namespace SenGraph.Tests.Infrastructure;

/// <summary>A throwaway folder under the OS temp folder, deleted on dispose (as far as the OS lets it).</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sengraph-tests", prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Files a loaded plugin keeps open stay until the process ends; the OS temp folder takes care of them.
        }
    }
}
