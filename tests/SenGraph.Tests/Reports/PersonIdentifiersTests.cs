using SenGraph.Contracts.Reports;

namespace SenGraph.Tests.Reports;

public sealed class PersonIdentifiersTests
{
    [Theory]
    [InlineData("A123456789", "A123456789")]
    [InlineData("a123456789", "A123456789")]
    [InlineData("123456789", "A123456789")]
    [InlineData("A-123-456-789", "A123456789")]
    [InlineData(" A 123 456 789 ", "A123456789")]
    [InlineData("A12345678", "A012345678")]
    [InlineData("12-345-678", "A012345678")]
    [InlineData("000-000-811", "A000000811")]
    [InlineData("A1234567", "A001234567")]
    public void A_numbers_are_normalized_to_A_and_nine_digits(string input, string expected)
    {
        Assert.True(PersonIdentifiers.TryNormalizeANumber(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("A123456")]        // 6 digits
    [InlineData("A1234567890")]    // 10 digits
    [InlineData("B123456789")]
    [InlineData("AA12345678")]
    [InlineData("A12345678X")]
    [InlineData("A000000000")]
    [InlineData("A12_345_678")]
    public void Other_A_numbers_are_rejected(string? input) =>
        Assert.False(PersonIdentifiers.TryNormalizeANumber(input, out _));

    [Theory]
    [InlineData("123456AB1", "123456AB1")]
    [InlineData("123456ab1", "123456AB1")]
    [InlineData("1234567", "1234567")]
    [InlineData("1", "1")]
    [InlineData("123 456 AB1", "123456AB1")]
    [InlineData("123456-FH8", "123456FH8")]
    public void FBI_numbers_are_up_to_nine_letters_and_digits(string input, string expected)
    {
        Assert.True(PersonIdentifiers.TryNormalizeFbiNumber(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1234567890")]     // 10 characters
    [InlineData("ABCDEFG")]        // no digit
    [InlineData("12345#AB1")]
    [InlineData("12345ÄB1")]
    public void Other_FBI_numbers_are_rejected(string? input) =>
        Assert.False(PersonIdentifiers.TryNormalizeFbiNumber(input, out _));

    [Theory]
    [InlineData("1", "1")]
    [InlineData("123456789012", "123456789012")]
    [InlineData("1234-5678 9012", "123456789012")]
    public void FINs_are_one_to_twelve_digits(string input, string expected)
    {
        Assert.True(PersonIdentifiers.TryNormalizeFin(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1234567890123")]
    [InlineData("12345A")]
    public void Other_FINs_are_rejected(string? input) =>
        Assert.False(PersonIdentifiers.TryNormalizeFin(input, out _));

    [Fact]
    public void The_country_list_is_the_full_ISO_3166_alpha_3_list()
    {
        Assert.Equal(249, Countries.Alpha3.Count);
        Assert.All(Countries.Alpha3, c => Assert.Matches("^[A-Z]{3}$", c));
        Assert.True(Countries.IsAlpha3("USA"));
        Assert.True(Countries.IsAlpha3("MEX"));
        Assert.True(Countries.IsAlpha3("SSD"));
        Assert.False(Countries.IsAlpha3("US"));
        Assert.False(Countries.IsAlpha3("usa"));
        Assert.False(Countries.IsAlpha3("XKX"));
    }

    [Fact]
    public void The_state_list_is_the_states_DC_and_territories()
    {
        Assert.Equal(56, UsStates.Codes.Count);
        Assert.True(UsStates.IsCode("NY"));
        Assert.True(UsStates.IsCode("PR"));
        Assert.True(UsStates.IsCode("DC"));
        Assert.False(UsStates.IsCode("ny"));
        Assert.False(UsStates.IsCode("AE"));
        Assert.False(UsStates.IsCode("XX"));
    }
}
