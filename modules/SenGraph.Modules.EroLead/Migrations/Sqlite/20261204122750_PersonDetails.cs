using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.EroLead.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EroLeadPersonDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MothersMaidenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CitizenshipStatus = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EntryDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ArrestCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ArrestState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    RegisteredSexOffender = table.Column<bool>(type: "INTEGER", nullable: true),
                    AmberAlert = table.Column<bool>(type: "INTEGER", nullable: true),
                    ProtectAct = table.Column<bool>(type: "INTEGER", nullable: true),
                    AggravatedFelon = table.Column<bool>(type: "INTEGER", nullable: true),
                    Fugitive = table.Column<bool>(type: "INTEGER", nullable: true),
                    PriorArrestsAndConvictions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonPosition = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EroLeadPersonDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EroLeadPersonDetails_EroLeadDetails_ReportId",
                        column: x => x.ReportId,
                        principalTable: "EroLeadDetails",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EroLeadPersonDetails_ReportId_Position",
                table: "EroLeadPersonDetails",
                columns: new[] { "ReportId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EroLeadPersonDetails");
        }
    }
}
