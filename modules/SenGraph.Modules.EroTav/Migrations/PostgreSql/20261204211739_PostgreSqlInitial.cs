using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.EroTav.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EroTavDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestingAgency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgencyType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Facility = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EroTavDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EroTavDetails_Reports_Id",
                        column: x => x.Id,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EroTavDetails_AgencyType",
                table: "EroTavDetails",
                column: "AgencyType");

            migrationBuilder.CreateIndex(
                name: "IX_EroTavDetails_RequestingAgency",
                table: "EroTavDetails",
                column: "RequestingAgency");

            migrationBuilder.CreateIndex(
                name: "IX_EroTavDetails_VisitDate",
                table: "EroTavDetails",
                column: "VisitDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EroTavDetails");
        }
    }
}
