using Microsoft.EntityFrameworkCore.Migrations;

namespace SenGraph.Modules.Sir.Migrations;

/// <summary>
/// Moving SIR drafts from module 1.x's own <c>SirReports</c> table onto the host's report envelope
/// (<c>Reports</c>, <c>ReportNarratives</c>) and the new <c>SirDetails</c> table, and back. The SQL is
/// the same for SQLite and SQL Server (both accept bracketed names); nothing stored is dropped before it is copied.
/// </summary>
internal static class SirEnvelopeMove
{
    /// <summary>Module 1.x drafts become DRAFT envelopes (category OTHER, to be set on the next edit); the narrative becomes the first narrative section.</summary>
    public static void CopyDraftsIntoEnvelope(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            INSERT INTO [Reports] ([Id], [Type], [Number], [Status], [Title], [EventAt], [EventCity], [EventState], [OriginatingOffice], [Author],
                [Supervisor], [ActionOfficer], [CreatedAt], [UpdatedAt], [SubmittedAt], [ReturnReason], [CaseReference], [Revision], [Version])
            SELECT [Id], 'SIR', NULL, 'Draft', [Title], [EventAt], [EventCity], [EventState], [Office], [Author],
                NULL, NULL, [CreatedAt], [UpdatedAt], NULL, NULL, NULL, 0, [Version]
            FROM [SirReports];
            """);
        migrationBuilder.Sql("""
            INSERT INTO [ReportNarratives] ([Id], [ReportId], [Position], [Heading], [Text])
            SELECT [Id], [Id], 0, NULL, [Narrative] FROM [SirReports] WHERE [Narrative] IS NOT NULL;
            """);
        migrationBuilder.Sql("""
            INSERT INTO [SirDetails] ([Id], [Category]) SELECT [Id], 'Other' FROM [SirReports];
            """);
    }

    /// <summary>SIRs go back to module 1.x's table as drafts (title, first narrative, event, author, office); their envelopes are then removed.</summary>
    public static void CopyEnvelopeBackIntoDrafts(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            INSERT INTO [SirReports] ([Id], [Status], [Title], [Narrative], [EventAt], [EventCity], [EventState], [Author], [Office], [CreatedAt], [UpdatedAt], [Version])
            SELECT r.[Id], 'Draft', r.[Title],
                (SELECT n.[Text] FROM [ReportNarratives] n WHERE n.[ReportId] = r.[Id] AND n.[Position] = 0),
                r.[EventAt], r.[EventCity], r.[EventState], r.[Author], r.[OriginatingOffice], r.[CreatedAt], r.[UpdatedAt], r.[Version]
            FROM [Reports] r INNER JOIN [SirDetails] d ON d.[Id] = r.[Id];
            """);
        migrationBuilder.Sql("DELETE FROM [SirDetails];");
        migrationBuilder.Sql("DELETE FROM [Reports] WHERE [Type] = 'SIR';");
    }
}
