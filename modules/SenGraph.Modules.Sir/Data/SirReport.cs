namespace SenGraph.Modules.Sir.Data;

/// <summary>Where a SIR stands in its lifecycle.</summary>
public enum SirStatus
{
    Draft,
}

/// <summary>A Significant Incident Report, as stored.</summary>
public sealed class SirReport
{
    public Guid Id { get; set; }
    public SirStatus Status { get; set; }
    public required string Title { get; set; }
    public string? Narrative { get; set; }
    public DateTimeOffset? EventAt { get; set; }
    public string? EventCity { get; set; }
    public string? EventState { get; set; }

    /// <summary>User name of the author.</summary>
    public required string Author { get; set; }

    /// <summary>Code of the author's office when the draft was created.</summary>
    public required string Office { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Incremented on every change; an edit must name the version it started from.</summary>
    public int Version { get; set; }
}
