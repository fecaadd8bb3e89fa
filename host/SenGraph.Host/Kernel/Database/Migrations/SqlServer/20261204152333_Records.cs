using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Records : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RetentionCutOff",
                table: "Reports",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetentionDestroyOn",
                table: "Reports",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetentionKey",
                table: "Reports",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetentionTransferOn",
                table: "Reports",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TransferredAt",
                table: "Reports",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastNameKey",
                table: "ReportPeople",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            // People named before the key existed: searchable by name at once (new rows get it from the kit when saved).
            migrationBuilder.Sql("UPDATE ReportPeople SET LastNameKey = UPPER(LastName) WHERE LastName IS NOT NULL");

            migrationBuilder.CreateTable(
                name: "CorrectionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Request = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    OutcomeReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    DeclaredBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    MatchType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    MatchEventFrom = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    MatchEventTo = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReleasedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReleaseReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonSearches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SearchedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SearchedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Criteria = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Found = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonSearches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecordsTombstones",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CutOff = table.Column<DateOnly>(type: "date", nullable: true),
                    TransferOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DestroyOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TransferredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DestroyedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AuthorisedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordsTombstones", x => x.ReportId);
                });

            migrationBuilder.CreateTable(
                name: "LegalHoldReports",
                columns: table => new
                {
                    LegalHoldId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHoldReports", x => new { x.LegalHoldId, x.ReportId });
                    table.ForeignKey(
                        name: "FK_LegalHoldReports_LegalHolds_LegalHoldId",
                        column: x => x.LegalHoldId,
                        principalTable: "LegalHolds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_RetentionDestroyOn",
                table: "Reports",
                column: "RetentionDestroyOn");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_RetentionTransferOn_TransferredAt",
                table: "Reports",
                columns: new[] { "RetentionTransferOn", "TransferredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Type_RetentionKey",
                table: "Reports",
                columns: new[] { "Type", "RetentionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportPeople_DateOfBirth",
                table: "ReportPeople",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPeople_Fin",
                table: "ReportPeople",
                column: "Fin");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPeople_LastNameKey",
                table: "ReportPeople",
                column: "LastNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionRequests_ReportId",
                table: "CorrectionRequests",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHoldReports_ReportId",
                table: "LegalHoldReports",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_ReleasedAt",
                table: "LegalHolds",
                column: "ReleasedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PersonSearches_SearchedAt",
                table: "PersonSearches",
                column: "SearchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RecordsTombstones_RunId",
                table: "RecordsTombstones",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordsTombstones_Type_Number",
                table: "RecordsTombstones",
                columns: new[] { "Type", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CorrectionRequests");

            migrationBuilder.DropTable(
                name: "LegalHoldReports");

            migrationBuilder.DropTable(
                name: "PersonSearches");

            migrationBuilder.DropTable(
                name: "RecordsTombstones");

            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropIndex(
                name: "IX_Reports_RetentionDestroyOn",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_RetentionTransferOn_TransferredAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_Type_RetentionKey",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_ReportPeople_DateOfBirth",
                table: "ReportPeople");

            migrationBuilder.DropIndex(
                name: "IX_ReportPeople_Fin",
                table: "ReportPeople");

            migrationBuilder.DropIndex(
                name: "IX_ReportPeople_LastNameKey",
                table: "ReportPeople");

            migrationBuilder.DropColumn(
                name: "RetentionCutOff",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "RetentionDestroyOn",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "RetentionKey",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "RetentionTransferOn",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "TransferredAt",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "LastNameKey",
                table: "ReportPeople");
        }
    }
}
