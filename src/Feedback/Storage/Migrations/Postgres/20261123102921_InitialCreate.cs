using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilannekuva.Feedback.Storage.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionnaireKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Audience = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ServicePointCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ServiceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_attachment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fb_questionnaire",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Audience = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AskOpenText = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_questionnaire", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fb_service",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NameFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_service", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fb_service_point",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProviderCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_service_point", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fb_sms_dispatch",
                columns: table => new
                {
                    VisitId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ServicePointCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fb_sms_dispatch", x => x.VisitId);
                });

            migrationBuilder.CreateTable(
                name: "fb_questionnaire_item",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionnaireId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Theme = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TextFi = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    TextSv = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    TextEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionnaireId = table.Column<int>(type: "integer", nullable: false),
                    ProviderCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServicePointCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Team = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LinkId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AgeGroup = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Recommendation = table.Column<int>(type: "integer", nullable: false),
                    OpenText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Handled = table.Column<bool>(type: "boolean", nullable: false),
                    HandledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReplyNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: true)
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
