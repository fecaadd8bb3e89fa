using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.Spear.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SpearDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityKind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PlannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActivityLocation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ActivityDescription = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Program = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProgramCaseNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
