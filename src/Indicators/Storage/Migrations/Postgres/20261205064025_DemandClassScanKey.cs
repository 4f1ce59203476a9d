using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Indicators.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DemandClassScanKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contact_demand_class_scan",
                table: "contact");

            migrationBuilder.CreateIndex(
                name: "IX_contact_demand_class_scan",
                table: "contact",
                columns: new[] { "demand_class", "received_at" },
                filter: "demand_class IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "unit_id", "channel", "handling_minutes", "callback_requested_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contact_demand_class_scan",
                table: "contact");

            migrationBuilder.CreateIndex(
                name: "IX_contact_demand_class_scan",
                table: "contact",
                column: "received_at",
                filter: "demand_class IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "unit_id", "channel", "demand_class", "handling_minutes", "callback_requested_at" });
        }
    }
}
