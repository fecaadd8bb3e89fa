using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.SqlServer
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
                    Type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    FiscalYear = table.Column<int>(type: "int", nullable: false),
                    Last = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCounters", x => new { x.Type, x.FiscalYear });
                });

            // Numbers given before the counters existed: each type and fiscal year continues after its highest.
            migrationBuilder.Sql("""
                INSERT INTO [ReportCounters] ([Type], [FiscalYear], [Last])
                SELECT n.[Type], n.[FiscalYear], MAX(n.[Sequence]) FROM (
                    SELECT SUBSTRING([Number], 1, CHARINDEX('-FY', [Number]) - 1) AS [Type],
                           CAST(SUBSTRING([Number], CHARINDEX('-FY', [Number]) + 3, 4) AS int) AS [FiscalYear],
                           CAST(SUBSTRING([Number], CHARINDEX('-FY', [Number]) + 8, 20) AS int) AS [Sequence]
                    FROM [Reports] WHERE [Number] IS NOT NULL AND CHARINDEX('-FY', [Number]) > 0) AS n
                GROUP BY n.[Type], n.[FiscalYear];
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
