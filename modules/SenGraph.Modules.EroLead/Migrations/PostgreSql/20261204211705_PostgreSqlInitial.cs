using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.EroLead.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EroLeadDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EroLeadDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EroLeadDetails_Reports_Id",
                        column: x => x.Id,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EroLeadHsiFlags",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    FlaggedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FlaggedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EroLeadHsiFlags", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_EroLeadHsiFlags_EroLeadDetails_ReportId",
                        column: x => x.ReportId,
                        principalTable: "EroLeadDetails",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EroLeadPersonDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MothersMaidenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CitizenshipStatus = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EntryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ArrestCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ArrestState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    RegisteredSexOffender = table.Column<bool>(type: "boolean", nullable: true),
                    AmberAlert = table.Column<bool>(type: "boolean", nullable: true),
                    ProtectAct = table.Column<bool>(type: "boolean", nullable: true),
                    AggravatedFelon = table.Column<bool>(type: "boolean", nullable: true),
                    Fugitive = table.Column<bool>(type: "boolean", nullable: true),
                    PriorArrestsAndConvictions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    PersonPosition = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "EroLeadProducts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Agency = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AuthorisedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LeadCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeadState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    TextByAnalyst = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EroLeadProducts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EroLeadProducts_EroLeadDetails_ReportId",
                        column: x => x.ReportId,
                        principalTable: "EroLeadDetails",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EroLeadDetails_Source",
                table: "EroLeadDetails",
                column: "Source");

            migrationBuilder.CreateIndex(
                name: "IX_EroLeadDetails_Subject",
                table: "EroLeadDetails",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_EroLeadPersonDetails_ReportId_Position",
                table: "EroLeadPersonDetails",
                columns: new[] { "ReportId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EroLeadProducts_Agency_AuthorisedAt",
                table: "EroLeadProducts",
                columns: new[] { "Agency", "AuthorisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EroLeadProducts_ReportId",
                table: "EroLeadProducts",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EroLeadHsiFlags");

            migrationBuilder.DropTable(
                name: "EroLeadPersonDetails");

            migrationBuilder.DropTable(
                name: "EroLeadProducts");

            migrationBuilder.DropTable(
                name: "EroLeadDetails");
        }
    }
}
