using SenGraph.Host.Modules.Packaging;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Packaging;

/// <summary><c>modules pack</c> and <c>modules install</c> as a user runs them: the built host as a process.</summary>
public sealed class ModulePackageCommandTests(PackedSirModule package) : IClassFixture<PackedSirModule>, IDisposable
{
    private readonly TempFolder _work = new("cli");

    private string root => _work.Path;

    private string Plugins => Path.Combine(root, "plugins");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Pack_then_install_into_the_configured_plugins_folder()
    {
        var archive = Path.Combine(root, "sir-package.zip");
        var environment = new Dictionary<string, string> { ["Plugins__Path"] = Plugins };

        var pack = await HostProcess.RunAsync(environment, "modules", "pack", PackedSirModule.ShippedModule, "--output", archive);
        Assert.True(pack.ExitCode == 0, pack.Error);
        Assert.Contains($"packed sir 2.1.0 ({PackedSirModule.Name}, {package.Manifest.Files.Count} files) -> {archive}", pack.Output);

        var install = await HostProcess.RunAsync(environment, "modules", "install", archive);
        Assert.True(install.ExitCode == 0, install.Error);
        Assert.Contains($"installed sir 2.1.0 -> {Path.Combine(Plugins, PackedSirModule.Name)}", install.Output);
        Assert.True(File.Exists(Path.Combine(Plugins, PackedSirModule.Name, PackedSirModule.Name + ".dll")));
    }

    [Fact]
    public async Task A_tampered_package_is_refused_with_exit_code_1_and_the_plugins_folder_is_unchanged()
    {
        Directory.CreateDirectory(Plugins);
        var tampered = package.Tampered(z => Tamper.FlipByte(z, PackedSirModule.Name + ".dll"));
        var before = FolderSnapshot.Of(root);

        var install = await HostProcess.RunAsync(new Dictionary<string, string>(), "modules", "install", tampered, "--plugins", Plugins);

        Assert.Equal(1, install.ExitCode);
        Assert.Contains($"error: The SHA-256 of '{PackedSirModule.Name}.dll' does not match its manifest: the archive was altered.", install.Error);
        Assert.Equal(before, FolderSnapshot.Of(root));
    }
}
