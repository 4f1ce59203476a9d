using System.Globalization;
using Tilannekuva.Programme.Review;
using Tilannekuva.Programme.Storage;

namespace Tilannekuva.Web.Reports;

/// <summary>Downloads for signed-in users (cookie): the review as PPTX/DOCX/HTML, the monthly report as CSV/XLSX.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("programmes/{id:int}").RequireAuthorization();
        files.MapGet("review.pptx", (int id, DateOnly? date, ProgrammeDbContext db, IComputedMetricValues computed, CancellationToken ct) => Review(id, date, ReviewFileFormat.Pptx, db, computed, ct));
        files.MapGet("review.docx", (int id, DateOnly? date, ProgrammeDbContext db, IComputedMetricValues computed, CancellationToken ct) => Review(id, date, ReviewFileFormat.Docx, db, computed, ct));
        files.MapGet("review.html", (int id, DateOnly? date, ProgrammeDbContext db, IComputedMetricValues computed, CancellationToken ct) => Review(id, date, ReviewFileFormat.Html, db, computed, ct));
        files.MapGet("monthly.csv", (int id, DateOnly? date, ProgrammeDbContext db, IComputedMetricValues computed, CancellationToken ct) => Monthly(id, date, MonthlyFileFormat.Csv, db, computed, ct));
        files.MapGet("monthly.xlsx", (int id, DateOnly? date, ProgrammeDbContext db, IComputedMetricValues computed, CancellationToken ct) => Monthly(id, date, MonthlyFileFormat.Xlsx, db, computed, ct));
        return app;
    }

    public static async Task<IResult> Monthly(int id, DateOnly? date, MonthlyFileFormat format, ProgrammeDbContext db, IComputedMetricValues computed, CancellationToken ct)
    {
        var file = await ReviewDocuments.MonthlyAsync(db, id, date ?? DateOnly.FromDateTime(DateTime.Today), format, CultureInfo.CurrentUICulture, computed, ct);
        return file is null ? Results.NotFound() : Results.File(file.Content, file.ContentType, file.FileName);
    }

    public static async Task<IResult> Review(int id, DateOnly? date, ReviewFileFormat format, ProgrammeDbContext db, IComputedMetricValues computed, CancellationToken ct)
    {
        var model = await ReviewDocuments.BuildAsync(db, id, date ?? DateOnly.FromDateTime(DateTime.Today), computed, ct);
        if (model is null) return Results.NotFound();
        var file = ReviewDocuments.Render(model, format, CultureInfo.CurrentUICulture);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
