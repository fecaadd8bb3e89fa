using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.Sir.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SirReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    EventAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EventCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EventState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SirReports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SirReports_Author_Status",
                table: "SirReports",
                columns: new[] { "Author", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SirReports");
        }
    }
}
