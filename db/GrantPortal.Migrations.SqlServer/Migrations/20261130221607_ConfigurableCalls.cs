using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ConfigurableCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "FoundedOn",
                table: "Organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BudgetRules",
                table: "Calls",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Eligibility",
                table: "Calls",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsOwnContribution",
                table: "BudgetLines",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "QuestionKey",
                table: "Attachments",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Answers",
                table: "Applications",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "FormVersionId",
                table: "Applications",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ApplicationFormVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CallId = table.Column<int>(type: "int", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Definition = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SavedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationFormVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationFormVersions_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CallId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    NameKorean = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameEnglish = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UnitKorean = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    UnitEnglish = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallIndicators_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EligibilityScreenOuts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CallId = table.Column<int>(type: "int", nullable: false),
                    QuestionKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EligibilityScreenOuts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EligibilityScreenOuts_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorActuals",
                columns: table => new
                {
                    ProjectReportId = table.Column<int>(type: "int", nullable: false),
                    CallIndicatorId = table.Column<int>(type: "int", nullable: false),
                    Actual = table.Column<long>(type: "bigint", nullable: false),
                    Explanation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorActuals", x => new { x.ProjectReportId, x.CallIndicatorId });
                    table.ForeignKey(
                        name: "FK_IndicatorActuals_CallIndicators_CallIndicatorId",
                        column: x => x.CallIndicatorId,
                        principalTable: "CallIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorActuals_ProjectReports_ProjectReportId",
                        column: x => x.ProjectReportId,
                        principalTable: "ProjectReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTargets",
                columns: table => new
                {
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    CallIndicatorId = table.Column<int>(type: "int", nullable: false),
                    Target = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTargets", x => new { x.ApplicationId, x.CallIndicatorId });
                    table.ForeignKey(
                        name: "FK_IndicatorTargets_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorTargets_CallIndicators_CallIndicatorId",
                        column: x => x.CallIndicatorId,
                        principalTable: "CallIndicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_FormVersionId",
                table: "Applications",
                column: "FormVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationFormVersions_CallId_Stage_Number",
                table: "ApplicationFormVersions",
                columns: new[] { "CallId", "Stage", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallIndicators_CallId_Key",
                table: "CallIndicators",
                columns: new[] { "CallId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityScreenOuts_CallId_QuestionKey",
                table: "EligibilityScreenOuts",
                columns: new[] { "CallId", "QuestionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorActuals_CallIndicatorId",
                table: "IndicatorActuals",
                column: "CallIndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTargets_CallIndicatorId",
                table: "IndicatorTargets",
                column: "CallIndicatorId");

            migrationBuilder.AddForeignKey(
                name: "FK_Applications_ApplicationFormVersions_FormVersionId",
                table: "Applications",
                column: "FormVersionId",
                principalTable: "ApplicationFormVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Applications_ApplicationFormVersions_FormVersionId",
                table: "Applications");

            migrationBuilder.DropTable(
                name: "ApplicationFormVersions");

            migrationBuilder.DropTable(
                name: "EligibilityScreenOuts");

            migrationBuilder.DropTable(
                name: "IndicatorActuals");

            migrationBuilder.DropTable(
                name: "IndicatorTargets");

            migrationBuilder.DropTable(
                name: "CallIndicators");

            migrationBuilder.DropIndex(
                name: "IX_Applications_FormVersionId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "FoundedOn",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "BudgetRules",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "Eligibility",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "IsOwnContribution",
                table: "BudgetLines");

            migrationBuilder.DropColumn(
                name: "QuestionKey",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "Answers",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "FormVersionId",
                table: "Applications");
        }
    }
}
