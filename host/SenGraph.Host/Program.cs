using SenGraph.Host;
using SenGraph.Host.Cli;

if (HostCommands.IsCommand(args)) return await HostCommands.RunAsync(args);
if (ModuleCommandLine.IsModuleVerb(args)) return await ModuleCommandLine.RunAsync(args);

var builder = SenGraphApplication.CreateBuilder(args);
builder.AddSenGraph();

var app = builder.Build();
app.MapSenGraph();
await app.RunAsync();
return 0;

/// <summary>The host's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
