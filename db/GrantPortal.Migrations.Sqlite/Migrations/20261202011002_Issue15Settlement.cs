using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue15Settlement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "IneligibleGrant",
                table: "SpendingLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "IneligibleReason",
                table: "SpendingLines",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OwnSpent",
                table: "SpendingLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "InterestEarned",
                table: "ProjectReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Awards",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "Attachments",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SpendingLineId",
                table: "Attachments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VerificationAwardId",
                table: "Attachments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Settlements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AwardId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantPaid = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnedBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    EligibleGrantSpent = table.Column<long>(type: "INTEGER", nullable: false),
                    Interest = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountToReturn = table.Column<long>(type: "INTEGER", nullable: false),
                    VerificationRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReturnStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReturnReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReturnRecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReturnRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnConfirmedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReturnConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Settlements_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Settlements_ProjectReports_ProjectReportId",
                        column: x => x.ProjectReportId,
                        principalTable: "ProjectReports",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_SpendingLineId",
                table: "Attachments",
                column: "SpendingLineId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_VerificationAwardId",
                table: "Attachments",
                column: "VerificationAwardId");

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_AwardId",
                table: "Settlements",
                column: "AwardId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_ProjectReportId",
                table: "Settlements",
                column: "ProjectReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_ReturnStatus",
                table: "Settlements",
                column: "ReturnStatus");

            migrationBuilder.AddForeignKey(
                name: "FK_Attachments_Awards_VerificationAwardId",
                table: "Attachments",
                column: "VerificationAwardId",
                principalTable: "Awards",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Attachments_SpendingLines_SpendingLineId",
                table: "Attachments",
                column: "SpendingLineId",
                principalTable: "SpendingLines",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Attachments_Awards_VerificationAwardId",
                table: "Attachments");

            migrationBuilder.DropForeignKey(
                name: "FK_Attachments_SpendingLines_SpendingLineId",
                table: "Attachments");

            migrationBuilder.DropTable(
                name: "Settlements");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_SpendingLineId",
                table: "Attachments");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_VerificationAwardId",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "IneligibleGrant",
                table: "SpendingLines");

            migrationBuilder.DropColumn(
                name: "IneligibleReason",
                table: "SpendingLines");

            migrationBuilder.DropColumn(
                name: "OwnSpent",
                table: "SpendingLines");

            migrationBuilder.DropColumn(
                name: "InterestEarned",
                table: "ProjectReports");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Awards");

            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "SpendingLineId",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "VerificationAwardId",
                table: "Attachments");
        }
    }
}
