using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ReportType = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SharedWith = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Agency = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Fields = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalShares", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SharingAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Agency = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ReportTypes = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Fields = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ValidTo = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingAgreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SharingPartners",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BoundBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    BoundAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
