using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AuditChainIntakeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChainHash",
                table: "AuditEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ChainPosition",
                table: "AuditEvents",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastEventId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHeads", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AuditChainHeads",
                columns: new[] { "Id", "Hash", "LastEventId", "Position", "Version" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L, 0L, 0 });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ChainPosition",
                table: "AuditEvents",
                column: "ChainPosition",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Intake",
                table: "Applications",
                columns: new[] { "CallId", "Stage", "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditChainHeads");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_ChainPosition",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Intake",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ChainHash",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "ChainPosition",
                table: "AuditEvents");
        }
    }
}
