using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace GrantPortal.Migrations.PostgreSql.Migrations
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
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Followed = table.Column<int>(type: "integer", nullable: false),
                    ChangedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ChangedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
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
