namespace SenGraph.TestModules.Json;

internal static class Flavor
{
    public const string Id = "json-new";
    public const string Field = "jsonNewLibraryVersion";
    public const string LibraryVersion = "13.0.3";
}
