using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Modules.Sir.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoveToReportEnvelope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SirDetails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SeizedProperty = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Injuries = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Hospital = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SirDetails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SirDetails_Reports_Id",
                        column: x => x.Id,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SirDetails_Category",
                table: "SirDetails",
                column: "Category");

            SirEnvelopeMove.CopyDraftsIntoEnvelope(migrationBuilder);

            migrationBuilder.DropTable(
                name: "SirReports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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

            SirEnvelopeMove.CopyEnvelopeBackIntoDrafts(migrationBuilder);

            migrationBuilder.DropTable(
                name: "SirDetails");
        }
    }
}
