using SenGraph.Contracts.Reports;
using SenGraph.Contracts.Reports.Demo;
using Xunit;

namespace SenGraph.Tests.Demo;

/// <summary>The fictional values demo reports are made of stay valid however many reports a type gets (<c>seed generate</c> goes to 1,000,000).</summary>
public sealed class DemoValuesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(2_702)]
    [InlineData(2_703)] // the first index whose FBI number once had seven digits
    [InlineData(14_286)]
    [InlineData(142_857)]
    [InlineData(999_999)]
    public void A_demo_persons_identifiers_are_valid_at_every_index(int index)
    {
        var person = DemoValues.Person("SUSPECT", index);

        Assert.True(PersonIdentifiers.TryNormalizeFbiNumber(person.FbiNumber, out _), $"FBI number {person.FbiNumber} at index {index}");
        Assert.True(PersonIdentifiers.TryNormalizeANumber(person.ANumber, out _), $"A-number {person.ANumber} at index {index}");
    }
}
