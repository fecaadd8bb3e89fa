using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportEnvelope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EventAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EventCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EventState = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    OriginatingOffice = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Supervisor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActionOfficer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportContacts_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportNarratives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Heading = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportNarratives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportNarratives_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MiddleName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NameUnknown = table.Column<bool>(type: "INTEGER", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Age = table.Column<int>(type: "INTEGER", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CountryOfBirth = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    CountryOfCitizenship = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    AddressStreet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddressCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AddressState = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AddressPostalCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AddressCountry = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ANumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Fin = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    FbiNumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    ImmigrationStatus = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportPeople_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportRevisions_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportContacts_ReportId_Position",
                table: "ReportContacts",
                columns: new[] { "ReportId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportNarratives_ReportId_Position",
                table: "ReportNarratives",
                columns: new[] { "ReportId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportPeople_ANumber",
                table: "ReportPeople",
                column: "ANumber");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPeople_LastName",
                table: "ReportPeople",
                column: "LastName");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPeople_ReportId_Position",
                table: "ReportPeople",
                columns: new[] { "ReportId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRevisions_ReportId_Revision",
                table: "ReportRevisions",
                columns: new[] { "ReportId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Author",
                table: "Reports",
                column: "Author");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_OriginatingOffice",
                table: "Reports",
                column: "OriginatingOffice");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status",
                table: "Reports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_SubmittedAt",
                table: "Reports",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Type_Number",
                table: "Reports",
                columns: new[] { "Type", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportContacts");

            migrationBuilder.DropTable(
                name: "ReportNarratives");

            migrationBuilder.DropTable(
                name: "ReportPeople");

            migrationBuilder.DropTable(
                name: "ReportRevisions");

            migrationBuilder.DropTable(
                name: "Reports");
        }
    }
}
