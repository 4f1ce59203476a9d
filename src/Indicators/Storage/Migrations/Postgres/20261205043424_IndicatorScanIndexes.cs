using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Indicators.Storage.Migrations.Postgres
{
    /// <summary>
    /// Partial indexes that carry every column the callback and failure-demand indicators read, so that their scans
    /// are index-only scans of a narrow index instead of reads of the whole contact rows (issue #20, docs/benchmarks.md
    /// "Eleventh round"; IndicatorsDbContext.IndicatorScanIndexes). The steering board's callback index gains the
    /// columns; its keys and predicate stay.
    /// </summary>
    public partial class IndicatorScanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contact_unit_id_callback_requested_at",
                table: "contact");

            migrationBuilder.CreateIndex(
                name: "IX_contact_demand_class_scan",
                table: "contact",
                column: "received_at",
                filter: "demand_class IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "unit_id", "channel", "demand_class", "handling_minutes", "callback_requested_at" });

            migrationBuilder.CreateIndex(
                name: "IX_contact_unit_id_callback_requested_at",
                table: "contact",
                columns: new[] { "unit_id", "callback_requested_at" },
                filter: "callback_requested_at IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "received_at", "channel", "callback_done_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_contact_demand_class_scan",
                table: "contact");

            migrationBuilder.DropIndex(
                name: "IX_contact_unit_id_callback_requested_at",
                table: "contact");

            migrationBuilder.CreateIndex(
                name: "IX_contact_unit_id_callback_requested_at",
                table: "contact",
                columns: new[] { "unit_id", "callback_requested_at" },
                filter: "callback_requested_at IS NOT NULL");
        }
    }
}
