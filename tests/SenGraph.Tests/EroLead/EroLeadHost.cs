using SenGraph.Tests.Agency;
using SenGraph.Tests.Infrastructure;
using SenGraph.Tests.Sir;

namespace SenGraph.Tests.EroLead;

/// <summary>The shipped modules with ERO's Intelligence Operations Unit (IOU-HQ) and two partner agencies' offices (CBP, USMS) in the directory.</summary>
public sealed class EroLeadHost : TestHost, IAsyncLifetime
{
    public EroLeadHost() : base(new PluginsFolder().WithShippedModules(), settings: AcceptingUnknownUsers())
    {
    }

    public string Ed => Token("ed", "Agent", "FOD-NYC");
    public string Analyst => Token("iou-analyst", "IOU Analyst", "IOU-HQ");
    public string CbpLiaison => Token("cbp-liaison", "Partner Agency Liaison", "CBP");
    public string UsmsLiaison => Token("usms-liaison", "Partner Agency Liaison", "USMS");

    public async Task InitializeAsync()
    {
        foreach (var (code, name, kind) in new[] { ("IOU-HQ", "ERO Intelligence Operations Unit", "IOU"), ("CBP", "U.S. Customs and Border Protection", "PARTNER"),
                     ("USMS", "U.S. Marshals Service", "PARTNER") })
        {
            var created = await this.MutateAsync("createOffice", "CreateOfficeInput", "office { code }", new { code, name, kind, organisation = "ERO" }, this.AdminToken());
            Assert.Empty(created.Errors());
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A lead ed writes at FOD-NYC (no review there) and submits: its id.</summary>
    public async Task<string> SubmitLeadAsync(Dictionary<string, object?> input)
    {
        var created = (await PostAsync("mutation($input: CreateEroLeadInput!) { createEroLead(input: $input) { eroLead { id version } errors { code message path } } }",
            new { input }, Ed)).ShouldSucceed().Data!["createEroLead"]!;
        Assert.True(created["errors"]!.AsArray().Count == 0, created.ToJsonString());
        var id = created["eroLead"]!["id"]!.GetValue<string>();
        await this.StepOkAsync("submitReport", Ed, new { id, expectedVersion = created["eroLead"]!["version"]!.GetValue<int>() });
        return id;
    }
}
