using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The five counts every report collected become each call's standard indicators, with every figure unchanged.
            // Applications made before had no targets, so none are created: their reports show "no target".
            migrationBuilder.Sql("""
                INSERT INTO "CallIndicators" ("CallId", "Order", "Key", "Kind", "NameKorean", "NameEnglish", "UnitKorean", "UnitEnglish")
                SELECT c."Id", s."Order", s."Key", s."Kind", s."NameKorean", s."NameEnglish", s."UnitKorean", s."UnitEnglish"
                FROM "Calls" c CROSS JOIN (
                SELECT 1 AS "Order", 'participants' AS "Key", 'Output' AS "Kind", '참여자 수' AS "NameKorean", 'Participants' AS "NameEnglish", '명' AS "UnitKorean", 'people' AS "UnitEnglish"
                UNION ALL SELECT 2 AS "Order", 'beneficiaries' AS "Key", 'Outcome' AS "Kind", '수혜자 수' AS "NameKorean", 'Beneficiaries reached' AS "NameEnglish", '명' AS "UnitKorean", 'people' AS "UnitEnglish"
                UNION ALL SELECT 3 AS "Order", 'events_held' AS "Key", 'Output' AS "Kind", '행사 수' AS "NameKorean", 'Events' AS "NameEnglish", '회' AS "UnitKorean", 'events' AS "UnitEnglish"
                UNION ALL SELECT 4 AS "Order", 'publications' AS "Key", 'Output' AS "Kind", '발간물 수' AS "NameKorean", 'Publications' AS "NameEnglish", '건' AS "UnitKorean", 'publications' AS "UnitEnglish"
                UNION ALL SELECT 5 AS "Order", 'media_reach' AS "Key", 'Outcome' AS "Kind", '미디어 도달 규모' AS "NameKorean", 'Media reach' AS "NameEnglish", '명' AS "UnitKorean", 'people' AS "UnitEnglish") s
                WHERE NOT EXISTS (SELECT 1 FROM "CallIndicators" i WHERE i."CallId" = c."Id" AND i."Key" = s."Key");
                """);
            migrationBuilder.Sql("""
                INSERT INTO "IndicatorActuals" ("ProjectReportId", "CallIndicatorId", "Actual", "Explanation")
                SELECT r."Id", i."Id", CASE i."Key" WHEN 'participants' THEN r."Participants" WHEN 'beneficiaries' THEN r."Beneficiaries" WHEN 'events_held' THEN r."EventsHeld" WHEN 'publications' THEN r."Publications" WHEN 'media_reach' THEN r."MediaReach" END, NULL
                FROM "ProjectReports" r
                JOIN "Awards" a ON a."Id" = r."AwardId"
                JOIN "CallIndicators" i ON i."CallId" = a."CallId"
                WHERE i."Key" IN ('participants', 'beneficiaries', 'events_held', 'publications', 'media_reach')
                AND NOT EXISTS (SELECT 1 FROM "IndicatorActuals" x WHERE x."ProjectReportId" = r."Id" AND x."CallIndicatorId" = i."Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The schema's own Down has put the five columns back by now: give them their figures again.
            migrationBuilder.Sql("""
                UPDATE "ProjectReports" SET
                    "Participants" = COALESCE((SELECT x."Actual" FROM "IndicatorActuals" x JOIN "CallIndicators" i ON i."Id" = x."CallIndicatorId" WHERE x."ProjectReportId" = "ProjectReports"."Id" AND i."Key" = 'participants'), 0),
                    "Beneficiaries" = COALESCE((SELECT x."Actual" FROM "IndicatorActuals" x JOIN "CallIndicators" i ON i."Id" = x."CallIndicatorId" WHERE x."ProjectReportId" = "ProjectReports"."Id" AND i."Key" = 'beneficiaries'), 0),
                    "EventsHeld" = COALESCE((SELECT x."Actual" FROM "IndicatorActuals" x JOIN "CallIndicators" i ON i."Id" = x."CallIndicatorId" WHERE x."ProjectReportId" = "ProjectReports"."Id" AND i."Key" = 'events_held'), 0),
                    "Publications" = COALESCE((SELECT x."Actual" FROM "IndicatorActuals" x JOIN "CallIndicators" i ON i."Id" = x."CallIndicatorId" WHERE x."ProjectReportId" = "ProjectReports"."Id" AND i."Key" = 'publications'), 0),
                    "MediaReach" = COALESCE((SELECT x."Actual" FROM "IndicatorActuals" x JOIN "CallIndicators" i ON i."Id" = x."CallIndicatorId" WHERE x."ProjectReportId" = "ProjectReports"."Id" AND i."Key" = 'media_reach'), 0);
                """);
            migrationBuilder.Sql("""DELETE FROM "IndicatorActuals";""");
            migrationBuilder.Sql("""DELETE FROM "CallIndicators" WHERE "Key" IN ('participants', 'beneficiaries', 'events_held', 'publications', 'media_reach') AND NOT EXISTS (SELECT 1 FROM "IndicatorTargets" t WHERE t."CallIndicatorId" = "CallIndicators"."Id");""");
        }
    }
}
