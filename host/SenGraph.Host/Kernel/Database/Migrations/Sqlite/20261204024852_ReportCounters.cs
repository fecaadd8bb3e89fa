using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportCounters",
                columns: table => new
                {
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCounters", x => new { x.Type, x.FiscalYear });
                });

            // Numbers given before the counters existed: each type and fiscal year continues after its highest.
            migrationBuilder.Sql("""
                INSERT INTO "ReportCounters" ("Type", "FiscalYear", "Last")
                SELECT substr("Number", 1, instr("Number", '-FY') - 1), CAST(substr("Number", instr("Number", '-FY') + 3, 4) AS INTEGER),
                       MAX(CAST(substr("Number", instr("Number", '-FY') + 8) AS INTEGER))
                FROM "Reports" WHERE "Number" IS NOT NULL AND instr("Number", '-FY') > 0
                GROUP BY substr("Number", 1, instr("Number", '-FY') - 1), CAST(substr("Number", instr("Number", '-FY') + 3, 4) AS INTEGER);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportCounters");
        }
    }
}
