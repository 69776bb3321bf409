using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.Sqlite.Migrations
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

            migrationBuilder.AddColumn<DateTime>(
                name: "ConceptNoteClosesAt",
                table: "Calls",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConceptNoteId",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Shortlist",
                table: "Applications",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortlistReason",
                table: "Applications",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ShortlistedAt",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortlistedById",
                table: "Applications",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "Applications",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Full");

            migrationBuilder.CreateTable(
                name: "InformationRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    QuestionKeys = table.Column<string>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Before = table.Column<string>(type: "TEXT", nullable: false),
                    After = table.Column<string>(type: "TEXT", nullable: false)
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EventsHeld",
                table: "ProjectReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "MediaReach",
                table: "ProjectReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Participants",
                table: "ProjectReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Publications",
                table: "ProjectReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Activities",
                table: "Applications",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Beneficiaries",
                table: "Applications",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Objectives",
                table: "Applications",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");
        }
    }
}
