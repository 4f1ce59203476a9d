using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Indicators.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecomputeState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recompute_pending",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    first_year = table.Column<int>(type: "INTEGER", nullable: true),
                    end_year = table.Column<int>(type: "INTEGER", nullable: true),
                    import_batch_id = table.Column<long>(type: "INTEGER", nullable: true),
                    since = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recompute_pending", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recompute_pending");
        }
    }
}
