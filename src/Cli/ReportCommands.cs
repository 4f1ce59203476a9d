using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tilannekuva.Localisation;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Storage;
using Tilannekuva.Storage;

namespace Tilannekuva.Cli;

/// <summary>report review|monthly: the same files the web page offers, for scripts and schedulers.</summary>
public static class ReportCommands
{
    private static readonly Option<string> Programme = new("--programme") { Description = "Programme id or name (default: the only programme)" };
    private static readonly Option<DateOnly?> Date = new("--date") { Description = "Meeting date / as-of date, yyyy-MM-dd (default: today)" };
    private static readonly Option<string?> Out = new("--out") { Description = "Output file (default: a descriptive name in the current folder)" };
    private static readonly Option<string> Lang = new("--lang") { Description = "fi, sv or en", DefaultValueFactory = _ => Texts.DefaultCulture };

    public static Command Build()
    {
        var reviewFormat = new Option<ReviewFileFormat>("--format") { Description = "pptx, docx or html", DefaultValueFactory = _ => ReviewFileFormat.Pptx };
        var review = new Command("review", "Steering-group review (ohjausryhmäkatsaus)") { Programme, Date, reviewFormat, Out, Lang };
        review.SetAction((r, ct) => Run(r, ct, async (db, computed, id, date, culture) =>
            await ReviewDocuments.BuildAsync(db, id, date, computed, ct) is { } model ? ReviewDocuments.Render(model, r.GetValue(reviewFormat), culture) : null));

        var monthlyFormat = new Option<MonthlyFileFormat>("--format") { Description = "csv or xlsx", DefaultValueFactory = _ => MonthlyFileFormat.Csv };
        var monthly = new Command("monthly", "Monthly portfolio report, one row per work package") { Programme, Date, monthlyFormat, Out, Lang };
        monthly.SetAction((r, ct) => Run(r, ct, (db, computed, id, date, culture) =>
            ReviewDocuments.MonthlyAsync(db, id, date, r.GetValue(monthlyFormat), culture, computed, ct)));

        return new Command("report", "Generate the steering-group review or the monthly report") { review, monthly };
    }

    private static async Task<int> Run(ParseResult r, CancellationToken ct, Func<ProgrammeDbContext, IComputedMetricValues, int, DateOnly, CultureInfo, Task<GeneratedFile?>> generate)
    {
        // Only the modules a report reads, without the web host (StoreServices).
        await using var services = await StoreServices.ForReportsAsync(CliApp.Database(r), ct);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgrammeDbContext>();
        StartupTrace.Mark("report: services");
        var id = await FindProgrammeAsync(db, r.GetValue(Programme), ct);
        StartupTrace.Mark("report: programme found");
        if (id is null)
        {
            Console.Error.WriteLine(Texts.Format("Cli.NoSuchProgramme", CultureInfo.CurrentCulture, r.GetValue(Programme) ?? ""));
            return 2;
        }
        var culture = CultureInfo.GetCultureInfo(Texts.Cultures.Contains(r.GetValue(Lang)) ? r.GetValue(Lang)! : Texts.DefaultCulture);
        var file = await generate(db, scope.ServiceProvider.GetRequiredService<IComputedMetricValues>(), id.Value, r.GetValue(Date) ?? DateOnly.FromDateTime(DateTime.Today), culture);
        StartupTrace.Mark("report: generated");
        if (file is null) return 2;
        var path = r.GetValue(Out) ?? file.FileName;
        await File.WriteAllBytesAsync(path, file.Content, ct);
        Console.WriteLine(Path.GetFullPath(path));
        return 0;
    }

    /// <summary>By id, by exact name, or the only programme when none is named.</summary>
    private static async Task<int?> FindProgrammeAsync(ProgrammeDbContext db, string? programme, CancellationToken ct)
    {
        if (int.TryParse(programme, out var id)) return await db.Programmes.AnyAsync(p => p.Id == id, ct) ? id : null;
        var q = db.Programmes.AsQueryable();
        if (!string.IsNullOrWhiteSpace(programme)) q = q.Where(p => p.Name == programme);
        var ids = await q.OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync(ct);
        return ids.Count == 1 ? ids[0] : null;
    }
}
