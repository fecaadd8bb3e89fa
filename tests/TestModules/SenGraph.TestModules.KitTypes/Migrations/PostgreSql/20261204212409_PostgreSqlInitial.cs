using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.TestModules.KitTypes.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KitProbeDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FollowUp = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FollowUpRequired = table.Column<bool>(type: "boolean", nullable: false),
                    Disposition = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KitProbeDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KitProbeDetails_Reports_Id",
                        column: x => x.Id,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KitProbePersonHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MothersMaidenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EntryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Fugitive = table.Column<bool>(type: "boolean", nullable: false),
                    PriorArrests = table.Column<int>(type: "integer", nullable: true),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    PersonPosition = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TraffickingVictim = table.Column<bool>(type: "boolean", nullable: false),
                    Relationship = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                name: "IX_KitProbeDetails_Outcome",
                table: "KitProbeDetails",
                column: "Outcome");

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

            migrationBuilder.DropTable(
                name: "KitProbeDetails");
        }
    }
}
