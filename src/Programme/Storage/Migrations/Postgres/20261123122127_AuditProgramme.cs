using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Programme.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditProgramme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProgrammeId",
                table: "audit_entry",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_entry_ProgrammeId",
                table: "audit_entry",
                column: "ProgrammeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entry_ProgrammeId",
                table: "audit_entry");

            migrationBuilder.DropColumn(
                name: "ProgrammeId",
                table: "audit_entry");
        }
    }
}
