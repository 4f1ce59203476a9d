using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Comparison.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "comparison_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comparison_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_cell",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PeriodType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    N = table.Column<long>(type: "INTEGER", nullable: true),
                    Suppressed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comparison_cell", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "comparison_county",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LatestEvent = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastImport = table.Column<long>(type: "INTEGER", nullable: true),
                    MinimumCellSize = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyFingerprint = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Cells = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comparison_county", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_comparison_cell_CountyId",
                table: "comparison_cell",
                column: "CountyId");

            migrationBuilder.CreateIndex(
                name: "IX_comparison_cell_IndicatorCode_PeriodType_PeriodCode",
                table: "comparison_cell",
                columns: new[] { "IndicatorCode", "PeriodType", "PeriodCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "comparison_audit");

            migrationBuilder.DropTable(
                name: "comparison_cell");

            migrationBuilder.DropTable(
                name: "comparison_county");
        }
    }
}
