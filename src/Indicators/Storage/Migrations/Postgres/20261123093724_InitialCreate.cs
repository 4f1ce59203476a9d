using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilannekuva.Indicators.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appointment_slot",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    profession = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    starts_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    bookable_by = table.Column<string>(type: "text", nullable: false),
                    is_booked = table.Column<bool>(type: "boolean", nullable: false),
                    observed_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    source_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_file = table.Column<string>(type: "text", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false),
                    import_batch_id = table.Column<long>(type: "bigint", nullable: false),
                    unit_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appointment_slot", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "care_need_assessment",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_pseudonym = table.Column<string>(type: "text", nullable: false),
                    assessed_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    profession = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_file = table.Column<string>(type: "text", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false),
                    import_batch_id = table.Column<long>(type: "bigint", nullable: false),
                    unit_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_care_need_assessment", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contact",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    received_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    callback_requested_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    callback_done_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    demand_class = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    handling_minutes = table.Column<double>(type: "double precision", nullable: true),
                    source_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_file = table.Column<string>(type: "text", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false),
                    import_batch_id = table.Column<long>(type: "bigint", nullable: false),
                    unit_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_batch",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "text", nullable: false),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "text", nullable: false),
                    raw_copy_path = table.Column<string>(type: "text", nullable: true),
                    started_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    rows_read = table.Column<int>(type: "integer", nullable: false),
                    rows_stored = table.Column<int>(type: "integer", nullable: false),
                    rows_rejected = table.Column<int>(type: "integer", nullable: false),
                    rows_skipped_duplicate = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_batch", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "indicator_value",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_code = table.Column<string>(type: "text", nullable: false),
                    period_type = table.Column<string>(type: "text", nullable: false),
                    period_code = table.Column<string>(type: "text", nullable: false),
                    org_unit_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    dimension = table.Column<string>(type: "text", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    numerator = table.Column<double>(type: "double precision", nullable: false),
                    denominator = table.Column<double>(type: "double precision", nullable: true),
                    value = table.Column<double>(type: "double precision", nullable: true),
                    n = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_value", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_unit",
                columns: table => new
                {
                    source_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    parent_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    municipality_code = table.Column<string>(type: "text", nullable: true),
                    source_file = table.Column<string>(type: "text", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false),
                    import_batch_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_unit", x => x.source_id);
                });

            migrationBuilder.CreateTable(
                name: "org_unit_ancestor",
                columns: table => new
                {
                    ancestor_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    unit_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    depth = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_unit_ancestor", x => new { x.ancestor_id, x.unit_id });
                });

            migrationBuilder.CreateTable(
                name: "visit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_pseudonym = table.Column<string>(type: "text", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    contact_mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    profession = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    service = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    assessment_source_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    assessment_date = table.Column<DateOnly>(type: "date", nullable: true),
                    practitioner = table.Column<string>(type: "text", nullable: true),
                    care_plan_visit = table.Column<bool>(type: "boolean", nullable: false),
                    certificate_only = table.Column<bool>(type: "boolean", nullable: false),
                    source_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_file = table.Column<string>(type: "text", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false),
                    import_batch_id = table.Column<long>(type: "bigint", nullable: false),
                    unit_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visit", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_appointment_slot_observed_at",
                table: "appointment_slot",
                column: "observed_at");

            migrationBuilder.CreateIndex(
                name: "IX_appointment_slot_source_id",
                table: "appointment_slot",
                column: "source_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_appointment_slot_unit_id",
                table: "appointment_slot",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "IX_care_need_assessment_assessed_at",
                table: "care_need_assessment",
                column: "assessed_at");

            migrationBuilder.CreateIndex(
                name: "IX_care_need_assessment_source_id",
                table: "care_need_assessment",
                column: "source_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_care_need_assessment_unit_id",
                table: "care_need_assessment",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "IX_contact_received_at",
                table: "contact",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "IX_contact_source_id",
                table: "contact",
                column: "source_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_contact_unit_id",
                table: "contact",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_value_indicator_code_period_code_org_unit_id_dime~",
                table: "indicator_value",
                columns: new[] { "indicator_code", "period_code", "org_unit_id", "dimension", "category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_org_unit_parent_id",
                table: "org_unit",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_org_unit_ancestor_unit_id",
                table: "org_unit_ancestor",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "IX_visit_assessment_source_id",
                table: "visit",
                column: "assessment_source_id");

            migrationBuilder.CreateIndex(
                name: "IX_visit_occurred_at",
                table: "visit",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "IX_visit_source_id",
                table: "visit",
                column: "source_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_visit_unit_id",
                table: "visit",
                column: "unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointment_slot");

            migrationBuilder.DropTable(
                name: "care_need_assessment");

            migrationBuilder.DropTable(
                name: "contact");

            migrationBuilder.DropTable(
                name: "import_batch");

            migrationBuilder.DropTable(
                name: "indicator_value");

            migrationBuilder.DropTable(
                name: "org_unit");

            migrationBuilder.DropTable(
                name: "org_unit_ancestor");

            migrationBuilder.DropTable(
                name: "visit");
        }
    }
}
