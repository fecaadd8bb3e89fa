using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SenGraph.Host.Modules.Packaging;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Packaging;

/// <summary>The shipped SIR module packed once, by the host's own packer, for every packaging test.</summary>
public sealed class PackedSirModule : IAsyncLifetime
{
    public const string Name = "SenGraph.Modules.Sir";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "sengraph-tests", "packages-" + Guid.NewGuid().ToString("N"));

    public string Archive => Path.Combine(Folder, "sir.zip");

    public ModulePackageManifest Manifest { get; private set; } = null!;

    public static string ShippedModule => Path.Combine(RepoPaths.ShippedPlugins, Name);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        (Manifest, _) = await ModulePackager.PackAsync(ShippedModule, Archive);
    }

    /// <summary>A copy of the package, changed by <paramref name="tamper"/>.</summary>
    public string Tampered(Action<ZipArchive> tamper)
    {
        var copy = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".zip");
        File.Copy(Archive, copy);
        using (var zip = ZipFile.Open(copy, ZipArchiveMode.Update)) tamper(zip);
        return copy;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }
}

/// <summary>Ways to alter a package the way an attacker or a broken copy would.</summary>
public static class Tamper
{
    public static byte[] Read(ZipArchive zip, string name)
    {
        using var input = zip.GetEntry(name)!.Open();
        using var memory = new MemoryStream();
        input.CopyTo(memory);
        return memory.ToArray();
    }

    public static void Write(ZipArchive zip, string name, byte[] content)
    {
        zip.GetEntry(name)?.Delete();
        using var output = zip.CreateEntry(name).Open();
        output.Write(content);
    }

    public static void Write(ZipArchive zip, string name, string content) => Write(zip, name, Encoding.UTF8.GetBytes(content));

    public static void FlipByte(ZipArchive zip, string name, int offset = 200)
    {
        var content = Read(zip, name);
        content[offset] ^= 0x01;
        Write(zip, name, content);
    }

    public static void Manifest(ZipArchive zip, Action<JsonObject> change)
    {
        var manifest = JsonNode.Parse(Read(zip, ModulePackageManifest.FileName))!.AsObject();
        change(manifest);
        Write(zip, ModulePackageManifest.FileName, manifest.ToJsonString());
    }

    /// <summary>Adds a file and lists it in the manifest with its true hash: everything consistent except what the test is about.</summary>
    public static void AddListed(ZipArchive zip, string path, byte[] content)
    {
        using (var output = zip.CreateEntry(path).Open()) output.Write(content);
        Manifest(zip, m => m["files"]!.AsArray().Add(new JsonObject
        {
            ["path"] = path,
            ["size"] = content.Length,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
        }));
    }
}

/// <summary>Every file under a folder with its SHA-256: equal snapshots mean nothing was touched.</summary>
public static class FolderSnapshot
{
    public static string Of(string folder) => !Directory.Exists(folder)
        ? "(no folder)"
        : string.Join("\n", Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(folder, p) + (File.Exists(p) ? " " + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(p))) : "/")));
}
