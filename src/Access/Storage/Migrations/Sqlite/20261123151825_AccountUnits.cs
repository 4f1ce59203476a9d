using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Access.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UnitIds",
                table: "user_account",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UnitIds",
                table: "user_account");
        }
    }
}
