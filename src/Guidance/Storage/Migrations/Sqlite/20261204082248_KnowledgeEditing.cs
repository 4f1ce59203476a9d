using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Guidance.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KnowledgeEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Editor",
                table: "guidance_team_member",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "TrayEntryId",
                table: "guidance_message",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "guidance_audit",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Draft",
                table: "guidance_article_version",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "EServiceUrl",
                table: "guidance_article_version",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keywords",
                table: "guidance_article_version",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "guidance_article_version",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Editor",
                table: "guidance_team_member");

            migrationBuilder.DropColumn(
                name: "TrayEntryId",
                table: "guidance_message");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "guidance_audit");

            migrationBuilder.DropColumn(
                name: "Draft",
                table: "guidance_article_version");

            migrationBuilder.DropColumn(
                name: "EServiceUrl",
                table: "guidance_article_version");

            migrationBuilder.DropColumn(
                name: "Keywords",
                table: "guidance_article_version");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "guidance_article_version");
        }
    }
}
