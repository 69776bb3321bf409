using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TwoStageSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ConceptNoteClosesAt",
                table: "Calls",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConceptNoteId",
                table: "Applications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Shortlist",
                table: "Applications",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortlistReason",
                table: "Applications",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ShortlistedAt",
                table: "Applications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortlistedById",
                table: "Applications",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "Applications",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Full");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ConceptNoteId",
                table: "Applications",
                column: "ConceptNoteId");

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
        }
    }
}
