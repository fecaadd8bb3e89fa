using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.SecureCommunities.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScSites",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ActivatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScSites", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ScTransmissions",
                columns: table => new
                {
                    TransmissionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedMonth = table.Column<int>(type: "integer", nullable: false),
                    Ori = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Site = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Result = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IarLevel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    IdrReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IarReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IdrSeconds = table.Column<long>(type: "bigint", nullable: true),
                    IarSeconds = table.Column<long>(type: "bigint", nullable: true),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScTransmissions", x => x.TransmissionId);
                });

            migrationBuilder.CreateTable(
                name: "ScGoDecisions",
                columns: table => new
                {
                    SiteCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Party = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PrimaryContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SecondaryContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScGoDecisions", x => new { x.SiteCode, x.Party });
                    table.ForeignKey(
                        name: "FK_ScGoDecisions_ScSites_SiteCode",
                        column: x => x.SiteCode,
                        principalTable: "ScSites",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScSiteOris",
                columns: table => new
                {
                    Ori = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    SiteCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BookingLocation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EvaluationStep = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScSiteOris", x => x.Ori);
                    table.ForeignKey(
                        name: "FK_ScSiteOris_ScSites_SiteCode",
                        column: x => x.SiteCode,
                        principalTable: "ScSites",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScSiteTasks",
                columns: table => new
                {
                    SiteCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TaskCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScSiteTasks", x => new { x.SiteCode, x.TaskCode });
                    table.ForeignKey(
                        name: "FK_ScSiteTasks_ScSites_SiteCode",
                        column: x => x.SiteCode,
                        principalTable: "ScSites",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScCaseEvents",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TransmissionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OccurredMonth = table.Column<int>(type: "integer", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScCaseEvents", x => x.EventId);
                    table.ForeignKey(
                        name: "FK_ScCaseEvents_ScTransmissions_TransmissionId",
                        column: x => x.TransmissionId,
                        principalTable: "ScTransmissions",
                        principalColumn: "TransmissionId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScCaseEvents_TransmissionId_Kind_OccurredAt",
                table: "ScCaseEvents",
                columns: new[] { "TransmissionId", "Kind", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScSiteOris_SiteCode",
                table: "ScSiteOris",
                column: "SiteCode");

            migrationBuilder.CreateIndex(
                name: "IX_ScTransmissions_Result_SubmittedAt",
                table: "ScTransmissions",
                columns: new[] { "Result", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScTransmissions_SubmittedMonth",
                table: "ScTransmissions",
                column: "SubmittedMonth");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScCaseEvents");

            migrationBuilder.DropTable(
                name: "ScGoDecisions");

            migrationBuilder.DropTable(
                name: "ScSiteOris");

            migrationBuilder.DropTable(
                name: "ScSiteTasks");

            migrationBuilder.DropTable(
                name: "ScTransmissions");

            migrationBuilder.DropTable(
                name: "ScSites");
        }
    }
}
