using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilannekuva.Programme.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReviewNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "investment_finance_note",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestmentId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_investment_finance_note", x => x.Id);
                    table.ForeignKey(
                        name: "FK_investment_finance_note_investment_InvestmentId",
                        column: x => x.InvestmentId,
                        principalTable: "investment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_package_review_note",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkPackageId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_package_review_note", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_package_review_note_work_package_WorkPackageId",
                        column: x => x.WorkPackageId,
                        principalTable: "work_package",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_investment_finance_note_InvestmentId",
                table: "investment_finance_note",
                column: "InvestmentId");

            migrationBuilder.CreateIndex(
                name: "IX_work_package_review_note_WorkPackageId",
                table: "work_package_review_note",
                column: "WorkPackageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "investment_finance_note");

            migrationBuilder.DropTable(
                name: "work_package_review_note");
        }
    }
}
