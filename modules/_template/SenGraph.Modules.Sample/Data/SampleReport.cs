namespace SenGraph.Modules.Sample.Data;

/// <summary>A Sample report, as stored.</summary>
public sealed class SampleReport
{
    public const int TitleMaxLength = 200;
    public const int NarrativeMaxLength = 20_000;

    public Guid Id { get; set; }
    public required string Title { get; set; }
    public string? Narrative { get; set; }

    /// <summary>User name of the author.</summary>
    public required string Author { get; set; }

    /// <summary>Code of the author's office when the report was created.</summary>
    public required string Office { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
