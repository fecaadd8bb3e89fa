using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SenGraph.Contracts.Persistence;

/// <summary>
/// What every PostgreSQL context applies in <c>ConfigureConventions</c>: a <see cref="DateTimeOffset"/> is stored as
/// <c>timestamp with time zone</c>, which Npgsql writes in UTC only, so values (and query parameters compared with them)
/// are converted to UTC first; the instant is kept, a client's offset is not (as on SQLite).
/// </summary>
public static class PostgreSqlConventions
{
    public static ModelConfigurationBuilder UseUtcDateTimeOffsets(this ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        return configurationBuilder;
    }

    /// <summary>To UTC on the way in, as stored on the way out.</summary>
    public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
