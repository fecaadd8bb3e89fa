using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.Oppred.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OppredDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    QualifyingOffence = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SeizedProperty = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Injuries = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Hospital = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_OppredDetails_Category",
                table: "OppredDetails",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_OppredDetails_QualifyingOffence",
                table: "OppredDetails",
                column: "QualifyingOffence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OppredDetails");
        }
    }
}
