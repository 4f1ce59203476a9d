using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tilannekuva.ServiceTray.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralsCollectionsUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tray_collection",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    NameFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DescriptionFi = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DescriptionSv = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ServiceIds = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tray_collection", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tray_referral",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tray_referral", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tray_usage_day",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tray_usage_day", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tray_referral_service",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReferralId = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tray_referral_service", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tray_referral_service_tray_referral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "tray_referral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tray_collection_Slug",
                table: "tray_collection",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tray_referral_Code",
                table: "tray_referral",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tray_referral_CreatedAt",
                table: "tray_referral",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_tray_referral_service_ReferralId_ServiceId",
                table: "tray_referral_service",
                columns: new[] { "ReferralId", "ServiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tray_referral_service_ServiceId",
                table: "tray_referral_service",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_tray_usage_day_Day_Kind_Key",
                table: "tray_usage_day",
                columns: new[] { "Day", "Kind", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tray_collection");

            migrationBuilder.DropTable(
                name: "tray_referral_service");

            migrationBuilder.DropTable(
                name: "tray_usage_day");

            migrationBuilder.DropTable(
                name: "tray_referral");
        }
    }
}
