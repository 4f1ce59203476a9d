using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Feedback.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServicePointOrgUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OrgUnitId",
                table: "fb_service_point",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_fb_service_point_OrgUnitId",
                table: "fb_service_point",
                column: "OrgUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_fb_service_point_OrgUnitId",
                table: "fb_service_point");

            migrationBuilder.DropColumn(
                name: "OrgUnitId",
                table: "fb_service_point");
        }
    }
}
