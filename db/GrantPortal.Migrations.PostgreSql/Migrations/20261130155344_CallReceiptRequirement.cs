using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CallReceiptRequirement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReceiptsRequired",
                table: "Calls",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                // Existing calls keep what their award letters already said: the final report comes with receipts.
                defaultValue: "FinalReport");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReceiptsRequired",
                table: "Calls");
        }
    }
}
