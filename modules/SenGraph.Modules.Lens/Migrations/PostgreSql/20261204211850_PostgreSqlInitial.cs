using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SenGraph.Modules.Lens.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LensQualifyingOffenses",
                columns: table => new
                {
                    FromCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    ToCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LensQualifyingOffenses", x => x.FromCode);
                });

            migrationBuilder.CreateTable(
                name: "LensReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReleaseDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReleasingFacility = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReleasingState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MiddleName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    FbiNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    ResidenceStreet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ResidenceCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ResidenceState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ResidencePostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Notifiable = table.Column<bool>(type: "boolean", nullable: false),
                    NoMessageReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StatesWithoutOri = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LensReleases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LensStateOris",
                columns: table => new
                {
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Ori = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Bureau = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LensStateOris", x => x.State);
                });

            migrationBuilder.CreateTable(
                name: "LensConvictions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReleaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    NcicCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ConvictedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Court = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Sentence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LensConvictions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LensConvictions_LensReleases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "LensReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LensMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReleaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DestinationOri = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    DestinationState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Replaces = table.Column<Guid>(type: "uuid", nullable: true),
                    Withdraws = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LensMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LensMessages_LensReleases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "LensReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "LensQualifyingOffenses",
                columns: new[] { "FromCode", "Category", "ToCode" },
                values: new object[,]
                {
                    { "0901", "Homicide", "0999" },
                    { "1001", "Kidnapping", "1099" },
                    { "1101", "Sexual assault", "1199" },
                    { "1201", "Robbery", "1299" },
                    { "1301", "Aggravated assault", "1312" },
                    { "2001", "Arson", "2099" },
                    { "3601", "Sex offenses", "3699" },
                    { "5201", "Weapon offenses", "5299" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_LensConvictions_ReleaseId",
                table: "LensConvictions",
                column: "ReleaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LensMessages_ReleaseId",
                table: "LensMessages",
                column: "ReleaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LensMessages_Status_NextAttemptAt",
                table: "LensMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LensReleases_ReleaseDate",
                table: "LensReleases",
                column: "ReleaseDate");

            migrationBuilder.CreateIndex(
                name: "IX_LensReleases_UpdatedAt",
                table: "LensReleases",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LensConvictions");

            migrationBuilder.DropTable(
                name: "LensMessages");

            migrationBuilder.DropTable(
                name: "LensQualifyingOffenses");

            migrationBuilder.DropTable(
                name: "LensStateOris");

            migrationBuilder.DropTable(
                name: "LensReleases");
        }
    }
}
