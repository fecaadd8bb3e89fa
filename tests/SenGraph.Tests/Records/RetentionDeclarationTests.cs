using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Records;

/// <summary>Every shipped report type declares the retention schedule PIA 3.2 gives it (SPOT has none: unscheduled).</summary>
public sealed class RetentionDeclarationTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    [Theory]
    [InlineData("SIR", "INCIDENT_DATE", null, 75, 25)]
    [InlineData("SPEAR", "FIELD", "plannedAt", 75, 25)]
    [InlineData("OPPRED", "INCIDENT_DATE", null, 75, 25)]
    [InlineData("LEARA", "FIELD", "responseCompletedOn", 15, 10)]
    [InlineData("EROLEAD", "CREATION", null, 25, 10)]
    [InlineData("EROTAV", "CREATION", null, 25, 10)]
    public async Task Each_type_declares_its_PIA_3_2_schedule(string code, string trigger, string? field, int destroy, int transfer)
    {
        var retention = await RetentionOf(code);
        Assert.True(retention["scheduled"]!.GetValue<bool>());
        Assert.Equal(trigger, retention["trigger"]!.GetValue<string>());
        Assert.Equal(field, retention["triggerField"]?.GetValue<string>());
        Assert.Equal(destroy, retention["destroyAfterYears"]!.GetValue<int>());
        Assert.Equal(transfer, retention["transferAfterYears"]!.GetValue<int>());
    }

    [Fact]
    public async Task Spot_is_unscheduled()
    {
        var retention = await RetentionOf("SPOT");
        Assert.False(retention["scheduled"]!.GetValue<bool>());
        Assert.Null(retention["destroyAfterYears"]);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> RetentionOf(string code)
    {
        var modules = (await host.PostAsync("{ modules { reportTypes { code retention { scheduled trigger triggerField destroyAfterYears transferAfterYears } } } }"))
            .ShouldSucceed().Data!["modules"]!.AsArray();
        return modules.SelectMany(m => m!["reportTypes"]!.AsArray()).Single(t => t!["code"]!.GetValue<string>() == code)!["retention"]!;
    }
}
