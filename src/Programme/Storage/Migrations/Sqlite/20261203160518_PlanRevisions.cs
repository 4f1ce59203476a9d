using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Programme.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "programme_revision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    WorkPackages = table.Column<int>(type: "INTEGER", nullable: false),
                    Metrics = table.Column<int>(type: "INTEGER", nullable: false),
                    Risks = table.Column<int>(type: "INTEGER", nullable: false),
                    Measurements = table.Column<int>(type: "INTEGER", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme_revision", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_programme_revision_ProgrammeId",
                table: "programme_revision",
                column: "ProgrammeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "programme_revision");
        }
    }
}
