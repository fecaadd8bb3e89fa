namespace SenGraph.TestModules.Json;

internal static class Flavor
{
    public const string Id = "json-old";
    public const string Field = "jsonOldLibraryVersion";
    public const string LibraryVersion = "12.0.3";
}
