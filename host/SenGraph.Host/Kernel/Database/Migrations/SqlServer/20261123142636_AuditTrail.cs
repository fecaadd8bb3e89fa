using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditRecords",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Entity = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordId = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    OperationName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RequestId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    PiiFields = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PreviousHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_At",
                table: "AuditRecords",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_RecordId",
                table: "AuditRecords",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_UserName_Action_At",
                table: "AuditRecords",
                columns: new[] { "UserName", "Action", "At" });

            // Append-only: the application never updates or deletes a record, and the database refuses to
            // (TRUNCATE TABLE bypasses triggers: grant the application's login INSERT and SELECT only).
            // Dropping the trigger takes a DBA; verifyAuditTrail then still detects what was changed.
            // EXEC: CREATE TRIGGER must begin its batch, and the idempotent script wraps each step in IF … BEGIN … END.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [AuditRecords_AppendOnly] ON [AuditRecords] INSTEAD OF UPDATE, DELETE
                AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 51001, N''AuditRecords is append-only: UPDATE and DELETE are refused.'', 1;
                END');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [AuditRecords_AppendOnly];");
            migrationBuilder.DropTable(
                name: "AuditRecords");
        }
    }
}
