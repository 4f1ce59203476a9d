using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tilannekuva.Programme.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: false),
                    EntityType = table.Column<string>(type: "text", nullable: false),
                    EntityId = table.Column<string>(type: "text", nullable: false),
                    Change = table.Column<string>(type: "text", nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "programme",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    EndYear = table.Column<int>(type: "integer", nullable: false),
                    Funder = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programme", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pillar",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pillar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pillar_programme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "programme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_change",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    WorkPackageId = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_change", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_change_programme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "programme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_meeting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_meeting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_meeting_programme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "programme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "investment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PillarId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    CostEstimate = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_investment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_investment_pillar_PillarId",
                        column: x => x.PillarId,
                        principalTable: "pillar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_package",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestmentId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Responsible = table.Column<string>(type: "text", nullable: false),
                    ServiceArea = table.Column<string>(type: "text", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: true),
                    End = table.Column<DateOnly>(type: "date", nullable: true),
                    Background = table.Column<string>(type: "text", nullable: false),
                    CostEstimate = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_package", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_package_investment_InvestmentId",
                        column: x => x.InvestmentId,
                        principalTable: "investment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budget_line",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkPackageId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: false),
                    Planned = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Actual = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Forecast = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_line", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budget_line_work_package_WorkPackageId",
                        column: x => x.WorkPackageId,
                        principalTable: "work_package",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "goal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkPackageId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_goal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_goal_work_package_WorkPackageId",
                        column: x => x.WorkPackageId,
                        principalTable: "work_package",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "metric",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    WorkPackageId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Unit = table.Column<string>(type: "text", nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "boolean", nullable: false),
                    Baseline = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    BaselineNote = table.Column<string>(type: "text", nullable: false),
                    ScaleMin = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    ScaleMax = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    IndicatorCode = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_metric", x => x.Id);
                    table.ForeignKey(
                        name: "FK_metric_programme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "programme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_metric_work_package_WorkPackageId",
                        column: x => x.WorkPackageId,
                        principalTable: "work_package",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "milestone",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkPackageId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "text", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Done = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_milestone", x => x.Id);
                    table.ForeignKey(
                        name: "FK_milestone_work_package_WorkPackageId",
                        column: x => x.WorkPackageId,
                        principalTable: "work_package",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "output",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkPackageId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_output", x => x.Id);
                    table.ForeignKey(
                        name: "FK_output_work_package_WorkPackageId",
                        column: x => x.WorkPackageId,
                        principalTable: "work_package",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procurement_line",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkPackageId = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_procurement_line", x => x.Id);
                    table.ForeignKey(
                        name: "FK_procurement_line_work_package_WorkPackageId",
                        column: x => x.WorkPackageId,
                        principalTable: "work_package",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkPackageId = table.Column<int>(type: "integer", nullable: true),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Probability = table.Column<int>(type: "integer", nullable: false),
                    Impact = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Mitigation = table.Column<string>(type: "text", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_risk", x => x.Id);
                    table.ForeignKey(
                        name: "FK_risk_programme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "programme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_risk_work_package_WorkPackageId",
                        column: x => x.WorkPackageId,
                        principalTable: "work_package",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_action",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkPackageId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_action", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_action_work_package_WorkPackageId",
                        column: x => x.WorkPackageId,
                        principalTable: "work_package",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_package_assignment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkPackageId = table.Column<int>(type: "integer", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_package_assignment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_package_assignment_work_package_WorkPackageId",
                        column: x => x.WorkPackageId,
                        principalTable: "work_package",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "measurement",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MetricId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    TextValue = table.Column<string>(type: "text", nullable: true),
                    N = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_measurement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_measurement_metric_MetricId",
                        column: x => x.MetricId,
                        principalTable: "metric",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "metric_target",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MetricId = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    TextValue = table.Column<string>(type: "text", nullable: true),
                    DuePeriod = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_metric_target", x => x.Id);
                    table.ForeignKey(
                        name: "FK_metric_target_metric_MetricId",
                        column: x => x.MetricId,
                        principalTable: "metric",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_status",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkActionId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    PostponedTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Comment = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_status", x => x.Id);
                    table.ForeignKey(
                        name: "FK_action_status_work_action_WorkActionId",
                        column: x => x.WorkActionId,
                        principalTable: "work_action",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_status_WorkActionId",
                table: "action_status",
                column: "WorkActionId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entry_At",
                table: "audit_entry",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_budget_line_WorkPackageId",
                table: "budget_line",
                column: "WorkPackageId");

            migrationBuilder.CreateIndex(
                name: "IX_goal_WorkPackageId",
                table: "goal",
                column: "WorkPackageId");

            migrationBuilder.CreateIndex(
                name: "IX_investment_PillarId",
                table: "investment",
                column: "PillarId");

            migrationBuilder.CreateIndex(
                name: "IX_measurement_MetricId",
                table: "measurement",
                column: "MetricId");

            migrationBuilder.CreateIndex(
                name: "IX_metric_ProgrammeId",
                table: "metric",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_metric_WorkPackageId",
                table: "metric",
                column: "WorkPackageId");

            migrationBuilder.CreateIndex(
                name: "IX_metric_target_MetricId",
                table: "metric_target",
                column: "MetricId");

            migrationBuilder.CreateIndex(
                name: "IX_milestone_WorkPackageId",
                table: "milestone",
                column: "WorkPackageId");

            migrationBuilder.CreateIndex(
                name: "IX_output_WorkPackageId",
                table: "output",
                column: "WorkPackageId");

            migrationBuilder.CreateIndex(
                name: "IX_pillar_ProgrammeId",
                table: "pillar",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_change_ProgrammeId",
                table: "plan_change",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_procurement_line_WorkPackageId",
                table: "procurement_line",
                column: "WorkPackageId");

            migrationBuilder.CreateIndex(
                name: "IX_review_meeting_ProgrammeId",
                table: "review_meeting",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_risk_ProgrammeId",
                table: "risk",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_risk_WorkPackageId",
                table: "risk",
                column: "WorkPackageId");

            migrationBuilder.CreateIndex(
                name: "IX_work_action_WorkPackageId",
                table: "work_action",
                column: "WorkPackageId");

            migrationBuilder.CreateIndex(
                name: "IX_work_package_InvestmentId",
                table: "work_package",
                column: "InvestmentId");

            migrationBuilder.CreateIndex(
                name: "IX_work_package_assignment_WorkPackageId_UserName",
                table: "work_package_assignment",
                columns: new[] { "WorkPackageId", "UserName" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_status");

            migrationBuilder.DropTable(
                name: "audit_entry");

            migrationBuilder.DropTable(
                name: "budget_line");

            migrationBuilder.DropTable(
                name: "goal");

            migrationBuilder.DropTable(
                name: "measurement");

            migrationBuilder.DropTable(
                name: "metric_target");

            migrationBuilder.DropTable(
                name: "milestone");

            migrationBuilder.DropTable(
                name: "output");

            migrationBuilder.DropTable(
                name: "plan_change");

            migrationBuilder.DropTable(
                name: "procurement_line");

            migrationBuilder.DropTable(
                name: "review_meeting");

            migrationBuilder.DropTable(
                name: "risk");

            migrationBuilder.DropTable(
                name: "work_package_assignment");

            migrationBuilder.DropTable(
                name: "work_action");

            migrationBuilder.DropTable(
                name: "metric");

            migrationBuilder.DropTable(
                name: "work_package");

            migrationBuilder.DropTable(
                name: "investment");

            migrationBuilder.DropTable(
                name: "pillar");

            migrationBuilder.DropTable(
                name: "programme");
        }
    }
}
