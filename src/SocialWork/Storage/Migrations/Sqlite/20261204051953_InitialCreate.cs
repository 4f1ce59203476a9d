using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.SocialWork.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sw_audit",
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
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    Hash = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sw_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sw_observation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ObservedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClientGroup = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProposedAction = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FollowUpNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Quoted = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sw_observation", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sw_observation_ObservedOn",
                table: "sw_observation",
                column: "ObservedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sw_audit");

            migrationBuilder.DropTable(
                name: "sw_observation");
        }
    }
}
