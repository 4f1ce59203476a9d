using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Programme.Domain;
using Tilannekuva.Programme.Editing;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Programme.Tests.Editing;

/// <summary>The edit rules on a real SQLite file: who may change what, how text becomes values, and what is logged.</summary>
public sealed class EntityEditorTests : IAsyncLifetime, IDisposable
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi");
    private readonly SqliteFile _file = new();
    private int _ownWp, _otherWp, _ownRisk, _otherRisk, _programmeMetric, _ownAction;

    private static readonly ProgrammeEditor Planner1 = new("suunnittelija1", EditRight.AssignedWorkPackages);
    private static readonly ProgrammeEditor Analyst = new("analyytikko", EditRight.None);
    private static readonly ProgrammeEditor Director = new("johtaja", EditRight.Everything);

    public async Task InitializeAsync()
    {
        await using var db = Open("setup");
        await db.Database.MigrateAsync();
        var own = new WorkPackage { Code = "TP1", Title = "Oma", Assignments = [new() { UserName = "suunnittelija1" }],
            Risks = [new() { Description = "Rekrytointi viivästyy", Probability = 2, Impact = 3, Score = 6 }],
            Actions = [new() { Number = 1, Title = "Kartoitus" }] };
        var other = new WorkPackage { Code = "TP2", Title = "Toisen", Assignments = [new() { UserName = "suunnittelija2" }],
            Risks = [new() { Description = "Järjestelmä ei valmistu", Probability = 3, Impact = 4, Score = 12 }] };
        var programme = new DevelopmentProgramme
        {
            Name = "Testiohjelma", StartYear = 2025, EndYear = 2027,
            Pillars = [new() { Code = "P4", Title = "Pilari", Investments = [new() { Code = "1", Title = "Inv", WorkPackages = [own, other] }] }],
            Metrics = [new() { Name = "Hoitotakuu", Kind = MetricKind.Percentage, Unit = "%" }],
        };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        (_ownWp, _otherWp, _ownRisk, _otherRisk, _programmeMetric, _ownAction) =
            (own.Id, other.Id, own.Risks[0].Id, other.Risks[0].Id, programme.Metrics[0].Id, own.Actions[0].Id);
    }

    [Fact]
    public async Task Planner_changes_a_risk_in_their_own_work_package_and_the_change_is_logged_with_before_and_after()
    {
        await using var db = Open(Planner1.UserName);
        var editor = new EntityEditor(db);
        var target = (await editor.LoadAsync(Type("risk"), _ownRisk))!;

        var result = await editor.SaveAsync(target, new Dictionary<string, string?> { ["Probability"] = "4", ["Score"] = "12" }, Planner1, Fi);

        Assert.Equal(EditOutcome.Saved, result.Outcome);
        await using var check = Open("check");
        var risk = await check.Risks.SingleAsync(r => r.Id == _ownRisk);
        Assert.Equal((4, 3, 12, "Rekrytointi viivästyy"), (risk.Probability, risk.Impact, risk.Score, risk.Description));
        var audit = await check.AuditEntries.Where(a => a.EntityType == nameof(Risk) && a.EntityId == _ownRisk.ToString() && a.Change == "Modified").SingleAsync();
        Assert.Equal("suunnittelija1", audit.UserName);
        Assert.Contains("\"Probability\":2", audit.Before);
        Assert.Contains("\"Probability\":4", audit.After);
    }

    [Fact]
    public async Task Every_audit_row_names_the_programme_of_the_changed_row_even_for_a_deletion()
    {
        await using (var setup = Open("setup"))
        {
            setup.Programmes.Add(new DevelopmentProgramme { Name = "Toinen ohjelma", StartYear = 2025, EndYear = 2026,
                Pillars = [new() { Code = "P1", Title = "Muu", Investments = [new() { Code = "1", Title = "Muu", WorkPackages = [new() { Code = "X1", Title = "Muu" }] }] }] });
            await setup.SaveChangesAsync();
        }
        await using var db = Open(Director.UserName);
        var editor = new EntityEditor(db);
        var status = await editor.SaveAsync((await editor.NewAsync(Type("actionstatus"), _ownAction, Director))!, new Dictionary<string, string?> { ["Status"] = "Ongoing", ["Date"] = "1.2.2026" }, Director, Fi);
        var deleted = await editor.DeleteAsync((await editor.LoadAsync(Type("risk"), _ownRisk))!, Director);
        Assert.Equal((EditOutcome.Saved, EditOutcome.Saved), (status.Outcome, deleted.Outcome));

        await using var check = Open("check");
        var first = await check.Programmes.Where(p => p.Name == "Testiohjelma").Select(p => p.Id).SingleAsync();
        var second = await check.Programmes.Where(p => p.Name == "Toinen ohjelma").Select(p => p.Id).SingleAsync();
        var rows = await check.AuditEntries.ToListAsync();
        Assert.DoesNotContain(rows, a => a.ProgrammeId is null);
        Assert.Equal(first, rows.Single(a => a.EntityType == nameof(ActionStatusEntry)).ProgrammeId);
        Assert.Equal(first, rows.Single(a => a.EntityType == nameof(Risk) && a.Change == "Deleted").ProgrammeId);
        Assert.Equal(second, rows.Single(a => a.EntityType == nameof(WorkPackage) && a.After!.Contains("\"X1\"")).ProgrammeId);
        Assert.Equal(5, rows.Count(a => a.ProgrammeId == first && a.Change == "Added" && a.UserName == "setup" && a.EntityType is nameof(WorkPackage) or nameof(Risk) or nameof(WorkAction)));
    }

    [Fact]
    public async Task Planner_cannot_change_another_planners_work_package_and_nothing_is_stored()
    {
        await using var db = Open(Planner1.UserName);
        var editor = new EntityEditor(db);
        var target = (await editor.LoadAsync(Type("risk"), _otherRisk))!;

        var result = await editor.SaveAsync(target, new Dictionary<string, string?> { ["Score"] = "1" }, Planner1, Fi);
        var deleted = await editor.DeleteAsync(target, Planner1);

        Assert.Equal(EditOutcome.Forbidden, result.Outcome);
        Assert.Equal(EditOutcome.Forbidden, deleted.Outcome);
        await using var check = Open("check");
        Assert.Equal(12, (await check.Risks.SingleAsync(r => r.Id == _otherRisk)).Score);
        Assert.False(await check.AuditEntries.AnyAsync(a => a.UserName == "suunnittelija1"));
    }

    [Fact]
    public async Task Planner_cannot_give_themselves_another_work_package_nor_touch_programme_level_metrics()
    {
        await using var db = Open(Planner1.UserName);
        var editor = new EntityEditor(db);

        var assignment = (await editor.NewAsync(Type("assignment"), _otherWp, Planner1))!;
        var assign = await editor.SaveAsync(assignment, new Dictionary<string, string?> { ["UserName"] = "suunnittelija1" }, Planner1, Fi);
        var ownAssignment = (await editor.NewAsync(Type("assignment"), _ownWp, Planner1))!;
        var assignOwn = await editor.SaveAsync(ownAssignment, new Dictionary<string, string?> { ["UserName"] = "suunnittelija3" }, Planner1, Fi);
        var measurement = (await editor.NewAsync(Type("measurement"), _programmeMetric, Planner1))!;
        var measure = await editor.SaveAsync(measurement, new Dictionary<string, string?> { ["Date"] = "2026-10-01", ["Value"] = "70" }, Planner1, Fi);

        Assert.Equal([EditOutcome.Forbidden, EditOutcome.Forbidden, EditOutcome.Forbidden], new[] { assign.Outcome, assignOwn.Outcome, measure.Outcome });
        await using var check = Open("check");
        Assert.Equal(2, await check.Assignments.CountAsync());
        Assert.Equal(0, await check.Measurements.CountAsync());
    }

    [Fact]
    public async Task Readers_cannot_edit_and_the_director_can_edit_anything()
    {
        await using var db = Open("x");
        var editor = new EntityEditor(db);
        var target = (await editor.LoadAsync(Type("risk"), _otherRisk))!;

        Assert.Equal(EditOutcome.Forbidden, (await editor.SaveAsync(target, new Dictionary<string, string?> { ["Score"] = "2" }, Analyst, Fi)).Outcome);
        Assert.Equal(EditOutcome.Saved, (await editor.SaveAsync(target, new Dictionary<string, string?> { ["Score"] = "2" }, Director, Fi)).Outcome);
    }

    [Fact]
    public async Task Finnish_input_is_read_with_decimal_comma_and_day_month_year_dates()
    {
        await using var db = Open(Director.UserName);
        var editor = new EntityEditor(db);
        var target = (await editor.NewAsync(Type("measurement"), _programmeMetric, Director))!;

        var result = await editor.SaveAsync(target, new Dictionary<string, string?> { ["Date"] = "1.10.2026", ["Value"] = "68,5", ["N"] = "412", ["Source"] = "Potilastietojärjestelmä" }, Director, Fi);

        Assert.Equal(EditOutcome.Saved, result.Outcome);
        await using var check = Open("check");
        var m = await check.Measurements.SingleAsync();
        Assert.Equal((new DateOnly(2026, 10, 1), 68.5m, 412, "johtaja"), (m.Date, m.Value, m.N, m.RecordedBy));
    }

    [Theory]
    [InlineData("1 182 060 €", 1182060)]
    [InlineData("455 000", 455000)]
    [InlineData("876\u00a0660,50", 876660.50)]
    [InlineData("12.5", 12.5)]
    public void Cost_figures_are_read_as_plans_write_them(string text, decimal expected)
    {
        var field = new EditableField("CostEstimate", FieldKind.Decimal);
        Assert.True(FieldValues.TryParse(text, field, Fi, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Fact]
    public async Task Invalid_input_names_the_fields_and_stores_nothing()
    {
        await using var db = Open(Planner1.UserName);
        var editor = new EntityEditor(db);
        var status = (await editor.NewAsync(Type("actionstatus"), _ownAction, Planner1))!;
        var risk = (await editor.LoadAsync(Type("risk"), _ownRisk))!;

        var postponed = await editor.SaveAsync(status, new Dictionary<string, string?> { ["Status"] = "Postponed", ["Date"] = "2026-11-01" }, Planner1, Fi);
        var outOfRange = await editor.SaveAsync(risk, new Dictionary<string, string?> { ["Probability"] = "7", ["Impact"] = "x" }, Planner1, Fi);

        Assert.Equal(EditOutcome.Invalid, postponed.Outcome);
        Assert.Equal("Edit.PostponedNeedsDate", postponed.Errors["PostponedTo"]);
        Assert.Equal(EditOutcome.Invalid, outOfRange.Outcome);
        Assert.Equal(("Edit.OutOfRange", "Edit.NotANumber"), (outOfRange.Errors["Probability"], outOfRange.Errors["Impact"]));
        await using var check = Open("check");
        Assert.Equal(0, await check.ActionStatuses.CountAsync());
        Assert.Equal(2, (await check.Risks.SingleAsync(r => r.Id == _ownRisk)).Probability);
    }

    [Fact]
    public async Task Planner_writes_the_account_of_their_own_work_package_and_only_the_director_writes_the_finance_comment()
    {
        await using var db = Open(Planner1.UserName);
        var editor = new EntityEditor(db);
        var note = (await editor.NewAsync(Type("reviewnote"), _ownWp, Planner1))!;
        Assert.Equal(DateOnly.FromDateTime(DateTime.Today), ((WorkPackageReviewNote)note.Entity).Date);
        var saved = await editor.SaveAsync(note, new Dictionary<string, string?> { ["Date"] = "5.12.2026", ["Text"] = "Pilotti käynnistyi." }, Planner1, Fi);
        Assert.Equal(EditOutcome.Saved, saved.Outcome);
        var foreign = await editor.SaveAsync((await editor.NewAsync(Type("reviewnote"), _otherWp, Planner1))!,
            new Dictionary<string, string?> { ["Date"] = "5.12.2026", ["Text"] = "Ei oma." }, Planner1, Fi);
        Assert.Equal(EditOutcome.Forbidden, foreign.Outcome);
        var empty = await editor.SaveAsync((await editor.NewAsync(Type("reviewnote"), _ownWp, Planner1))!,
            new Dictionary<string, string?> { ["Date"] = "5.12.2026" }, Planner1, Fi);
        Assert.Equal(EditOutcome.Invalid, empty.Outcome);

        var investment = await db.Investments.Select(i => i.Id).SingleAsync();
        var byPlanner = await editor.SaveAsync((await editor.NewAsync(Type("financenote"), investment, Planner1))!,
            new Dictionary<string, string?> { ["Date"] = "5.12.2026", ["Text"] = "Toteuma parani." }, Planner1, Fi);
        Assert.Equal(EditOutcome.Forbidden, byPlanner.Outcome);
        await using var director = Open(Director.UserName);
        var directorEditor = new EntityEditor(director);
        var byDirector = await directorEditor.SaveAsync((await directorEditor.NewAsync(Type("financenote"), investment, Director))!,
            new Dictionary<string, string?> { ["Date"] = "5.12.2026", ["Text"] = "Toteuma parani." }, Director, Fi);
        Assert.Equal(EditOutcome.Saved, byDirector.Outcome);

        await using var check = Open("check");
        var programme = await check.Programmes.Select(p => p.Id).SingleAsync();
        Assert.Equal("Pilotti käynnistyi.", (await check.ReviewNotes.SingleAsync()).Text);
        Assert.Equal(new DateOnly(2026, 12, 5), (await check.FinanceNotes.SingleAsync()).Date);
        var audit = await check.AuditEntries.Where(a => a.EntityType == nameof(WorkPackageReviewNote) || a.EntityType == nameof(InvestmentFinanceNote)).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(programme, a.ProgrammeId));
        Assert.Contains(audit, a => a.UserName == "suunnittelija1" && a.After!.Contains("Pilotti", StringComparison.Ordinal));
    }

    private ProgrammeDbContext Open(string user) => ProgrammeStorage.Open(_file.Options, new FixedUserName(user));

    private static EditableType Type(string name) => EditableTypes.Find(name)!;

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _file.Dispose();
}
