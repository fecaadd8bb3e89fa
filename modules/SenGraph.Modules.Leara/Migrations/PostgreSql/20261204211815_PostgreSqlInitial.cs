using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.Leara.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LearaDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestingAgency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgencyLevel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AgencyState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    AgencyOri = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Program = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Request = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Disposition = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ResponseCompletedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearaDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearaDetails_Reports_Id",
                        column: x => x.Id,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearaDetails_AgencyLevel",
                table: "LearaDetails",
                column: "AgencyLevel");

            migrationBuilder.CreateIndex(
                name: "IX_LearaDetails_AgencyState",
                table: "LearaDetails",
                column: "AgencyState");

            migrationBuilder.CreateIndex(
                name: "IX_LearaDetails_Outcome",
                table: "LearaDetails",
                column: "Outcome");

            migrationBuilder.CreateIndex(
                name: "IX_LearaDetails_Program",
                table: "LearaDetails",
                column: "Program");

            migrationBuilder.CreateIndex(
                name: "IX_LearaDetails_ReceivedOn",
                table: "LearaDetails",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_LearaDetails_RequestingAgency",
                table: "LearaDetails",
                column: "RequestingAgency");

            migrationBuilder.CreateIndex(
                name: "IX_LearaDetails_ResponseCompletedOn",
                table: "LearaDetails",
                column: "ResponseCompletedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearaDetails");
        }
    }
}
