using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RevisesId",
                table: "Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_RevisesId",
                table: "Applications",
                column: "RevisesId");

            migrationBuilder.AddForeignKey(
                name: "FK_Applications_Applications_RevisesId",
                table: "Applications",
                column: "RevisesId",
                principalTable: "Applications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Applications_Applications_RevisesId",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_RevisesId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "RevisesId",
                table: "Applications");
        }
    }
}
