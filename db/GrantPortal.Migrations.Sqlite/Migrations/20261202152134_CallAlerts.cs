using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CallAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CallAlerts",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Followed = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallAlerts", x => x.OrganizationId);
                    table.ForeignKey(
                        name: "FK_CallAlerts_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallAlerts");
        }
    }
}
