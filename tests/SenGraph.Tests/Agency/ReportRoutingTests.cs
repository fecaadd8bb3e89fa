using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Reports.Workflow;
using SenGraph.Host.Kernel.Agency;
using SenGraph.Host.Kernel.Database;
using SenGraph.Tests.Infrastructure;

namespace SenGraph.Tests.Agency;

/// <summary>The SIR routing rule (<see cref="ReportRoutes.FieldOfficesAndIroc"/>) against the development directory.</summary>
public sealed class ReportRoutingTests(ShippedModulesHost host) : IClassFixture<ShippedModulesHost>
{
    private IReadOnlyList<string> Route(string office)
    {
        _ = host.Server; // starts the host: migrations and seed
        using var db = host.Services.GetRequiredService<IDbContextFactory<SenDbContext>>().CreateDbContext();
        var recipients = ReportRouting.RouteAsync(db.Offices, office, ReportRoutes.FieldOfficesAndIroc, CancellationToken.None).GetAwaiter().GetResult();
        Assert.All(recipients, r => Assert.Equal(RecipientKind.Office, r.Kind));
        return recipients.Select(r => r.Code).ToList();
    }

    [Theory]
    [InlineData("SAC-NYC", new[] { "SAC-NYC", "FOD-NYC", "FIG-NYC", "IROC-HQ" })]
    [InlineData("RAC-ALB", new[] { "SAC-NYC", "RAC-ALB", "FOD-NYC", "FIG-NYC", "IROC-HQ" })]
    [InlineData("FOD-NYC", new[] { "SAC-NYC", "FOD-NYC", "FIG-NYC", "IROC-HQ" })]
    [InlineData("FIG-NYC", new[] { "SAC-NYC", "FOD-NYC", "FIG-NYC", "IROC-HQ" })]
    [InlineData("SAC-BOS", new[] { "SAC-BOS", "FOD-BOS", "FIG-BOS", "IROC-HQ" })]
    [InlineData("RAC-PVD", new[] { "SAC-BOS", "RAC-PVD", "FOD-BOS", "FIG-BOS", "IROC-HQ" })]
    [InlineData("IROC-HQ", new[] { "IROC-HQ" })]
    [InlineData("HQ-OPR", new[] { "IROC-HQ" })]
    [InlineData("rac-alb", new[] { "SAC-NYC", "RAC-ALB", "FOD-NYC", "FIG-NYC", "IROC-HQ" })]
    public void A_sir_reaches_the_sac_or_rac_the_fod_and_fig_of_the_area_and_the_iroc(string submitterOffice, string[] expected) =>
        Assert.Equal(expected, Route(submitterOffice));

    [Fact]
    public void A_sir_from_an_office_the_directory_does_not_know_still_reaches_the_iroc() =>
        Assert.Equal(["IROC-HQ"], Route("SAC-ATLANTIS"));

    [Fact]
    public async Task Routing_follows_the_directory_as_administrators_change_it()
    {
        var admin = host.AdminToken();
        foreach (var office in new object[]
                 {
                     new { code = "SAC-CHI", name = "HSI SAC Chicago", kind = "SAC", organisation = "HSI", area = "CHI" },
                     new { code = "RAC-MKE", name = "HSI RAC Milwaukee", kind = "RAC", organisation = "HSI", parent = "SAC-CHI" },
                     new { code = "FOD-CHI", name = "ERO FOD Chicago", kind = "FOD", organisation = "ERO", area = "CHI" },
                 })
        {
            Assert.Empty((await host.MutateAsync("createOffice", "CreateOfficeInput", "office { code }", office, admin)).Errors());
        }

        Assert.Equal(["SAC-CHI", "RAC-MKE", "FOD-CHI", "IROC-HQ"], Route("RAC-MKE"));

        Assert.Empty((await host.MutateAsync("createOffice", "CreateOfficeInput", "office { code }",
            new { code = "FIG-CHI", name = "FIG Chicago", kind = "FIG", organisation = "HSI", area = "CHI" }, admin)).Errors());
        Assert.Equal(["SAC-CHI", "FOD-CHI", "FIG-CHI", "IROC-HQ"], Route("SAC-CHI"));
    }
}
