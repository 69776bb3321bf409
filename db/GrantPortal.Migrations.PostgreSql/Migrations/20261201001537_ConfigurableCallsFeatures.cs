using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GrantPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ConfigurableCallsFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Beneficiaries",
                table: "ProjectReports");

            migrationBuilder.DropColumn(
                name: "EventsHeld",
                table: "ProjectReports");

            migrationBuilder.DropColumn(
                name: "MediaReach",
                table: "ProjectReports");

            migrationBuilder.DropColumn(
                name: "Participants",
                table: "ProjectReports");

            migrationBuilder.DropColumn(
                name: "Publications",
                table: "ProjectReports");

            migrationBuilder.DropColumn(
                name: "Activities",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Beneficiaries",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Objectives",
                table: "Applications");

            migrationBuilder.AddColumn<Instant>(
                name: "ConceptNoteClosesAt",
                table: "Calls",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConceptNoteId",
                table: "Applications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Shortlist",
                table: "Applications",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortlistReason",
                table: "Applications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "ShortlistedAt",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortlistedById",
                table: "Applications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "Applications",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Full");

            migrationBuilder.CreateTable(
                name: "InformationRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    QuestionKeys = table.Column<string>(type: "text", nullable: false),
                    DueOn = table.Column<LocalDate>(type: "date", nullable: false),
                    RequestedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RequestedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AnsweredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    AnsweredById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Before = table.Column<string>(type: "text", nullable: false),
                    After = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ConceptNoteId",
                table: "Applications",
                column: "ConceptNoteId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_AnsweredAt_DueOn",
                table: "InformationRequests",
                columns: new[] { "AnsweredAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ApplicationId_AnsweredAt",
                table: "InformationRequests",
                columns: new[] { "ApplicationId", "AnsweredAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Applications_Applications_ConceptNoteId",
                table: "Applications",
                column: "ConceptNoteId",
                principalTable: "Applications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Applications_Applications_ConceptNoteId",
                table: "Applications");

            migrationBuilder.DropTable(
                name: "InformationRequests");

            migrationBuilder.DropIndex(
                name: "IX_Applications_ConceptNoteId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ConceptNoteClosesAt",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "ConceptNoteId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Shortlist",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ShortlistReason",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ShortlistedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ShortlistedById",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "Applications");

            migrationBuilder.AddColumn<int>(
                name: "Beneficiaries",
                table: "ProjectReports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EventsHeld",
                table: "ProjectReports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "MediaReach",
                table: "ProjectReports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Participants",
                table: "ProjectReports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Publications",
                table: "ProjectReports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Activities",
                table: "Applications",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Beneficiaries",
                table: "Applications",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Objectives",
                table: "Applications",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");
        }
    }
}
