using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SenGraph.Contracts.Agency;
using SenGraph.Contracts.Querying;
using SenGraph.Host.Kernel.Database;

namespace SenGraph.Host.Auditing;

/// <summary>The audit trail for System Administrators: <c>auditRecords</c> and <c>verifyAuditTrail</c>.</summary>
public sealed class AuditQueries : ObjectGraphType
{
    public AuditQueries(IDbContextFactory<SenDbContext> databases, AuditVerifier verifier)
    {
        this.ConnectionField<AuditRecordGraphType, AuditRecord>("auditRecords", o =>
            {
                o.TieBreaker(r => r.Sequence);
                o.DefaultPageSize = 50;
                o.MaxPageSize = 200;
            })
            .Description("The audit trail, newest first unless ordered otherwise: filter with where, e.g. "
                + "{ userName: { eq: \"alice\" }, recordId: { eq: \"…\" }, at: { gte: …, lt: … }, action: { in: [\"Read\"] }, operationName: { eq: \"…\" } }. "
                + "System Administrators only.")
            .AuthorizeWithRoles(DirectoryRoles.SystemAdministrator)
            .ResolveAsync(async c =>
            {
                await using var db = await databases.CreateDbContextAsync(c.CancellationToken);
                return await db.AuditRecords.AsNoTracking().OrderByDescending(r => r.Sequence).ToConnectionAsync(c);
            });

        Field<NonNullGraphType<AuditVerificationGraphType>>("verifyAuditTrail")
            .Description("Recomputes the audit trail's hash chain from its first record and says whether it is intact or where and how it is broken. "
                + "Give the head a previous verification returned as anchor to detect removal of the newest records. System Administrators only.")
            .Argument<AuditAnchorInputGraphType>("anchor", "A head noted earlier (headSequence and headHash of a previous verification), kept outside the database.")
            .AuthorizeWithRoles(DirectoryRoles.SystemAdministrator)
            .ResolveAsync(async c =>
            {
                var anchor = c.GetArgument<Dictionary<string, object?>?>("anchor") is { } a
                    ? new AuditAnchor(Convert.ToInt64(a["sequence"]), (string)a["hash"]!)
                    : null;
                return await verifier.VerifyAsync(anchor, c.CancellationToken);
            });
    }
}

/// <summary>GraphQL <c>AuditRecord</c>.</summary>
public sealed class AuditRecordGraphType : ObjectGraphType<AuditRecord>
{
    public AuditRecordGraphType()
    {
        Name = "AuditRecord";
        Description = "One record of the append-only, hash-chained audit trail: who did what to which record, when, in which GraphQL operation.";
        Field(r => r.Sequence).Description("Position in the trail: 1, 2, 3, … with no gaps.");
        Field(r => r.At).Description("When it happened (UTC, to the millisecond).");
        Field(r => r.UserName).Description("Who acted: the token's user name; system for the host's own work; for a failed logon the user name the token claimed, or unknown.");
        Field(r => r.Action).Description("Read (a report returned), Insert, Update, Delete, LogonFailed, LogonRefused, AccountLocked or AccessDenied (a signed-in caller refused what their roles do not allow).");
        Field(r => r.Entity).Description("The table(s) written (Reports+SirDetails), Reports for a view, Logon for logons.");
        Field(r => r.RecordId, nullable: true).Description("The record's primary key (composite keys joined with a comma); the report id for a view.");
        Field(r => r.OperationName, nullable: true).Description("The GraphQL operation's name, or what system work it was.");
        Field(r => r.RequestId, nullable: true).Description("Correlates the records of one HTTP request or WebSocket operation.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("piiFields")
            .Description("For a view: the PII fields returned for the report, as Type.field (ReportPerson.aNumber).")
            .Resolve(c => c.Source.PiiFields is { Length: > 0 } p ? p.Split(',') : [])
            .NotFilterable().NotSortable();
        Field(r => r.Details, nullable: true).Description("More: the report's GraphQL type for a view, the changed columns (never their values) for an update, the reason for a logon.")
            .NotSortable();
        Field(r => r.PreviousHash).Description("The hash of the record before (64 zeros for record 1).").NotFilterable().NotSortable();
        Field(r => r.Hash).Description("SHA-256 (hex) of this record's canonical content and the previous hash.").NotSortable();
    }
}

/// <summary>GraphQL <c>AuditVerification</c>.</summary>
public sealed class AuditVerificationGraphType : ObjectGraphType<AuditVerification>
{
    public AuditVerificationGraphType()
    {
        Name = "AuditVerification";
        Description = "The outcome of recomputing the audit trail's hash chain.";
        Field(v => v.Intact).Description("Whether every record is in place and unchanged.");
        Field(v => v.RecordCount).Description("Records verified (up to the first broken one).");
        Field(v => v.HeadSequence).Description("The last record verified; note it with headHash outside the database and pass both as anchor later.");
        Field(v => v.HeadHash).Description("The hash of the last record verified.");
        Field(v => v.FirstBrokenSequence, nullable: true).Description("Where the chain first breaks; null when intact.");
        Field<AuditProblemGraphType>("problem").Description("How it is broken; null when intact.").Resolve(c => c.Source.Problem);
        Field(v => v.Message).Description("What was found, in words.");
        Field(v => v.HighestSequenceWrittenByThisProcess).Description("The highest record this host process has written (0 when none): a trail ending before it was truncated.");
    }
}

public sealed class AuditProblemGraphType : EnumerationGraphType<AuditProblem>
{
    public AuditProblemGraphType()
    {
        Name = "AuditProblem";
        Description = "How the audit trail is broken.";
    }
}

/// <summary>GraphQL <c>AuditAnchorInput</c>.</summary>
public sealed class AuditAnchorInputGraphType : InputObjectGraphType
{
    public AuditAnchorInputGraphType()
    {
        Name = "AuditAnchorInput";
        Description = "A head of the audit trail noted earlier.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("headSequence of an earlier verification.");
        Field<NonNullGraphType<StringGraphType>>("hash").Description("headHash of an earlier verification.");
    }
}
