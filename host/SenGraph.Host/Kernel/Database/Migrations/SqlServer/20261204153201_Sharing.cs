using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Sharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportSharingCodes",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSharingCodes", x => new { x.ReportId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "ReportSharingCodings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    Codes = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    CodedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CodedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSharingCodings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSharingCodes_Code",
                table: "ReportSharingCodes",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSharingCodings_ReportId_Revision",
                table: "ReportSharingCodings",
                columns: new[] { "ReportId", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportSharingCodes");

            migrationBuilder.DropTable(
                name: "ReportSharingCodings");
        }
    }
}
