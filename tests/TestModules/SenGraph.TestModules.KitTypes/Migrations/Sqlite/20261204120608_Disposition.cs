using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.TestModules.KitTypes.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Disposition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Disposition",
                table: "KitProbeDetails",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Disposition",
                table: "KitProbeDetails");
        }
    }
}
