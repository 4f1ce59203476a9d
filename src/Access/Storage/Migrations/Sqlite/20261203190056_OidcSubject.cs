using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Access.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OidcSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalSubject",
                table: "user_account",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_user_account_ExternalSubject",
                table: "user_account",
                column: "ExternalSubject",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_user_account_ExternalSubject",
                table: "user_account");

            migrationBuilder.DropColumn(
                name: "ExternalSubject",
                table: "user_account");
        }
    }
}
