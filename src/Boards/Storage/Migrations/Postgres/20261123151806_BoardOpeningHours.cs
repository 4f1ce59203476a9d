using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Boards.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BoardOpeningHours : Migration
    {
        /// <inheritdoc />
        // Existing boards get the default opening hours, Monday–Friday 08:00–16:00 (docs/boards.md).
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "ClosesAt",
                table: "board",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(16, 0, 0));

            migrationBuilder.AddColumn<int[]>(
                name: "OpenDays",
                table: "board",
                type: "integer[]",
                nullable: false,
                defaultValue: new[] { 1, 2, 3, 4, 5 });

            migrationBuilder.AddColumn<TimeOnly>(
                name: "OpensAt",
                table: "board",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(8, 0, 0));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosesAt",
                table: "board");

            migrationBuilder.DropColumn(
                name: "OpenDays",
                table: "board");

            migrationBuilder.DropColumn(
                name: "OpensAt",
                table: "board");
        }
    }
}
