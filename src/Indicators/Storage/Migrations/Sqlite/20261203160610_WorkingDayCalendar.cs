using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Indicators.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkingDayCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "working_day",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    is_working_day = table.Column<bool>(type: "INTEGER", nullable: false),
                    due_day = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    holiday = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_working_day", x => x.day);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "working_day");
        }
    }
}
