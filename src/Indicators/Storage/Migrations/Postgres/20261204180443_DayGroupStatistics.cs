using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Indicators.Storage.Migrations.Postgres
{
    /// <summary>
    /// Extended statistics on the keys the indicators' day tables group visits and contacts by (day, unit and
    /// breakdown). Without them PostgreSQL multiplies each key's distinct values and expects ten times the groups
    /// there are, and then keeps the whole aggregation in one process; with them a lone indicator's scan is
    /// aggregated in both its processes (issue #20, docs/benchmarks.md "Seventh round"). Statistics on an expression
    /// need PostgreSQL 14; older servers go without. Filled here and by every import's ANALYZE.
    /// </summary>
    public partial class DayGroupStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                  IF current_setting('server_version_num')::int >= 140000 THEN
                    CREATE STATISTICS IF NOT EXISTS visit_day_groups (ndistinct)
                      ON (date_trunc('day', occurred_at)), unit_id, profession, contact_mode FROM visit;
                    CREATE STATISTICS IF NOT EXISTS contact_day_groups (ndistinct)
                      ON (date_trunc('day', received_at)), unit_id, channel FROM contact;
                  END IF;
                END $$;
                ANALYZE visit;
                ANALYZE contact;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP STATISTICS IF EXISTS visit_day_groups; DROP STATISTICS IF EXISTS contact_day_groups;");
        }
    }
}
