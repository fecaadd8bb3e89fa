using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.TestModules.KitTypes.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PersonDetailsAndVictims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KitProbePersonHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MothersMaidenName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    EntryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Fugitive = table.Column<bool>(type: "bit", nullable: false),
                    PriorArrests = table.Column<int>(type: "int", nullable: true),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    PersonPosition = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KitProbePersonHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KitProbePersonHistory_KitProbeDetails_ReportId",
                        column: x => x.ReportId,
                        principalTable: "KitProbeDetails",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KitProbeVictims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgeGroup = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TraffickingVictim = table.Column<bool>(type: "bit", nullable: false),
                    Relationship = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KitProbeVictims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KitProbeVictims_KitProbeDetails_ReportId",
                        column: x => x.ReportId,
                        principalTable: "KitProbeDetails",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KitProbePersonHistory_ReportId_Position",
                table: "KitProbePersonHistory",
                columns: new[] { "ReportId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KitProbeVictims_ReportId_Position",
                table: "KitProbeVictims",
                columns: new[] { "ReportId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KitProbePersonHistory");

            migrationBuilder.DropTable(
                name: "KitProbeVictims");
        }
    }
}
