using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReportSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportSummaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Author = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSummaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportSummaryRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SummaryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSummaryRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSummaryRecipients_ReportSummaries_SummaryId",
                        column: x => x.SummaryId,
                        principalTable: "ReportSummaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportSummaryReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SummaryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ReportNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSummaryReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSummaryReports_ReportSummaries_SummaryId",
                        column: x => x.SummaryId,
                        principalTable: "ReportSummaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSummaries_Author",
                table: "ReportSummaries",
                column: "Author");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSummaryRecipients_Kind_Code",
                table: "ReportSummaryRecipients",
                columns: new[] { "Kind", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSummaryRecipients_SummaryId",
                table: "ReportSummaryRecipients",
                column: "SummaryId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSummaryReports_ReportId",
                table: "ReportSummaryReports",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSummaryReports_SummaryId_Position",
                table: "ReportSummaryReports",
                columns: new[] { "SummaryId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportSummaryRecipients");

            migrationBuilder.DropTable(
                name: "ReportSummaryReports");

            migrationBuilder.DropTable(
                name: "ReportSummaries");
        }
    }
}
