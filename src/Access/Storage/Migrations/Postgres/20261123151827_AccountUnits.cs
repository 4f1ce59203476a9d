using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Access.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "UnitIds",
                table: "user_account",
                type: "text[]",
                nullable: false,
                // Existing accounts lead no units (EF generates no default for an array column).
                defaultValueSql: "'{}'::text[]");
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
