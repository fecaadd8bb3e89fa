using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RulesVersion = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
