using System.IO.Compression;
using System.Text.Json.Nodes;
using SenGraph.Host.Modules.Packaging;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Packaging;

/// <summary>
/// <c>modules pack</c> and <c>modules install</c>: a package installs whole or not at all, and a
/// tampered package leaves the plugins folder exactly as it was.
/// </summary>
public sealed class ModulePackageTests(PackedSirModule package) : IClassFixture<PackedSirModule>, IDisposable
{
    private const string Dll = PackedSirModule.Name + ".dll";
    private const string Pdb = PackedSirModule.Name + ".pdb";

    /// <summary>Holds plugins/ and, beside it, whatever an install creates there.</summary>
    private readonly TempFolder _work = new("install");

    private string root => _work.Path;

    private string Plugins => Path.Combine(root, "plugins");

    public void Dispose() => _work.Dispose();

    [Fact]
    public void The_manifest_is_what_the_module_declares_with_every_file_and_its_hash()
    {
        var manifest = package.Manifest;

        Assert.Equal(("sir", "Significant Incident Report", "2.1.0", SenGraph.Contracts.ContractsInfo.Version), (manifest.Id, manifest.Name, manifest.Version, manifest.ContractsVersion));
        Assert.Equal(PackedSirModule.Name, manifest.EntryAssembly);
        var shipped = Directory.GetFiles(PackedSirModule.ShippedModule).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(shipped, manifest.Files.Select(f => f.Path));
        using var zip = ZipFile.OpenRead(package.Archive);
        Assert.Equal([ModulePackageManifest.FileName, .. manifest.Files.Select(f => f.Path)], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public async Task A_build_output_folder_is_packed_under_its_assembly_name()
    {
        var output = Path.Combine(root, "greeting.zip");

        var (manifest, archive) = await ModulePackager.PackAsync(RepoPaths.TestModuleOutput("SenGraph.TestModules.Greeting"), output);

        Assert.Equal(("greeting", "SenGraph.TestModules.Greeting", output), (manifest.Id, manifest.EntryAssembly, archive));
        Assert.True(File.Exists(output));
    }

    [Fact]
    public async Task A_module_that_does_not_load_is_not_packed()
    {
        var output = Path.Combine(root, "future.zip");

        var error = await Assert.ThrowsAsync<ModulePackageException>(() =>
            ModulePackager.PackAsync(RepoPaths.TestModuleOutput("SenGraph.TestModules.FutureContracts"), output));

        Assert.Contains("does not load", error.Message);
        Assert.Contains("supports contracts 1.x", error.Message);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_packed_module_installs_into_an_empty_plugins_folder_and_serves()
    {
        var plugins = new PluginsFolder();

        var result = new ModuleInstaller().Install(package.Archive, plugins.Path);

        Assert.Equal(Path.Combine(plugins.Path, PackedSirModule.Name), result.ModuleFolder);
        Assert.Null(result.ReplacedVersion);
        Assert.Equal([PackedSirModule.Name], Directory.GetFileSystemEntries(plugins.Path).Select(Path.GetFileName));
        Assert.Equal(["plugins"], Directory.GetFileSystemEntries(Path.GetDirectoryName(plugins.Path)!).Select(Path.GetFileName)); // no staging or lock left beside it

        using var host = new TestHost(plugins);
        var modules = (await host.PostAsync("{ modules { id version contractsVersion status error } }")).ShouldSucceed();
        var sir = Assert.Single(modules.Data!["modules"]!.AsArray())!;
        Assert.Equal(("sir", "2.1.0", "LOADED"), (sir["id"]!.GetValue<string>(), sir["version"]!.GetValue<string>(), sir["status"]!.GetValue<string>()));
        var created = (await host.PostAsync("""mutation { createSir(input: { title: "From a package", category: OTHER }) { sir { title } errors { code } } }""",
            token: host.Token())).ShouldSucceed();
        Assert.Equal("From a package", created.Data!["createSir"]!["sir"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void Installing_over_an_installed_version_replaces_the_whole_folder()
    {
        var installed = InstallPreviousVersion();

        var result = new ModuleInstaller().Install(package.Archive, Plugins);

        Assert.Equal("unknown", result.ReplacedVersion); // the previous folder was copied by a build, not installed from a package
        Assert.False(File.Exists(Path.Combine(installed, "left-over.txt")));
        Assert.Equal(
            [.. package.Manifest.Files.Select(f => f.Path), ModulePackageManifest.FileName],
            Directory.GetFiles(installed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["plugins"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));

        var again = new ModuleInstaller().Install(package.Archive, Plugins);
        Assert.Equal("2.1.0", again.ReplacedVersion);
    }

    [Fact]
    public void A_module_id_installed_under_another_folder_is_refused()
    {
        var other = Path.Combine(Plugins, "SenGraph.Modules.SirRenamed");
        Directory.CreateDirectory(other);
        File.WriteAllBytes(Path.Combine(other, ModulePackageManifest.FileName), package.Manifest.ToJson());

        AssertRefused(package.Archive, "Module 'sir' is already installed as", new ModuleInstaller());
    }

    public static TheoryData<string> TamperCases => [.. Cases.Keys];

    private static readonly Dictionary<string, (Action<ZipArchive> Tamper, string Error)> Cases = new()
    {
        ["a changed byte"] = (z => Tamper.FlipByte(z, Dll), $"The SHA-256 of '{Dll}' does not match its manifest"),
        ["an added file"] = (z => Tamper.Write(z, "Extra.dll", "MZ extra"), "files its manifest does not list: Extra.dll"),
        ["an added file in a subfolder"] = (z => Tamper.Write(z, "runtimes/linux/Extra.so", "x"), "does not list: runtimes/linux/Extra.so"),
        ["a missing file"] = (z => z.GetEntry(Pdb)!.Delete(), $"missing from the archive: {Pdb}"),
        ["no manifest"] = (z => z.GetEntry(ModulePackageManifest.FileName)!.Delete(), "has no sengraph-module.json at its root"),
        ["a manifest that is not JSON"] = (z => Tamper.Write(z, ModulePackageManifest.FileName, "{ \"id\": "), "sengraph-module.json is not a valid manifest"),
        ["a manifest without files"] = (z => Tamper.Manifest(z, m => m.Remove("files")), "sengraph-module.json is not a valid manifest"),
        ["a manifest with an unknown property"] = (z => Tamper.Manifest(z, m => m["signature"] = "trust me"), "sengraph-module.json is not a valid manifest"),
        ["a manifest with a null id"] = (z => Tamper.Manifest(z, m => m["id"] = null), "sengraph-module.json is not a valid manifest"),
        ["a manifest of an unknown format"] = (z => Tamper.Manifest(z, m => m["format"] = 2), "format 2 is not supported"),
        ["a listed size that differs"] = (z => Tamper.Manifest(z, m => m["files"]![1]!["size"] = 1000), $"'{Dll}' is larger than the 1000 bytes"),
        ["a hash that is not SHA-256"] = (z => Tamper.Manifest(z, m => m["files"]![1]!["sha256"] = "abc"), "has no SHA-256 of 64 lower-case hex digits"),
        ["an entry assembly not in the archive"] = (z => Tamper.Manifest(z, m => m["entryAssembly"] = "SenGraph.Modules.Other"), "the entry assembly SenGraph.Modules.Other.dll is not among its files"),
        ["an entry assembly that is a path"] = (z => Tamper.Manifest(z, m => m["entryAssembly"] = "../SenGraph.Modules.Sir"), "is not an assembly name"),
        ["an invalid module id"] = (z => Tamper.Manifest(z, m => m["id"] = "Sir_Module"), "Module id 'Sir_Module' is invalid"),
        ["a version that is not semantic"] = (z => Tamper.Manifest(z, m => m["version"] = "one"), "Module version 'one' is not a semantic version"),
        ["another contracts major version"] = (z => Tamper.Manifest(z, m => m["contractsVersion"] = "2.1.0"), "this host supports contracts 1.x"),
        ["a newer contracts minor version"] = (z => Tamper.Manifest(z, m => m["contractsVersion"] = "1.99.0"), "upgrade the host"),
        ["a file listed twice"] = (z => Tamper.Manifest(z, m => m["files"]!.AsArray().Add(m["files"]![0]!.DeepClone())), "is listed twice"),
        ["a '..' entry (zip slip)"] = (z => Tamper.AddListed(z, "../Escaped.dll", "MZ"u8.ToArray()), "'../Escaped.dll' has a '..' segment"),
        ["a nested '..' entry"] = (z => Tamper.AddListed(z, "lib/../../Escaped.dll", "MZ"u8.ToArray()), "has a '..' segment"),
        ["an absolute entry"] = (z => Tamper.AddListed(z, "/tmp/Escaped.dll", "MZ"u8.ToArray()), "'/tmp/Escaped.dll' has an absolute path"),
        ["a backslash entry"] = (z => Tamper.AddListed(z, "..\\Escaped.dll", "MZ"u8.ToArray()), "has a path with a backslash"),
        ["a drive letter entry"] = (z => Tamper.AddListed(z, "C:/Escaped.dll", "MZ"u8.ToArray()), "has a path with a backslash, colon"),
        ["a duplicate entry"] = (z => z.CreateEntry(Pdb), $"holds '{Pdb}' twice"),
        ["a duplicate entry differing in case"] = (z => z.CreateEntry(Pdb.ToUpperInvariant()), "twice (names are compared ignoring case)"),
        ["a symbolic link entry"] = (z => z.CreateEntry("link.dll").ExternalAttributes = unchecked((int)0xA1FF0000), "is a link or special file"),
    };

    [Theory]
    [MemberData(nameof(TamperCases))]
    public void A_tampered_package_is_refused_and_the_plugins_folder_is_unchanged(string tampering)
    {
        var (tamper, error) = Cases[tampering];
        InstallPreviousVersion();

        AssertRefused(package.Tampered(tamper), error, new ModuleInstaller());
    }

    [Fact]
    public void A_file_that_is_not_a_zip_archive_is_refused()
    {
        var notZip = Path.Combine(package.Folder, Guid.NewGuid().ToString("N") + ".zip");
        File.WriteAllText(notZip, "not a zip");

        AssertRefused(notZip, "is not a zip archive", new ModuleInstaller());
    }

    [Theory]
    [InlineData("archive", "is larger than 10000 bytes")]
    [InlineData("file", "a file may have at most 10000 bytes")]
    [InlineData("total", "a module may have at most 10000")]
    [InlineData("files", "a module may have at most 3")]
    [InlineData("manifest", "sengraph-module.json is larger than 100 bytes")]
    public void A_package_over_a_size_limit_is_refused(string limit, string error)
    {
        var limits = limit switch
        {
            "archive" => new ModulePackageLimits { MaxArchiveBytes = 10_000 },
            "file" => new ModulePackageLimits { MaxFileBytes = 10_000 },
            "total" => new ModulePackageLimits { MaxTotalBytes = 10_000 },
            "files" => new ModulePackageLimits { MaxFiles = 3 },
            _ => new ModulePackageLimits { MaxManifestBytes = 100 },
        };
        InstallPreviousVersion();

        AssertRefused(package.Archive, error, new ModuleInstaller(limits));
    }

    /// <summary>A module folder as a build copies it, with a file the package does not have.</summary>
    private string InstallPreviousVersion()
    {
        var installed = Path.Combine(Plugins, PackedSirModule.Name);
        Directory.CreateDirectory(installed);
        foreach (var file in Directory.GetFiles(PackedSirModule.ShippedModule))
            File.Copy(file, Path.Combine(installed, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(installed, "left-over.txt"), "from the previous version");
        return installed;
    }

    private void AssertRefused(string archive, string error, ModuleInstaller installer)
    {
        var before = FolderSnapshot.Of(root);

        var refusal = Assert.Throws<ModulePackageException>(() => installer.Install(archive, Plugins));

        Assert.Contains(error, refusal.Message);
        Assert.Equal(before, FolderSnapshot.Of(root));
        Assert.DoesNotContain(Directory.Exists(root) ? Directory.GetFileSystemEntries(root) : [],
            p => Path.GetFileName(p).StartsWith(ModuleInstaller.StagingPrefix, StringComparison.Ordinal));
    }
}
