using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Auditing;

namespace SenGraph.Host.Auditing;

/// <summary>
/// One record of the audit trail (table <c>AuditRecords</c>), as the host reads it. Records are only ever
/// appended by <see cref="AuditChain.AppendAsync"/>; database triggers refuse UPDATE and DELETE.
/// </summary>
public sealed class AuditRecord
{
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public required string UserName { get; set; }

    public required string Action { get; set; }

    public required string Entity { get; set; }

    public string? RecordId { get; set; }

    public string? OperationName { get; set; }

    public string? RequestId { get; set; }

    public string? PiiFields { get; set; }

    public string? Details { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    public AuditEntry Entry => new(UserName, Action, Entity, RecordId, OperationName, RequestId, PiiFields, Details);

    public const int UserNameMaxLength = 128;
    public const int ActionMaxLength = 32;
    public const int EntityMaxLength = 256;
    public const int RecordIdMaxLength = 256;
    public const int OperationNameMaxLength = 256;
    public const int RequestIdMaxLength = 128;
    public const int HashLength = 64;
}

public static class AuditRecordModel
{
    /// <summary>
    /// Maps <see cref="AuditRecord"/> to <c>AuditRecords</c>: the sequence is the key (assigned by the appender,
    /// never by the database), indexes for the administrators' filters and the lockout check.
    /// </summary>
    public static ModelBuilder ApplyAuditTrail(this ModelBuilder modelBuilder)
    {
        var record = modelBuilder.Entity<AuditRecord>();
        record.ToTable(AuditChain.TableName);
        record.HasKey(r => r.Sequence);
        record.Property(r => r.Sequence).ValueGeneratedNever();
        record.Property(r => r.UserName).HasMaxLength(AuditRecord.UserNameMaxLength);
        record.Property(r => r.Action).HasMaxLength(AuditRecord.ActionMaxLength);
        record.Property(r => r.Entity).HasMaxLength(AuditRecord.EntityMaxLength);
        record.Property(r => r.RecordId).HasMaxLength(AuditRecord.RecordIdMaxLength);
        record.Property(r => r.OperationName).HasMaxLength(AuditRecord.OperationNameMaxLength);
        record.Property(r => r.RequestId).HasMaxLength(AuditRecord.RequestIdMaxLength);
        record.Property(r => r.PreviousHash).HasMaxLength(AuditRecord.HashLength).IsFixedLength();
        record.Property(r => r.Hash).HasMaxLength(AuditRecord.HashLength).IsFixedLength();
        record.Ignore(r => r.Entry);
        record.HasIndex(r => new { r.UserName, r.Action, r.At });
        record.HasIndex(r => r.RecordId);
        record.HasIndex(r => r.At);
        return modelBuilder;
    }
}
