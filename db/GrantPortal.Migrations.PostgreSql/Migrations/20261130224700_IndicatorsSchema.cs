using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorsSchema : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
