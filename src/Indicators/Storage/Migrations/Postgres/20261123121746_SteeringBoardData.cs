using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilannekuva.Indicators.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SteeringBoardData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "rows_updated",
                table: "import_batch",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "staffing_roster_entry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    profession = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    planned = table.Column<int>(type: "integer", nullable: false),
                    present = table.Column<int>(type: "integer", nullable: false),
                    source_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_file = table.Column<string>(type: "text", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false),
                    import_batch_id = table.Column<long>(type: "bigint", nullable: false),
                    unit_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staffing_roster_entry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "waiting_list_entry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_pseudonym = table.Column<string>(type: "text", nullable: false),
                    added_date = table.Column<DateOnly>(type: "date", nullable: false),
                    assessment_date = table.Column<DateOnly>(type: "date", nullable: true),
                    removed_date = table.Column<DateOnly>(type: "date", nullable: true),
                    profession = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_file = table.Column<string>(type: "text", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false),
                    import_batch_id = table.Column<long>(type: "bigint", nullable: false),
                    unit_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_waiting_list_entry", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_contact_unit_id_callback_requested_at",
                table: "contact",
                columns: new[] { "unit_id", "callback_requested_at" },
                filter: "callback_requested_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_staffing_roster_entry_day",
                table: "staffing_roster_entry",
                column: "day");

            migrationBuilder.CreateIndex(
                name: "IX_staffing_roster_entry_source_id",
                table: "staffing_roster_entry",
                column: "source_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staffing_roster_entry_unit_id",
                table: "staffing_roster_entry",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "IX_waiting_list_entry_added_date",
                table: "waiting_list_entry",
                column: "added_date");

            migrationBuilder.CreateIndex(
                name: "IX_waiting_list_entry_source_id",
                table: "waiting_list_entry",
                column: "source_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_waiting_list_entry_unit_id",
                table: "waiting_list_entry",
                column: "unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staffing_roster_entry");

            migrationBuilder.DropTable(
                name: "waiting_list_entry");

            migrationBuilder.DropIndex(
                name: "IX_contact_unit_id_callback_requested_at",
                table: "contact");

            migrationBuilder.DropColumn(
                name: "rows_updated",
                table: "import_batch");
        }
    }
}
