using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.Feedback.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fb_attachment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionnaireKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ServicePointCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_attachment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fb_questionnaire",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AskOpenText = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_questionnaire", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fb_service",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_service", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fb_service_point",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProviderCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProviderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_service_point", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fb_sms_dispatch",
                columns: table => new
                {
                    VisitId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ServicePointCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_sms_dispatch", x => x.VisitId);
                });

            migrationBuilder.CreateTable(
                name: "fb_questionnaire_item",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionnaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TextFi = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    TextSv = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_questionnaire_item", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fb_questionnaire_item_fb_questionnaire_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "fb_questionnaire",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fb_response",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionnaireId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ServicePointCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LinkId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgeGroup = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Recommendation = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Handled = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HandledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ReplyNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_response", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fb_response_fb_questionnaire_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "fb_questionnaire",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fb_answer",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_answer", x => new { x.ResponseId, x.Position });
                    table.ForeignKey(
                        name: "FK_fb_answer_fb_response_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "fb_response",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fb_questionnaire_Key_Version",
                table: "fb_questionnaire",
                columns: new[] { "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fb_questionnaire_item_QuestionnaireId_Position",
                table: "fb_questionnaire_item",
                columns: new[] { "QuestionnaireId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fb_response_Date",
                table: "fb_response",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_fb_response_QuestionnaireId",
                table: "fb_response",
                column: "QuestionnaireId");

            migrationBuilder.CreateIndex(
                name: "IX_fb_response_ServicePointCode_Date",
                table: "fb_response",
                columns: new[] { "ServicePointCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_fb_service_Code",
                table: "fb_service",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fb_service_point_Code",
                table: "fb_service_point",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fb_answer");

            migrationBuilder.DropTable(
                name: "fb_attachment");

            migrationBuilder.DropTable(
                name: "fb_questionnaire_item");

            migrationBuilder.DropTable(
                name: "fb_service");

            migrationBuilder.DropTable(
                name: "fb_service_point");

            migrationBuilder.DropTable(
                name: "fb_sms_dispatch");

            migrationBuilder.DropTable(
                name: "fb_response");

            migrationBuilder.DropTable(
                name: "fb_questionnaire");
        }
    }
}
