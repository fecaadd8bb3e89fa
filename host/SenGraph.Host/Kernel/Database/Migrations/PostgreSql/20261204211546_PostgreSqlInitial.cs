using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SenGraph.Host.Kernel.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditRecords",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Entity = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OperationName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RequestId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    PiiFields = table.Column<string>(type: "text", nullable: true),
                    Details = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "CorrectionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Request = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OutcomeReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExternalShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReportType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SharedWith = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Agency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Fields = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExternalShares", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DeclaredBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MatchType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    MatchEventFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MatchEventTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReleasedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReleaseReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "PersonSearches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SearchedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SearchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Criteria = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Found = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonSearches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecordsTombstones",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CutOff = table.Column<DateOnly>(type: "date", nullable: true),
                    TransferOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DestroyOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TransferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DestroyedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AuthorisedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordsTombstones", x => x.ReportId);
                });

            migrationBuilder.CreateTable(
                name: "ReportCounters",
                columns: table => new
                {
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCounters", x => new { x.Type, x.FiscalYear });
                });

            migrationBuilder.CreateTable(
                name: "ReportRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRecipients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportSharingCodes",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSharingCodes", x => new { x.ReportId, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "ReportSharingCodings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Codes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CodedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CodedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSharingCodings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportSummaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Author = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSummaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EventAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EventCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EventState = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    OriginatingOffice = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Author = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Supervisor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ActionOfficer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CaseReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RetentionKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RetentionCutOff = table.Column<DateOnly>(type: "date", nullable: true),
                    RetentionTransferOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RetentionDestroyOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TransferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RulesOfBehaviorAcknowledgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RulesVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulesOfBehaviorAcknowledgements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedQueries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Owner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Problems = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedQueries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SharingAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Agency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReportTypes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Fields = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingAgreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LegalHoldReports",
                columns: table => new
                {
                    LegalHoldId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHoldReports", x => new { x.LegalHoldId, x.ReportId });
                    table.ForeignKey(
                        name: "FK_LegalHoldReports_LegalHolds_LegalHoldId",
                        column: x => x.LegalHoldId,
                        principalTable: "LegalHolds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Offices",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    OrganisationCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Area = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ReviewMandatory = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offices", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Offices_Offices_ParentCode",
                        column: x => x.ParentCode,
                        principalTable: "Offices",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Offices_Organisations_OrganisationCode",
                        column: x => x.OrganisationCode,
                        principalTable: "Organisations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportSummaryRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SummaryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSummaryRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSummaryRecipients_ReportSummaries_SummaryId",
                        column: x => x.SummaryId,
                        principalTable: "ReportSummaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportSummaryReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SummaryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReportNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSummaryReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSummaryReports_ReportSummaries_SummaryId",
                        column: x => x.SummaryId,
                        principalTable: "ReportSummaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Agency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Heading = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MiddleName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastNameKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NameUnknown = table.Column<bool>(type: "boolean", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Age = table.Column<int>(type: "integer", nullable: true),
                    Sex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CountryOfBirth = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    CountryOfCitizenship = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    AddressStreet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddressCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AddressState = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AddressPostalCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AddressCountry = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    ANumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Fin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    FbiNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    ImmigrationStatus = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    SnapshotJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "SavedQueryShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SavedQueryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedQueryShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SavedQueryShares_SavedQueries_SavedQueryId",
                        column: x => x.SavedQueryId,
                        principalTable: "SavedQueries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SharingPartners",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BoundBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "Users",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OfficeCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Users", x => x.UserName);
                    table.ForeignKey(
                        name: "FK_Users_Offices_OfficeCode",
                        column: x => x.OfficeCode,
                        principalTable: "Offices",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UserRoles",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserRoles", x => new { x.UserName, x.Role });
                    table.ForeignKey(
                        name: "FK_UserRoles_Users_UserName",
                        column: x => x.UserName,
                        principalTable: "Users",
                        principalColumn: "UserName",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_At",
                table: "AuditRecords",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_RecordId",
                table: "AuditRecords",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_UserName_Action_At",
                table: "AuditRecords",
                columns: new[] { "UserName", "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionRequests_ReportId",
                table: "CorrectionRequests",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalShares_ReportId",
                table: "ExternalShares",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ExternalShares_SharedWith_SharedAt",
                table: "ExternalShares",
                columns: new[] { "SharedWith", "SharedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LegalHoldReports_ReportId",
                table: "LegalHoldReports",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_ReleasedAt",
                table: "LegalHolds",
                column: "ReleasedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_Area_Kind",
                table: "Offices",
                columns: new[] { "Area", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Offices_Kind",
                table: "Offices",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_OrganisationCode",
                table: "Offices",
                column: "OrganisationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_ParentCode",
                table: "Offices",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_PersonSearches_SearchedAt",
                table: "PersonSearches",
                column: "SearchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RecordsTombstones_RunId",
                table: "RecordsTombstones",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_RecordsTombstones_Type_Number",
                table: "RecordsTombstones",
                columns: new[] { "Type", "Number" });

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
                name: "IX_ReportPeople_DateOfBirth",
                table: "ReportPeople",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPeople_Fin",
                table: "ReportPeople",
                column: "Fin");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPeople_LastName",
                table: "ReportPeople",
                column: "LastName");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPeople_LastNameKey",
                table: "ReportPeople",
                column: "LastNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_ReportPeople_ReportId_Position",
                table: "ReportPeople",
                columns: new[] { "ReportId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRecipients_Kind_Code_AcknowledgedAt",
                table: "ReportRecipients",
                columns: new[] { "Kind", "Code", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRecipients_Kind_Code_QueuedAt_Id",
                table: "ReportRecipients",
                columns: new[] { "Kind", "Code", "QueuedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRecipients_ReportId_Kind_Code",
                table: "ReportRecipients",
                columns: new[] { "ReportId", "Kind", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportRevisions_ReportId_Revision",
                table: "ReportRevisions",
                columns: new[] { "ReportId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportSharingCodes_Code",
                table: "ReportSharingCodes",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSharingCodings_ReportId_Revision",
                table: "ReportSharingCodings",
                columns: new[] { "ReportId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportSummaries_Author",
                table: "ReportSummaries",
                column: "Author");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSummaryRecipients_Kind_Code",
                table: "ReportSummaryRecipients",
                columns: new[] { "Kind", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportSummaryRecipients_SummaryId",
                table: "ReportSummaryRecipients",
                column: "SummaryId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSummaryReports_ReportId",
                table: "ReportSummaryReports",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSummaryReports_SummaryId_Position",
                table: "ReportSummaryReports",
                columns: new[] { "SummaryId", "Position" },
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
                name: "IX_Reports_RetentionDestroyOn",
                table: "Reports",
                column: "RetentionDestroyOn");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_RetentionTransferOn_TransferredAt",
                table: "Reports",
                columns: new[] { "RetentionTransferOn", "TransferredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status",
                table: "Reports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_SubmittedAt_Id",
                table: "Reports",
                columns: new[] { "Status", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_SubmittedAt",
                table: "Reports",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Type_Number",
                table: "Reports",
                columns: new[] { "Type", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Type_RetentionKey",
                table: "Reports",
                columns: new[] { "Type", "RetentionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UpdatedAt_Id",
                table: "Reports",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RulesOfBehaviorAcknowledgements_UserName_RulesVersion_Ackno~",
                table: "RulesOfBehaviorAcknowledgements",
                columns: new[] { "UserName", "RulesVersion", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedQueries_NameKey",
                table: "SavedQueries",
                column: "NameKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavedQueries_Owner",
                table: "SavedQueries",
                column: "Owner");

            migrationBuilder.CreateIndex(
                name: "IX_SavedQueryShares_Kind_Value",
                table: "SavedQueryShares",
                columns: new[] { "Kind", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_SavedQueryShares_SavedQueryId",
                table: "SavedQueryShares",
                column: "SavedQueryId");

            migrationBuilder.CreateIndex(
                name: "IX_SharingPartners_AgreementId",
                table: "SharingPartners",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_UserRoles_Role",
                table: "UserRoles",
                column: "Role");

            migrationBuilder.CreateIndex(
                name: "IX_Users_OfficeCode",
                table: "Users",
                column: "OfficeCode");

            // The audit trail is append-only (as the SQLite and SQL Server triggers): UPDATE, DELETE and TRUNCATE are refused.
            // Dropping a trigger takes a DBA; verifyAuditTrail then still detects what was changed.
            migrationBuilder.Sql("""
                CREATE FUNCTION "AuditRecords_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'AuditRecords is append-only: % is refused.', TG_OP;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditRecords_NoUpdateOrDelete" BEFORE UPDATE OR DELETE ON "AuditRecords"
                FOR EACH ROW EXECUTE FUNCTION "AuditRecords_AppendOnly"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditRecords_NoTruncate" BEFORE TRUNCATE ON "AuditRecords"
                FOR EACH STATEMENT EXECUTE FUNCTION "AuditRecords_AppendOnly"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditRecords_NoTruncate\" ON \"AuditRecords\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditRecords_NoUpdateOrDelete\" ON \"AuditRecords\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS \"AuditRecords_AppendOnly\"();");
            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.DropTable(
                name: "CorrectionRequests");

            migrationBuilder.DropTable(
                name: "ExternalShares");

            migrationBuilder.DropTable(
                name: "LegalHoldReports");

            migrationBuilder.DropTable(
                name: "PersonSearches");

            migrationBuilder.DropTable(
                name: "RecordsTombstones");

            migrationBuilder.DropTable(
                name: "ReportContacts");

            migrationBuilder.DropTable(
                name: "ReportCounters");

            migrationBuilder.DropTable(
                name: "ReportNarratives");

            migrationBuilder.DropTable(
                name: "ReportPeople");

            migrationBuilder.DropTable(
                name: "ReportRecipients");

            migrationBuilder.DropTable(
                name: "ReportRevisions");

            migrationBuilder.DropTable(
                name: "ReportSharingCodes");

            migrationBuilder.DropTable(
                name: "ReportSharingCodings");

            migrationBuilder.DropTable(
                name: "ReportSummaryRecipients");

            migrationBuilder.DropTable(
                name: "ReportSummaryReports");

            migrationBuilder.DropTable(
                name: "RulesOfBehaviorAcknowledgements");

            migrationBuilder.DropTable(
                name: "SavedQueryShares");

            migrationBuilder.DropTable(
                name: "SharingPartners");

            migrationBuilder.DropTable(
                name: "UserRoles");

            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropTable(
                name: "Reports");

            migrationBuilder.DropTable(
                name: "ReportSummaries");

            migrationBuilder.DropTable(
                name: "SavedQueries");

            migrationBuilder.DropTable(
                name: "SharingAgreements");

            migrationBuilder.DropTable(
                name: "Users");

            migrationBuilder.DropTable(
                name: "Offices");

            migrationBuilder.DropTable(
                name: "Organisations");
        }
    }
}
