using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GrantPortal.Migrations.PostgreSql.Migrations
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "IneligibleReason",
                table: "SpendingLines",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OwnSpent",
                table: "SpendingLines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "InterestEarned",
                table: "ProjectReports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<LocalDate>(
                name: "ClosedOn",
                table: "Awards",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "Attachments",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SpendingLineId",
                table: "Attachments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VerificationAwardId",
                table: "Attachments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Settlements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AwardId = table.Column<int>(type: "integer", nullable: false),
                    ProjectReportId = table.Column<int>(type: "integer", nullable: false),
                    GrantPaid = table.Column<long>(type: "bigint", nullable: false),
                    ReturnedBefore = table.Column<long>(type: "bigint", nullable: false),
                    EligibleGrantSpent = table.Column<long>(type: "bigint", nullable: false),
                    Interest = table.Column<long>(type: "bigint", nullable: false),
                    AmountToReturn = table.Column<long>(type: "bigint", nullable: false),
                    VerificationRequired = table.Column<bool>(type: "boolean", nullable: false),
                    ConfirmedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ConfirmedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReturnStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReturnReceivedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    ReturnReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReturnRecordedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReturnRecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ReturnConfirmedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReturnConfirmedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
