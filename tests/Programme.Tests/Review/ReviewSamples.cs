using System.Globalization;
using Tilannekuva.Programme.Demo;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Programme.Tests.Fixtures;
using Tilannekuva.Storage;
using Tilannekuva.TestSupport;

namespace Tilannekuva.Programme.Tests.Review;

/// <summary>
/// The reviews the layout tests look at: the demo programme (stored in a real SQLite file through the
/// migrations and read back as the web page reads it) and a programme filled to the brim, in fi, sv and en.
/// </summary>
public static class ReviewSamples
{
    public static readonly string[] Cultures = ["fi-FI", "sv-FI", "en-GB"];

    public static readonly string[] Sets = ["demo", "brim"];

    /// <summary>The demo's "today": a fixed day, so that the files are the same on every run.</summary>
    public static readonly DateOnly DemoToday = new(2026, 3, 14);

    private static readonly Lazy<ReviewModel> Demo = new(() => LoadDemoAsync().GetAwaiter().GetResult());

    public static ReviewModel Model(string set) => set switch
    {
        "demo" => Demo.Value,
        "brim" => ReviewBuilder.Build(new BrimProgramme().Programme, BrimProgramme.Meeting),
        _ => throw new ArgumentOutOfRangeException(nameof(set)),
    };

    private static async Task<ReviewModel> LoadDemoAsync()
    {
        using var file = new SqliteFile();
        await using var db = ProgrammeStorage.Open(file.Options);
        await ModuleMigrator.MigrateAsync(db);
        var programme = await DemoProgramme.LoadAsync(db, DemoToday);
        return await ReviewDocuments.BuildAsync(db, programme.Id, DemoToday) ?? throw new InvalidOperationException("demo programme not found");
    }

    /// <summary>Every euro figure the review shows (budget rows and totals, work-package budgets, procurements), as written in the culture.</summary>
    public static IReadOnlyList<string> Figures(ReviewModel m, CultureInfo c)
    {
        var amounts = new List<decimal> { m.Budget.Sum(b => b.CostEstimate) };
        var total = Money.Sum(m.Budget.Select(b => b.Money));
        amounts.AddRange([total.Planned, total.Actual, total.Forecast]);
        foreach (var b in m.Budget)
        {
            amounts.AddRange([b.CostEstimate, b.Money.Planned, b.Money.Actual, b.Money.Forecast]);
            amounts.AddRange(b.Procurements.Select(p => p.Amount));
            if (b.Procurements.Count > 0) amounts.Add(b.Procurements.Sum(p => p.Amount));
        }
        foreach (var w in m.WorkPackages.Where(w => w.HasBudget)) amounts.AddRange([w.Budget.Planned, w.Budget.Actual, w.Budget.Forecast]);
        return amounts.Distinct().Select(a => ReviewFormat.Euros(a, c)).ToList();
    }
}
