using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.Sir.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Narrative = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    EventAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EventCity = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    EventState = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    Author = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Office = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
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
