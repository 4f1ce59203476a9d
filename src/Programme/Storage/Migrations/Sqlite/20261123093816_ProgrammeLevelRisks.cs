using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Programme.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgrammeLevelRisks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "WorkPackageId",
                table: "risk",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "ProgrammeId",
                table: "risk",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_risk_ProgrammeId",
                table: "risk",
                column: "ProgrammeId");

            migrationBuilder.AddForeignKey(
                name: "FK_risk_programme_ProgrammeId",
                table: "risk",
                column: "ProgrammeId",
                principalTable: "programme",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_risk_programme_ProgrammeId",
                table: "risk");

            migrationBuilder.DropIndex(
                name: "IX_risk_ProgrammeId",
                table: "risk");

            migrationBuilder.DropColumn(
                name: "ProgrammeId",
                table: "risk");

            migrationBuilder.AlterColumn<int>(
                name: "WorkPackageId",
                table: "risk",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
