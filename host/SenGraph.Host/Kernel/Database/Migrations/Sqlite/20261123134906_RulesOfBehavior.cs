using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RulesOfBehavior : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RulesOfBehaviorAcknowledgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RulesVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesOfBehaviorAcknowledgements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RulesOfBehaviorAcknowledgements_UserName_RulesVersion_AcknowledgedAt",
                table: "RulesOfBehaviorAcknowledgements",
                columns: new[] { "UserName", "RulesVersion", "AcknowledgedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RulesOfBehaviorAcknowledgements");
        }
    }
}
