using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CursorIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_SubmittedAt_Id",
                table: "Reports",
                columns: new[] { "Status", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UpdatedAt_Id",
                table: "Reports",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRecipients_Kind_Code_QueuedAt_Id",
                table: "ReportRecipients",
                columns: new[] { "Kind", "Code", "QueuedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_Status_SubmittedAt_Id",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_UpdatedAt_Id",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_ReportRecipients_Kind_Code_QueuedAt_Id",
                table: "ReportRecipients");
        }
    }
}
