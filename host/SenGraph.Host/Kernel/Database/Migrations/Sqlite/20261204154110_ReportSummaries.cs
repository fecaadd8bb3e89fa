using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSummaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportSummaryRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SummaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SummaryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReportNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
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
