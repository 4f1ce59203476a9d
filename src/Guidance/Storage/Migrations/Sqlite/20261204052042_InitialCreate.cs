using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Guidance.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "guidance_article",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_article", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "guidance_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "guidance_callback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_callback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "guidance_conversation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Advisor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BotAnswers = table.Column<int>(type: "INTEGER", nullable: false),
                    HandedOff = table.Column<bool>(type: "INTEGER", nullable: false),
                    Consultant = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResidentSaysHandled = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_conversation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "guidance_daily_figure",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Chats = table.Column<int>(type: "INTEGER", nullable: false),
                    BotOnlyResolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Handoffs = table.Column<int>(type: "INTEGER", nullable: false),
                    HandledInChat = table.Column<int>(type: "INTEGER", nullable: false),
                    Ended = table.Column<int>(type: "INTEGER", nullable: false),
                    Waits = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_daily_figure", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "guidance_team",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StaffOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenDays = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    MaxQueue = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FeedbackServicePoint = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FeedbackService = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_team", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "guidance_team_member",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_team_member", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "guidance_article_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TrayEntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_article_version", x => x.Id);
                    table.ForeignKey(
                        name: "FK_guidance_article_version_guidance_article_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "guidance_article",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "guidance_message",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ArticleVersionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guidance_message", x => x.Id);
                    table.ForeignKey(
                        name: "FK_guidance_message_guidance_conversation_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "guidance_conversation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_guidance_article_version_ArticleId_Language_Version",
                table: "guidance_article_version",
                columns: new[] { "ArticleId", "Language", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_guidance_audit_ConversationId",
                table: "guidance_audit",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_guidance_callback_ConversationId",
                table: "guidance_callback",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_guidance_conversation_StartedAt",
                table: "guidance_conversation",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_guidance_conversation_TeamId_State",
                table: "guidance_conversation",
                columns: new[] { "TeamId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_guidance_daily_figure_Day_Hour_TeamId",
                table: "guidance_daily_figure",
                columns: new[] { "Day", "Hour", "TeamId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_guidance_message_ConversationId_Id",
                table: "guidance_message",
                columns: new[] { "ConversationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_guidance_team_Code",
                table: "guidance_team",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_guidance_team_member_TeamId_UserName",
                table: "guidance_team_member",
                columns: new[] { "TeamId", "UserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_guidance_team_member_UserName",
                table: "guidance_team_member",
                column: "UserName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "guidance_article_version");

            migrationBuilder.DropTable(
                name: "guidance_audit");

            migrationBuilder.DropTable(
                name: "guidance_callback");

            migrationBuilder.DropTable(
                name: "guidance_daily_figure");

            migrationBuilder.DropTable(
                name: "guidance_message");

            migrationBuilder.DropTable(
                name: "guidance_team");

            migrationBuilder.DropTable(
                name: "guidance_team_member");

            migrationBuilder.DropTable(
                name: "guidance_article");

            migrationBuilder.DropTable(
                name: "guidance_conversation");
        }
    }
}
