using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.Oppred.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OppredDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    QualifyingOffence = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SeizedProperty = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Injuries = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Hospital = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OppredDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OppredDetails_Reports_Id",
                        column: x => x.Id,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OppredCriminalHistory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrestCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ArrestState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    RegisteredSexOffender = table.Column<bool>(type: "boolean", nullable: false),
                    AmberAlertAssociated = table.Column<bool>(type: "boolean", nullable: false),
                    ProtectActCase = table.Column<bool>(type: "boolean", nullable: false),
                    AggravatedFelon = table.Column<bool>(type: "boolean", nullable: false),
                    Fugitive = table.Column<bool>(type: "boolean", nullable: false),
                    PriorArrests = table.Column<int>(type: "integer", nullable: true),
                    PriorConvictions = table.Column<int>(type: "integer", nullable: true),
                    PriorRecord = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    PersonPosition = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OppredCriminalHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OppredCriminalHistory_OppredDetails_ReportId",
                        column: x => x.ReportId,
                        principalTable: "OppredDetails",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OppredVictims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SmugglingOrTraffickingVictim = table.Column<bool>(type: "boolean", nullable: false),
                    RelationshipToOffender = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CountryOfBirth = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    CountryOfCitizenship = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OppredVictims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OppredVictims_OppredDetails_ReportId",
                        column: x => x.ReportId,
                        principalTable: "OppredDetails",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OppredCriminalHistory_ReportId_Position",
                table: "OppredCriminalHistory",
                columns: new[] { "ReportId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OppredDetails_Category",
                table: "OppredDetails",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_OppredDetails_QualifyingOffence",
                table: "OppredDetails",
                column: "QualifyingOffence");

            migrationBuilder.CreateIndex(
                name: "IX_OppredVictims_ReportId_Position",
                table: "OppredVictims",
                columns: new[] { "ReportId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OppredCriminalHistory");

            migrationBuilder.DropTable(
                name: "OppredVictims");

            migrationBuilder.DropTable(
                name: "OppredDetails");
        }
    }
}
