using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExternalSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExternalShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReportType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SharedWith = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SharedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalShares", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SharingAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReportTypes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidTo = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingAgreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SharingPartners",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoundBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BoundAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingPartners", x => x.UserName);
                    table.ForeignKey(
                        name: "FK_SharingPartners_SharingAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "SharingAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExternalShares_ReportId",
                table: "ExternalShares",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalShares_SharedWith_SharedAt",
                table: "ExternalShares",
                columns: new[] { "SharedWith", "SharedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SharingPartners_AgreementId",
                table: "SharingPartners",
                column: "AgreementId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExternalShares");

            migrationBuilder.DropTable(
                name: "SharingPartners");

            migrationBuilder.DropTable(
                name: "SharingAgreements");
        }
    }
}
