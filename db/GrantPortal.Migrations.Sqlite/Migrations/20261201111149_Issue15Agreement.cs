using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue15Agreement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BankAccountId",
                table: "Payments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AwardConditionsEnglish",
                table: "Calls",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AwardConditionsKorean",
                table: "Calls",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "BankAccountId",
                table: "Attachments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BankAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AwardId = table.Column<int>(type: "INTEGER", nullable: false),
                    BankCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegisteredById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BankAccounts_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AwardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConditionsAcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConditionsAcceptedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PledgeSignerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PledgeSignerPosition = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PledgeSignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PledgeSignedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantAgreements_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Payments_BankAccountId",
                table: "Payments",
                column: "BankAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_BankAccountId",
                table: "Attachments",
                column: "BankAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_BankAccounts_AwardId_Status",
                table: "BankAccounts",
                columns: new[] { "AwardId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_GrantAgreements_AwardId",
                table: "GrantAgreements",
                column: "AwardId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantAgreements_Status",
                table: "GrantAgreements",
                column: "Status");

            migrationBuilder.AddForeignKey(
                name: "FK_Attachments_BankAccounts_BankAccountId",
                table: "Attachments",
                column: "BankAccountId",
                principalTable: "BankAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Payments_BankAccounts_BankAccountId",
                table: "Payments",
                column: "BankAccountId",
                principalTable: "BankAccounts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Attachments_BankAccounts_BankAccountId",
                table: "Attachments");

            migrationBuilder.DropForeignKey(
                name: "FK_Payments_BankAccounts_BankAccountId",
                table: "Payments");

            migrationBuilder.DropTable(
                name: "BankAccounts");

            migrationBuilder.DropTable(
                name: "GrantAgreements");

            migrationBuilder.DropIndex(
                name: "IX_Payments_BankAccountId",
                table: "Payments");

            migrationBuilder.DropIndex(
                name: "IX_Attachments_BankAccountId",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "BankAccountId",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "AwardConditionsEnglish",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "AwardConditionsKorean",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "BankAccountId",
                table: "Attachments");
        }
    }
}
