using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.Spear.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SpearDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityKind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PlannedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivityLocation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ActivityDescription = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Program = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProgramCaseNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpearDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpearDetails_Reports_Id",
                        column: x => x.Id,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SpearDetails_ActivityKind",
                table: "SpearDetails",
                column: "ActivityKind");

            migrationBuilder.CreateIndex(
                name: "IX_SpearDetails_PlannedAt",
                table: "SpearDetails",
                column: "PlannedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SpearDetails_ProgramCaseNumber",
                table: "SpearDetails",
                column: "ProgramCaseNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpearDetails");
        }
    }
}
