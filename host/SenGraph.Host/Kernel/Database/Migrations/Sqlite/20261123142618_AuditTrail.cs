using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.Sqlite
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
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Entity = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OperationName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PiiFields = table.Column<string>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
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

            // Append-only: the application never updates or deletes a record, and the database refuses to.
            // Dropping a trigger takes a DBA; verifyAuditTrail then still detects what was changed.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditRecords_NoUpdate" BEFORE UPDATE ON "AuditRecords"
                BEGIN SELECT RAISE(ABORT, 'AuditRecords is append-only: UPDATE is refused.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditRecords_NoDelete" BEFORE DELETE ON "AuditRecords"
                BEGIN SELECT RAISE(ABORT, 'AuditRecords is append-only: DELETE is refused.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditRecords_NoDelete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditRecords_NoUpdate\";");
            migrationBuilder.DropTable(
                name: "AuditRecords");
        }
    }
}
